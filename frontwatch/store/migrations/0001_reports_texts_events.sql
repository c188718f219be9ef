-- Version 1: reports, their texts (stored once), the events read from them and which reports carry each event.

CREATE TABLE texts (
    text_hash TEXT PRIMARY KEY,          -- sha256 of the text as read
    text      TEXT NOT NULL
);

CREATE TABLE reports (
    report_id   INTEGER PRIMARY KEY,
    text_hash   TEXT NOT NULL REFERENCES texts(text_hash),
    url         TEXT,
    url_key     TEXT NOT NULL,            -- url, else source, else '' : what makes a copy "the same report"
    outlet      TEXT,
    published   TEXT,                     -- YYYY-MM-DD or NULL
    title       TEXT,
    source      TEXT,                     -- the file (and line) it was read from
    ingested_at TEXT NOT NULL,            -- UTC instant, fixed width: YYYY-MM-DDTHH:MM:SS.ffffffZ
    UNIQUE (text_hash, url_key)
);
CREATE INDEX reports_ingested ON reports(ingested_at);

CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,
    text_hash       TEXT NOT NULL REFERENCES texts(text_hash),
    type            TEXT NOT NULL,
    mode            TEXT,
    acled           TEXT,
    date            TEXT,
    place_key       TEXT,                 -- geonameid, else normalised name|country
    place_geonameid INTEGER,
    place_name      TEXT,
    lat             REAL,
    lon             REAL,
    admin1          TEXT,
    country         TEXT,
    actor           TEXT,
    target          TEXT,
    modality        TEXT NOT NULL,
    control_holder  TEXT,
    control_from    TEXT,
    record          TEXT NOT NULL,        -- the full event record as contract JSON
    ingested_at     TEXT NOT NULL         -- first time the store knew it
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_actor ON events(actor COLLATE NOCASE);
CREATE INDEX events_target ON events(target COLLATE NOCASE);
CREATE INDEX events_place ON events(place_key, date);
CREATE INDEX events_place_name ON events(place_name COLLATE NOCASE);
CREATE INDEX events_lat_lon ON events(lat, lon);
CREATE INDEX events_control ON events(control_holder) WHERE control_holder IS NOT NULL;
CREATE INDEX events_text ON events(text_hash);

CREATE TABLE event_sources (
    event_id  TEXT NOT NULL REFERENCES events(event_id),
    report_id INTEGER NOT NULL REFERENCES reports(report_id),
    PRIMARY KEY (event_id, report_id)
) WITHOUT ROWID;
CREATE INDEX event_sources_report ON event_sources(report_id);
