"""The write side of the HTTP API: ingest reports and add watch points, only with the configured bearer token."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import Field

from frontwatch.control.approach import watch_point
from frontwatch.errors import BadInput, SkippedArticle
from frontwatch.records import Article
from frontwatch.web.models import IngestResult, ReportIn, WatchPointModel
from frontwatch.web.state import WebState

MAX_BATCH = 500

router = APIRouter(prefix="/api")


def authorised(request: Request, authorization: Annotated[str | None, Header()] = None) -> WebState:
    """The app's state, or 403: writing needs a configured token, given as ``Authorization: Bearer TOKEN``."""
    state: WebState = request.app.state.web
    if not state.ingest_token:
        raise HTTPException(status_code=403, detail="writing is off: no ingest token is configured "
                                                    "(set FRONTWATCH_INGEST_TOKEN)")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not authorization or not authorization.startswith("Bearer ") or \
            not hmac.compare_digest(given.encode(), state.ingest_token.encode()):
        raise HTTPException(status_code=403, detail="a valid bearer token is needed to write")
    return state


Writer = Annotated[WebState, Depends(authorised)]


def article_of(report: ReportIn, where: str) -> Article:
    """A report posted to the API read like a JSONL line; BadInput when it holds no readable text."""
    from frontwatch.ingest import read_text
    from frontwatch.ingest.published import normalise_date
    from frontwatch.ingest.webpage import outlet_of, read_html

    published = normalise_date(report.published) if report.published else None
    outlet = report.outlet or outlet_of(report.url)
    if report.text is None and report.html is not None:
        page = read_html(report.html, source=where, published=published, url=report.url, outlet=outlet,
                         title=report.title)
        return read_text(page.text, source=where, published=published or page.published, title=page.title or "",
                         url=page.url, outlet=page.outlet)
    if report.text is None or not report.text.strip():
        raise BadInput(where, "no 'text' (or 'html')")
    if "\x00" in report.text:
        raise BadInput(where, "'text' holds binary data (NUL characters)")
    article = read_text(report.text, source=where, published=published, title=report.title, url=report.url,
                        outlet=outlet)
    if article.language != "en":
        raise SkippedArticle(where, f"language {article.language!r} (not English): skipped")
    return article


@router.post("/ingest", response_model=IngestResult, summary="Ingest one report or a batch (bearer token)",
             responses={403: {"description": "no token configured, or a wrong one"}})
def ingest(state: Writer, body: ReportIn | Annotated[list[ReportIn], Field(max_length=MAX_BATCH)]) -> dict:
    from frontwatch.events import extract_events
    from frontwatch.pipeline import extractor_fingerprint

    reports = body if isinstance(body, list) else [body]
    items: list[dict] = []
    articles: list[tuple[int, Article]] = []
    for i, report in enumerate(reports):
        try:
            articles.append((i, article_of(report, f"report {i + 1}")))
        except BadInput as err:
            items.append({"index": i, "outcome": "skipped", "events": 0, "error": str(err)})
    extracted = list(extract_events(a for _, a in articles))
    extractor = extractor_fingerprint()
    with state.write_lock, state.store(readonly=False) as store, store.batch():
        for (i, _), (article, found) in zip(articles, extracted):
            outcome = store.add_report(article, found, extractor=extractor)
            items.append({"index": i, "outcome": outcome,
                          "events": len(found) if outcome in ("new", "reread") else 0})
    items.sort(key=lambda d: d["index"])
    return {"reports": len(reports), "new": sum(d["outcome"] == "new" for d in items),
            "events": sum(d["events"] for d in items), "skipped": sum(d["outcome"] == "skipped" for d in items),
            "items": items}


@router.post("/watchpoints", response_model=WatchPointModel, summary="Add a watch point (bearer token)",
             responses={403: {"description": "no token configured, or a wrong one"}})
def add_watchpoint(state: Writer, point: WatchPointModel) -> dict:
    try:
        added = watch_point(point.model_dump(exclude_none=True), "request", len(state.watch_points))
    except BadInput as err:
        raise HTTPException(status_code=422, detail=err.problem) from None
    state.watch_points.append(added)
    return added.to_dict()
