"""The web application: the map page, its assets and the JSON API, over one store."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from frontwatch import config
from frontwatch.control.approach import load_watch_points
from frontwatch.errors import FrontwatchError
from frontwatch.store import Store
from frontwatch.web import api, ingest
from frontwatch.web.state import WebState

STATIC_DIR = Path(__file__).resolve().parent / "static"
# A batch of reports may be several articles, but never unbounded: larger bodies are refused with 413.
MAX_BODY_BYTES = 4 * config.MAX_ARTICLE_BYTES

# The page loads nothing from elsewhere, and report text is never markup: the policy makes both hold.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(db_path: str | Path, watch_file: str | Path | None = None,
               ingest_token: str | None = None) -> FastAPI:
    """The app serving ``db_path`` (created empty if absent); writing needs ``ingest_token`` or
    FRONTWATCH_INGEST_TOKEN."""
    db_path = Path(db_path)
    if not db_path.exists():
        Store.open(db_path).close()
    state = WebState(db_path=db_path, watch_points=load_watch_points(watch_file),
                     ingest_token=ingest_token or os.environ.get("FRONTWATCH_INGEST_TOKEN") or None)
    # No /docs or /redoc: FastAPI's pages load their scripts from a CDN. /openapi.json is the document.
    app = FastAPI(title="frontwatch", version="1", max_body_size=MAX_BODY_BYTES, docs_url=None, redoc_url=None,
                  description="Events, territorial control with its evidence, and approach warnings, "
                              "read from conflict reports.")
    app.state.web = state
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, err: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _validation_message(err),
                                                      "errors": jsonable(err.errors())})

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, err: ValueError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(err)})

    @app.exception_handler(FrontwatchError)
    async def frontwatch_error(request: Request, err: FrontwatchError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(err)})

    return app


def jsonable(errors: list) -> list:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors, custom_encoder={Exception: str})
