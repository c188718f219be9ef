"""The offline web map and the HTTP API (FastAPI), served by `frontwatch serve`."""

from __future__ import annotations

from pathlib import Path

from frontwatch import config


def create_app(db_path: str | Path, watch_file: str | Path | None = None, ingest_token: str | None = None):
    """The FastAPI app over the store at ``db_path`` (see frontwatch.web.app)."""
    from frontwatch.web.app import create_app as _create

    return _create(db_path, watch_file=watch_file, ingest_token=ingest_token)


def serve(db: str | Path, host: str = config.DEFAULT_HOST, port: int = config.DEFAULT_PORT,
          watch_file: str | Path | None = None, ingest_token: str | None = None) -> None:
    """Serve the map and the API with uvicorn until interrupted (the CLI refuses non-loopback without --public)."""
    import uvicorn

    uvicorn.run(create_app(db, watch_file=watch_file, ingest_token=ingest_token), host=host, port=port,
                log_level="info", access_log=False)


__all__ = ["create_app", "serve"]
