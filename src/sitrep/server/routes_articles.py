"""Articles: read one with every extracted span; with the token, ingest new ones or delete one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from sitrep.errors import InputProblem
from sitrep.ingest.files import items_from_text
from sitrep.ingest.sniffing import Format
from sitrep.model import Article
from sitrep.server.errors import ApiError
from sitrep.server.formats import json_response
from sitrep.server.params import reject_unknown
from sitrep.server.routes_events import check_id, record_response
from sitrep.server.security import check_token

__all__ = ["articles_router", "parse_body"]

_FORMATS = {"text/plain": Format.TEXT, "application/json": Format.JSON, "application/x-ndjson": Format.JSONL,
            "application/jsonl": Format.JSONL, "application/x-jsonlines": Format.JSONL}


def parse_body(body: bytes, content_type: str) -> tuple[list[Article], list[InputProblem]]:
    media = content_type.split(";")[0].strip().lower() or "text/plain"
    fmt = _FORMATS.get(media)
    if fmt is None:
        raise ApiError(415, "bad_media_type", f"cannot read {media[:60]!r}",
                       "send text/plain, application/json or application/x-ndjson")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(422, "bad_body", "the body is not UTF-8", "send UTF-8 text") from error
    if not text.strip():
        raise ApiError(422, "bad_body", "the body is empty", "send an article's text or JSON records")
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in items_from_text(text, Path("request"), fmt, None):
        (problems if isinstance(item, InputProblem) else articles).append(item)  # type: ignore[arg-type]
    return articles, problems


def _ingest(request: Request, articles: list[Article]) -> Any:
    from sitrep.watch import refresh_alerts

    store = request.app.state.store
    report = store.ingest(articles, request.app.state.settings)
    refresh_alerts(store, report)
    return report


def articles_router() -> APIRouter:
    router = APIRouter(tags=["articles"])

    @router.get("/api/articles/{article_id}", summary="One article: text, and every span extracted from it")
    def article(request: Request, article_id: str) -> Response:
        reject_unknown(request.query_params, ())
        stored = request.app.state.store.get_article(check_id(article_id, "article"))
        return record_response(stored, "article", article_id)

    @router.post("/api/articles", summary="Ingest articles (token): text, a JSON article or array, or JSONL",
                 status_code=200)
    async def post_articles(request: Request) -> Response:
        check_token(request.app.state.token, request.headers.get("authorization"))
        reject_unknown(request.query_params, ())
        body = await request.body()
        articles, problems = parse_body(body, request.headers.get("content-type", "text/plain"))
        if not articles:  # nothing to ingest is an error, so it answers in the one envelope
            first = problems[0] if problems else None
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise ApiError(422, "bad_body", "no article could be read" + (
                f": {first.code} {first.source}: {first.reason}{more}" if first else ""),
                "send text, a JSON article {text, title, url, outlet, published}, an array of them, or JSONL")
        report = await run_in_threadpool(_ingest, request, articles)
        found = [*problems, *(getattr(report, "problems", None) or [])]
        return json_response({
            "articles_new": getattr(report, "articles_new", 0),
            "articles_skipped": getattr(report, "articles_skipped", 0),
            "events": getattr(report, "events", 0),
            "changed_cluster_ids": sorted(getattr(report, "changed_cluster_ids", None) or []),
            "problems": [{"code": p.code, "source": p.source, "reason": p.reason} for p in found],
        })

    @router.delete("/api/articles/{article_id}", summary="Delete an article and its events (token)",
                   status_code=204)
    def delete_article(request: Request, article_id: str) -> Response:
        check_token(request.app.state.token, request.headers.get("authorization"))
        if not request.app.state.store.delete_article(check_id(article_id, "article")):
            raise ApiError(404, "not_found", f"no article {article_id!r}", "")
        return Response(status_code=204)

    return router
