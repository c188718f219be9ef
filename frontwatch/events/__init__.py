"""Sentences -> event records: trigger families from frontwatch/data/triggers.json, arguments, control changes."""

from __future__ import annotations

from frontwatch.events.extract import extract_events, extract_text

__all__ = ["extract_events", "extract_text"]
