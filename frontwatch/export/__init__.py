"""Exports of the store in the field's formats: ACLED CSV, PLOVER JSONL and GeoJSON.

Each exporter is ``fn(store, out, as_of=None)`` writing one file to ``out``; ``EXPORTERS`` names them for the
command line (`frontwatch export --format NAME`) and the API (`/api/export/NAME`).
"""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.export.acled import ACLED_COLUMNS, write_acled_csv
from frontwatch.export.geojson import write_geojson
from frontwatch.export.plover import write_plover_jsonl
Exporter = Callable[..., None]  # (store, out: TextIO, as_of: str | None = None) -> None

EXPORTERS: dict[str, Exporter] = {
    "acled-csv": write_acled_csv,
    "plover-jsonl": write_plover_jsonl,
    "geojson": write_geojson,
}

MEDIA_TYPES = {"acled-csv": "text/csv", "plover-jsonl": "application/x-ndjson", "geojson": "application/geo+json"}
FILE_NAMES = {"acled-csv": "frontwatch-acled.csv", "plover-jsonl": "frontwatch-plover.jsonl",
              "geojson": "frontwatch.geojson"}

__all__ = ["ACLED_COLUMNS", "EXPORTERS", "FILE_NAMES", "MEDIA_TYPES", "Exporter", "write_acled_csv", "write_geojson",
           "write_plover_jsonl"]
