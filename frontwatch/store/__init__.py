"""The embedded store: reports, texts (once), events and their sources in SQLite, versioned and migrated.

``Store.open(path)`` is the entry point; ``StoredEvent`` is what queries return.
"""

from frontwatch.store.database import Store, StoredEvent
from frontwatch.store.place_keys import place_key

__all__ = ["Store", "StoredEvent", "place_key"]
