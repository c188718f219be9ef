-- Version 3: which extractor read each text, so that a newer frontwatch reads again what an older one stored.

ALTER TABLE texts ADD COLUMN extractor TEXT;   -- the extractor's fingerprint; NULL for texts stored before
