-- Version 2: stories. Syndicated copies of one wire story (the same or nearly the same text at several
-- outlets) share a story_id, so that control counts independent stories, not copies.

ALTER TABLE texts ADD COLUMN story_id TEXT;   -- text_hash of the first text of its story
CREATE INDEX texts_story ON texts(story_id);

-- MinHash signature bands of each text: texts sharing any band are candidate copies of one story.
CREATE TABLE text_bands (
    band      INTEGER NOT NULL,
    digest    TEXT NOT NULL,
    text_hash TEXT NOT NULL REFERENCES texts(text_hash),
    PRIMARY KEY (band, digest, text_hash)
) WITHOUT ROWID;

-- Texts stored before stories existed are each their own story until re-ingested.
UPDATE texts SET story_id = text_hash WHERE story_id IS NULL;
