// frontwatch map: control by date, events, evidence, timeline and watch points, from the JSON API.
// Report text is always inserted as text (textContent / text nodes), never as markup.
(function () {
  'use strict';

  var HOLDER_COLOURS = ['#c0392b', '#2471a3', '#7d3c98', '#d68910', '#148f77', '#6e2c00', '#566573', '#b7950b'];
  var TYPE_COLOURS = {
    ASSAULT: '#d7301f', COERCE: '#fc8d59', RETREAT: '#8c6bb1', MOBILIZE: '#fdae61', THREATEN: '#e7298a',
    AGREE: '#1a9850', CONSULT: '#1a9850', COOPERATE: '#1a9850', CONCEDE: '#66bd63', REQUEST: '#3288bd',
    REJECT: '#3288bd', ACCUSE: '#3288bd', AID: '#abdda4', SUPPORT: '#abdda4', PROTEST: '#999', SANCTION: '#999'
  };
  var EVENT_WINDOW_DAYS = 3;  // events shown: those of the last few days up to the slider's date

  var state = { date: null, actor: '', type: '', sel: '', known: '' };
  var dates = [];
  var holderColour = {};
  var map, placeLayer, eventLayer, watchLayer, provinceLayer;
  var playing = null;
  var requestSeq = 0;

  // -- small DOM helpers: text only ---------------------------------------------------------------------
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'class') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function link(url, text) {
    // Only http(s) links are made clickable; anything else (javascript:, data:) stays plain text.
    try {
      var u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        return el('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, text || u.href);
      }
    } catch (e) { /* not a URL */ }
    return el('span', {}, text || String(url || ''));
  }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }
  function addDays(iso, n) {
    var d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }
  function q(params) {
    var u = new URLSearchParams();
    Object.keys(params).forEach(function (k) { if (params[k] !== '' && params[k] != null) u.append(k, params[k]); });
    return u.toString();
  }

  // -- URL state -----------------------------------------------------------------------------------------
  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    state.date = p.get('date') || null;
    state.actor = p.get('actor') || '';
    state.type = p.get('type') || '';
    state.sel = p.get('sel') || '';
    state.known = p.get('known_at') || '';
  }
  function writeHash() {
    var h = q({ date: state.date, actor: state.actor, type: state.type, sel: state.sel, known_at: state.known });
    history.replaceState(null, '', '#' + h);
  }

  // -- the map -------------------------------------------------------------------------------------------
  function setUpMap() {
    map = L.map('map', { zoomControl: true, worldCopyJump: true, preferCanvas: false }).setView([34, 66], 6);
    // Neutral attribution: our own prefix, no flag.
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('Borders: Natural Earth');
    map.createPane('countries').style.zIndex = 300;
    map.createPane('provinces').style.zIndex = 350;
    // Events sit under the place circles (overlay pane, 400) so a place can always be clicked.
    map.createPane('events').style.zIndex = 390;
    placeLayer = L.layerGroup().addTo(map);
    eventLayer = L.layerGroup().addTo(map);
    watchLayer = L.layerGroup().addTo(map);
    var countries = getJSON('/static/vendor/world-atlas/countries-50m.json').then(function (topo) {
      var world = topojson.feature(topo, topo.objects.countries);
      world.features = world.features.filter(function (f) { return f.id !== ANTARCTICA; }).map(unwrapAntimeridian);
      L.geoJSON(world, {
        pane: 'countries', style: { color: '#888', weight: 1, fillColor: '#f2efe6', fillOpacity: 1 }, interactive: false
      }).addTo(map);
    });
    var provinces = getJSON('/static/data/admin1.json').then(function (geo) {
      provinceLayer = L.geoJSON(geo, {
        pane: 'provinces',
        style: { color: '#999', weight: 0.8, fill: true, fillOpacity: 0, dashArray: '3 3' },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(el('span', {}, f.properties.name), { sticky: true, opacity: 0.8 });
        }
      }).addTo(map);
    });
    return Promise.all([countries, provinces]);
  }

  var ANTARCTICA = '010';
  var ACROSS_ANTIMERIDIAN = { '643': true, '242': true };  // Russia, Fiji: drawn east of 180 rather than torn

  function unwrapAntimeridian(f) {
    if (!ACROSS_ANTIMERIDIAN[f.id]) return f;
    var shift = function (c) {
      return typeof c[0] === 'number' ? [c[0] < 0 ? c[0] + 360 : c[0], c[1]] : c.map(shift);
    };
    return { type: 'Feature', id: f.id, properties: f.properties,
             geometry: { type: f.geometry.type, coordinates: shift(f.geometry.coordinates) } };
  }

  function theatreBounds() {
    // The country with the most places on the map: stray places elsewhere should not zoom the map out to the world.
    var byCountry = {};
    placeLayer.eachLayer(function (m) {
      var c = m.options.fwCountry || '';
      (byCountry[c] = byCountry[c] || []).push(m.getLatLng());
    });
    var best = null;
    Object.keys(byCountry).forEach(function (c) { if (!best || byCountry[c].length > best.length) best = byCountry[c]; });
    return best ? L.latLngBounds(best) : null;
  }

  function colourOf(holder) {
    if (!(holder in holderColour)) {
      holderColour[holder] = HOLDER_COLOURS[Object.keys(holderColour).length % HOLDER_COLOURS.length];
    }
    return holderColour[holder];
  }

  function styleFor(record) {
    var c = colourOf(record.holder);
    if (record.status === 'held') return { radius: 8, color: '#222', weight: 1, fillColor: c, fillOpacity: 0.9 };
    if (record.status === 'contested') {
      return { radius: 8, color: c, weight: 2.5, dashArray: '3 3', fillColor: c, fillOpacity: 0.3 };
    }
    return { radius: 8, color: c, weight: 2.5, fillOpacity: 0 };  // claimed: outline only
  }

  function drawControl(records) {
    placeLayer.clearLayers();
    var holders = [];
    records.forEach(function (r) { if (holders.indexOf(r.holder) < 0) holders.push(r.holder); });
    drawLegend(legendTypes, holders);
    var byGeonameid = {};
    records.forEach(function (r) {
      if (r.place.geonameid) byGeonameid[r.place.geonameid] = r;
      var m = L.circleMarker([r.place.lat, r.place.lon], styleFor(r));
      m.options.fwKey = r.key;
      m.options.fwHolder = r.holder;
      m.options.fwStatus = r.status;
      m.options.fwCountry = r.place.country;
      var label = el('span', {}, r.place.name + ' — ' + r.holder + ' (' + r.status + ')');
      m.bindTooltip(label, { direction: 'top' });
      m.on('click', function () { select('p:' + r.key); });
      m.addTo(placeLayer);
      var element = m.getElement && m.getElement();
      if (element) {
        element.setAttribute('data-place', r.place.name);
        element.setAttribute('data-holder', r.holder);
        element.setAttribute('data-status', r.status);
        element.classList.add('fw-place');
      }
    });
    if (provinceLayer) {
      // A province itself held (an admin-1 place) is tinted in its holder's colour.
      provinceLayer.eachLayer(function (layer) {
        var r = byGeonameid[layer.feature.properties.geonameid];
        layer.setStyle(r ? { fillColor: colourOf(r.holder), fillOpacity: r.status === 'held' ? 0.25 : 0.1 }
                         : { fillOpacity: 0 });
      });
    }
  }

  function drawEvents(page) {
    eventLayer.clearLayers();
    page.items.forEach(function (s, i) {
      var e = s.event;
      if (!e.place) return;
      // A small deterministic offset keeps event squares from hiding the place circle they sit on.
      var angle = (i * 137.5) * Math.PI / 180;
      var icon = L.divIcon({ className: 'ev-icon ev-' + e.type, iconSize: [9, 9] });
      var m = L.marker([e.place.lat + 0.12 * Math.sin(angle), e.place.lon + 0.12 * Math.cos(angle)],
                       { icon: icon, keyboard: false, pane: 'events' });
      m.bindTooltip(el('span', {}, e.type + (e.mode ? ' (' + e.mode + ')' : '') + ' — ' + e.place.name + ', ' + e.date),
                    { direction: 'top' });
      m.on('click', function () { select('e:' + e.event_id); });
      m.addTo(eventLayer);
      var element = m.getElement && m.getElement();
      if (element) element.setAttribute('data-event', e.event_id);
    });
  }

  function drawWatch(approaches) {
    watchLayer.clearLayers();
    var byPoint = {};
    approaches.forEach(function (a) { (byPoint[a.watch_point] = byPoint[a.watch_point] || []).push(a); });
    Object.keys(byPoint).forEach(function (name) {
      var list = byPoint[name];
      var first = list[0];
      var warn = list.some(function (a) { return a.warning; });
      first.thresholds.forEach(function (t) {
        L.circle([first.lat, first.lon], {
          radius: t.km * 1000, color: warn ? '#b00' : '#555', weight: 1, dashArray: '6 4', fill: false,
          interactive: false
        }).addTo(watchLayer);
      });
      list.forEach(function (a) {
        if (!a.nearest) return;
        L.polyline([[a.lat, a.lon], [a.nearest.lat, a.nearest.lon]],
                   { color: a.warning ? '#b00' : '#555', weight: 1.5, dashArray: '1 4', interactive: false })
          .addTo(watchLayer);
      });
      var icon = L.divIcon({ className: 'watch-icon', iconSize: [10, 10] });
      var m = L.marker([first.lat, first.lon], { icon: icon, title: name });
      var tip = el('div', {}, el('strong', {}, name));
      list.forEach(function (a) {
        var line = a.party + ': ' + (a.nearest ? a.nearest.name + ', ' + a.distance_km + ' km' : 'no place held');
        if (a.km_per_day != null) line += a.km_per_day > 0 ? ', closing ' + a.km_per_day + ' km/day' : ', not closing';
        tip.appendChild(el('div', { class: a.warning ? 'warning' : '' }, line));
      });
      m.bindTooltip(tip, { direction: 'right' });
      m.on('click', function () { select('w:' + name); });
      m.addTo(watchLayer);
    });
    state.approaches = approaches;
  }

  // -- the side panel ------------------------------------------------------------------------------------
  var panel = function () { return document.getElementById('panel'); };

  function evidenceBlock(s) {
    var e = s.event;
    var box = el('div', { class: 'evidence' });
    box.appendChild(el('blockquote', {}, e.sentence));
    var what = e.type + (e.mode ? ' / ' + e.mode : '') + (e.acled ? ' — ' + e.acled : '');
    box.appendChild(el('div', { class: 'meta' }, what + '; ' + e.modality + (e.date ? '; dated ' + e.date : '')));
    if (e.control) {
      box.appendChild(el('div', { class: 'meta' }, 'control to ' + e.control.holder +
                         (e.control.from ? ' from ' + e.control.from : '')));
    }
    if (e.attribution.length) {
      box.appendChild(el('div', { class: 'meta' }, 'attributed to: ' + e.attribution.map(function (a) {
        return a.source + ' (' + a.kind + ')';
      }).join(', ')));
    }
    var list = el('ul', { class: 'meta sources' });
    s.sources.forEach(function (src) {
      var li = el('li', {});
      li.appendChild(el('span', {}, (src.outlet || 'unknown outlet') + ', ' + (src.published || 'undated') + ': '));
      li.appendChild(src.url ? link(src.url, src.title || src.url) : el('span', {}, src.title || ''));
      list.appendChild(li);
    });
    box.appendChild(el('div', { class: 'meta' }, s.independent_sources + ' independent source(s)'));
    box.appendChild(list);
    return box;
  }

  function showPlace(key) {
    var seq = ++requestSeq;
    return getJSON('/api/places/' + encodeURIComponent(key) + '/history?' + q({ known_at: state.known })).then(function (h) {
      if (seq !== requestSeq) return;
      var p = panel();
      clear(p);
      var name = h.changes.length ? h.changes[0].place.name : key;
      p.appendChild(el('h2', {}, name));
      var table = el('table', {}, el('tr', {}, el('th', {}, 'holder'), el('th', {}, 'since'), el('th', {}, 'status'),
                                         el('th', {}, 'confidence'), el('th', {}, 'sources')));
      h.changes.forEach(function (c) {
        table.appendChild(el('tr', {}, el('td', {}, c.holder), el('td', {}, c.since || '?'), el('td', {}, c.status),
                             el('td', {}, c.confidence.toFixed(2)), el('td', {}, c.sources)));
      });
      p.appendChild(el('h3', {}, 'Control history'));
      p.appendChild(table);
      p.appendChild(el('h3', {}, 'Evidence'));
      h.evidence.forEach(function (s) { p.appendChild(evidenceBlock(s)); });
    });
  }

  function showEvent(id) {
    var seq = ++requestSeq;
    return getJSON('/api/events/' + encodeURIComponent(id)).then(function (s) {
      if (seq !== requestSeq) return;
      var p = panel();
      clear(p);
      var e = s.event;
      p.appendChild(el('h2', {}, e.type + (e.place ? ' — ' + e.place.name : '')));
      var who = (e.actor ? e.actor.name : 'unknown actor') + (e.target ? ' → ' + e.target.name : '');
      p.appendChild(el('p', {}, who + (e.date ? ', ' + e.date + ' (' + e.date_precision + ')' : '')));
      p.appendChild(el('h3', {}, 'Evidence'));
      p.appendChild(evidenceBlock(s));
    });
  }

  function showWatch(name) {
    var p = panel();
    clear(p);
    p.appendChild(el('h2', {}, name));
    (state.approaches || []).filter(function (a) { return a.watch_point === name; }).forEach(function (a) {
      p.appendChild(el('h3', {}, a.party));
      if (!a.nearest) { p.appendChild(el('p', {}, 'holds no known place')); return; }
      p.appendChild(el('p', {}, 'nearest: ' + a.nearest.name + ' (' + a.status + ' since ' + a.since + '), ' +
                       a.distance_km + ' km; ' + (a.km_per_day == null ? 'no rate yet'
                         : (a.km_per_day > 0 ? 'closing ' + a.km_per_day + ' km/day' : 'not closing'))));
      a.thresholds.forEach(function (t) {
        p.appendChild(el('p', {}, t.km + ' km: ' + (t.crossed ? 'crossed' : (t.days == null ? '—' : t.days + ' days'))));
      });
      a.reasons.forEach(function (r) { p.appendChild(el('p', { class: 'warning' }, 'WARNING: ' + r)); });
      var trend = el('table', {}, el('tr', {}, el('th', {}, 'date'), el('th', {}, 'nearest'), el('th', {}, 'km')));
      a.trend.forEach(function (t) {
        trend.appendChild(el('tr', {}, el('td', {}, t.date), el('td', {}, t.place || '—'),
                             el('td', {}, t.distance_km == null ? '—' : t.distance_km)));
      });
      p.appendChild(el('h3', {}, 'Trend'));
      p.appendChild(trend);
    });
  }

  function select(sel) {
    state.sel = sel;
    writeHash();
    var kind = sel.slice(0, 2), value = sel.slice(2);
    if (kind === 'p:') return showPlace(value);
    if (kind === 'e:') return showEvent(value);
    if (kind === 'w:') return showWatch(value);
    return Promise.resolve();
  }

  // -- timeline ------------------------------------------------------------------------------------------
  function drawTimeline(bins) {
    var box = document.getElementById('timeline');
    clear(box);
    if (!dates.length) return;
    var NS = 'http://www.w3.org/2000/svg';
    var perDay = {};
    bins.forEach(function (b) { (perDay[b.date] = perDay[b.date] || []).push(b); });
    var max = 1;
    dates.forEach(function (d) {
      var n = (perDay[d] || []).reduce(function (s, b) { return s + b.count; }, 0);
      if (n > max) max = n;
    });
    var w = Math.max(12, Math.floor(Math.min(40, 900 / dates.length))), h = 100;
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('width', dates.length * w + 10);
    svg.setAttribute('height', h + 20);
    dates.forEach(function (d, i) {
      var y = h;
      (perDay[d] || []).forEach(function (b) {
        var bh = b.count / max * (h - 10);
        var r = document.createElementNS(NS, 'rect');
        r.setAttribute('x', i * w + 1); r.setAttribute('y', y - bh);
        r.setAttribute('width', w - 2); r.setAttribute('height', bh);
        r.setAttribute('fill', TYPE_COLOURS[b.type] || '#777');
        var title = document.createElementNS(NS, 'title');
        title.textContent = d + ': ' + b.count + ' ' + b.type;
        r.appendChild(title);
        r.addEventListener('click', function () { setDate(d); });
        svg.appendChild(r);
        y -= bh;
      });
      if (d === state.date) {
        var line = document.createElementNS(NS, 'rect');
        line.setAttribute('x', i * w); line.setAttribute('y', 0);
        line.setAttribute('width', w); line.setAttribute('height', h);
        line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#000');
        svg.appendChild(line);
      }
      if (i % Math.ceil(dates.length / 12) === 0) {
        var t = document.createElementNS(NS, 'text');
        t.setAttribute('x', i * w); t.setAttribute('y', h + 14);
        t.setAttribute('font-size', '10');
        t.textContent = d.slice(5);
        svg.appendChild(t);
      }
    });
    box.appendChild(svg);
  }

  var legendTypes = [];

  function drawLegend(types, holders) {
    var box = document.getElementById('legend');
    legendTypes = types;
    clear(box);
    box.appendChild(el('strong', {}, 'Holders'));
    holders.forEach(function (h) {
      var sw = el('span', { class: 'swatch held' });
      sw.style.background = holderColour[h];
      box.appendChild(el('div', { class: 'row' }, sw, h));
    });
    box.appendChild(el('strong', {}, 'Status'));
    ['held', 'contested', 'claimed'].forEach(function (s) {
      box.appendChild(el('div', { class: 'row' }, el('span', { class: 'swatch ' + s }),
                         s + (s === 'claimed' ? ' (a party says so)' : s === 'held' ? ' (independent sources agree)'
                              : ' (reports disagree)')));
    });
    box.appendChild(el('strong', {}, 'Events (last ' + EVENT_WINDOW_DAYS + ' days)'));
    types.forEach(function (t) {
      var sw = el('span', { class: 'ev-icon ev-' + t });
      sw.style.display = 'inline-block'; sw.style.width = '9px'; sw.style.height = '9px';
      box.appendChild(el('div', { class: 'row' }, sw, t));
    });
    box.appendChild(el('div', { class: 'row' }, el('span', { class: 'watch-icon', style: 'display:inline-block;width:9px;height:9px' }),
                       'watch point, rings at its thresholds'));
  }

  // -- refreshing ----------------------------------------------------------------------------------------
  function refresh() {
    if (!state.date) return Promise.resolve();
    document.getElementById('date-label').textContent = state.date;
    var filters = { actor: state.actor, type: state.type, known_at: state.known };
    var control = getJSON('/api/control?' + q({ as_of: state.date, known_at: state.known })).then(function (records) {
      if (state.actor) records = records.filter(function (r) { return r.holder === state.actor; });
      drawControl(records);
      return records;
    });
    var events = getJSON('/api/events?' + q(Object.assign({
      date_from: addDays(state.date, 1 - EVENT_WINDOW_DAYS), date_to: state.date, limit: 500 }, filters)))
      .then(drawEvents);
    var warnings = getJSON('/api/warnings?' + q({ as_of: state.date, known_at: state.known })).then(drawWatch);
    var timeline = getJSON('/api/timeline?' + q(Object.assign({ date_from: dates[0], date_to: dates[dates.length - 1] },
                                                              filters))).then(drawTimeline);
    return Promise.all([control, events, warnings, timeline]).then(function () {
      if (state.fitted) document.body.setAttribute('data-ready', state.date);
    });
  }

  function setDate(d) {
    var i = dates.indexOf(d);
    if (i < 0) return;
    state.date = d;
    document.getElementById('date').value = i;
    writeHash();
    return refresh();
  }

  function togglePlay() {
    var button = document.getElementById('play');
    if (playing) { clearInterval(playing); playing = null; button.textContent = '\u25B6'; return; }
    button.textContent = '\u275A\u275A';
    if (dates.indexOf(state.date) >= dates.length - 1) setDate(dates[0]);
    playing = setInterval(function () {
      var i = dates.indexOf(state.date);
      if (i >= dates.length - 1) { togglePlay(); return; }
      setDate(dates[i + 1]);
    }, 900);
  }

  function start() {
    readHash();
    var mapReady = setUpMap();
    getJSON('/api/meta').then(function (meta) {
      var range = meta.day_dates.first ? meta.day_dates : meta.dates;
      if (range.first) {
        for (var d = range.first; d <= range.last; d = addDays(d, 1)) dates.push(d);
      }
      meta.actors.forEach(function (a) { colourOf(a); });
      var actorSel = document.getElementById('actor'), typeSel = document.getElementById('type');
      meta.actors.forEach(function (a) { actorSel.appendChild(el('option', { value: a }, a)); });
      meta.types.forEach(function (t) { typeSel.appendChild(el('option', { value: t }, t)); });
      actorSel.value = state.actor; typeSel.value = state.type;
      drawLegend(meta.types, []);
      var slider = document.getElementById('date');
      slider.max = Math.max(0, dates.length - 1);
      if (!state.date || dates.indexOf(state.date) < 0) state.date = dates[dates.length - 1] || null;
      slider.value = Math.max(0, dates.indexOf(state.date));
      slider.addEventListener('input', function () { setDate(dates[+slider.value]); });
      actorSel.addEventListener('change', function () { state.actor = actorSel.value; writeHash(); refresh(); });
      typeSel.addEventListener('change', function () { state.type = typeSel.value; writeHash(); refresh(); });
      var known = document.getElementById('known');
      known.value = state.known;
      known.addEventListener('change', function () {
        state.known = known.value;
        writeHash();
        refresh().then(function () { if (state.sel) select(state.sel); });
      });
      document.getElementById('play').addEventListener('click', togglePlay);
      writeHash();
      // A view pasted into the address bar of an open page: take it up without a reload.
      window.addEventListener('hashchange', function () {
        readHash();
        if (dates.indexOf(state.date) < 0) state.date = dates[dates.length - 1] || null;
        slider.value = Math.max(0, dates.indexOf(state.date));
        actorSel.value = state.actor; typeSel.value = state.type; known.value = state.known;
        refresh().then(function () { if (state.sel) select(state.sel); });
      });
      return mapReady.then(refresh);
    }).then(function () {
      var bounds = theatreBounds();
      if (bounds) map.fitBounds(bounds.pad(0.1), { animate: false });
      state.fitted = true;
      document.body.setAttribute('data-ready', state.date);
      if (state.sel) return select(state.sel);
    }).catch(function (err) {
      var p = panel();
      clear(p);
      p.appendChild(el('p', { class: 'warning' }, 'Cannot load: ' + err.message));
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
