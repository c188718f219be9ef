"""frontwatch: read conflict news reports into sourced, geolocated events and a control timeline."""

from frontwatch.records import (
    Actor, Article, Attribution, ControlChange, ControlRecord, Event, Place, Segment, Toponym,
)

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Attribution", "ControlChange", "ControlRecord", "Event", "Place", "Segment",
           "Toponym", "__version__"]
