"""Writing one batch of extracted articles: article versions, events, claims, flags, then merging.

Everything here runs inside the caller's transaction (one per batch), so a batch is stored
whole or not at all. Merging is sequential, event by event in ingest order, so the result does
not depend on where batch boundaries fall: a run killed and run again ends where an
uninterrupted run ends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from sitrep.claims.channel import channel_of
from sitrep.cluster.origin import origin_key
from sitrep.model import Article, Attribution, Event
from sitrep.pipeline.document import Document
from sitrep.store import schema as t
from sitrep.store.clustering import mention_from_event
from sitrep.store.clusters import ClusterMaintainer


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_key(article: Article) -> str:
    """What ties the versions of one article: its URL, else its id."""
    return _sha("url:" + article.url) if article.url else _sha("id:" + article.id)


@dataclass
class Plan:
    """What to do with one article: store it new, store it as a new version of ``previous``, or skip it."""

    article: Article
    action: str  # 'new' | 'version' | 'skip'
    key: str
    text_hash: str
    previous: dict[str, Any] | None = None


def plan_articles(conn: sa.Connection, articles: Sequence[Article], seen: set[tuple[str, str]]) -> list[Plan]:
    """Which articles are new, new versions, or already stored (same id or same URL with the same text).

    ``seen`` holds (key, text hash) of articles planned earlier in this run, so repeats inside one
    input are skipped too.
    """
    keys = {a.id: article_key(a) for a in articles}
    rows = conn.execute(
        sa.select(t.articles.c.id, t.articles.c.key, t.articles.c.version, t.articles.c.current,
                  t.articles.c.text_hash)
        .where(sa.or_(t.articles.c.id.in_(list(keys)), t.articles.c.key.in_(list(set(keys.values())))))
    ).mappings().all()
    by_id = {row["id"]: dict(row) for row in rows}
    known = {(row["key"], row["text_hash"]) for row in rows} | {(row["id"], row["text_hash"]) for row in rows}
    current = {row["key"]: dict(row) for row in rows if row["current"]}
    plans: list[Plan] = []
    for article in articles:
        key, text_hash = keys[article.id], _sha(article.text)
        same_id = by_id.get(article.id)
        if (key, text_hash) in known or (article.id, text_hash) in known or (key, text_hash) in seen:
            plans.append(Plan(article, "skip", key, text_hash))
            continue
        seen.add((key, text_hash))
        previous = current.get(key) or (same_id if same_id and same_id["current"] else None)
        if previous is not None:
            plans.append(Plan(article, "version", previous["key"], text_hash, previous))
        else:
            plans.append(Plan(article, "new", key, text_hash))
    return plans


@dataclass
class BatchResult:
    articles: int = 0
    versions: int = 0
    events: int = 0
    copies: int = 0
    changed: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)


def _claim_rows(article: Article, document: Document) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    attached: set[tuple[Any, ...]] = set()
    for event in document.events:
        for claim in event.claims:
            attached.add((claim.cue.start if claim.cue else None, claim.span.field, claim.span.start, claim.span.end))
            rows.append({
                "article_id": article.id, "event_id": event.id, "fact": claim.fact, "claimant": claim.claimant,
                "claimant_key": claim.claimant.lower(), "claimant_is_party": claim.claimant_is_party,
                "stance": claim.stance, "channel": claim.channel, "date": event.date or article.published,
                "text": claim.span.text, "data": claim.model_dump(mode="json", exclude_none=True),
            })
    for attribution in document.attributions:
        spot = (attribution.cue.start if attribution.cue else None, attribution.content.field,
                attribution.content.start, attribution.content.end)
        if spot in attached:
            continue
        attached.add(spot)
        claimant = attribution.claimant or (attribution.source.text if attribution.source else None) \
            or article.outlet or "(unattributed)"
        channel = channel_of(document, attribution)
        data = attribution_json(attribution)
        if channel is not None:
            data["channel_span"] = channel.span.model_dump(mode="json")
        rows.append({
            "article_id": article.id, "event_id": None, "fact": None, "claimant": claimant,
            "claimant_key": claimant.lower(), "claimant_is_party": False, "stance": attribution.stance,
            "channel": channel.name if channel else None, "date": article.published,
            "text": attribution.content.text, "data": data,
        })
    return rows


def attribution_json(attribution: Attribution) -> dict[str, Any]:
    """An attribution with its spans, as stored (the article keeps every one, attached or not)."""

    def span(value: Any) -> dict[str, Any] | None:
        return value.model_dump(mode="json") if value is not None else None

    return {"claimant": attribution.claimant, "claimant_span": span(attribution.source),
            "cue": span(attribution.cue), "span": span(attribution.content), "stance": attribution.stance,
            "commitment": attribution.commitment, "cue_class": attribution.cue_class}


def _flag_rows(article: Article, events: Iterable[Event]) -> list[dict[str, Any]]:
    return [{"event_id": e.id, "article_id": article.id, "code": f.code, "reason": f.reason,
             "data": f.model_dump(mode="json", exclude_none=True)} for e in events for f in e.flags]


def _retire(conn: sa.Connection, plan: Plan, maintainer: ClusterMaintainer, result: BatchResult) -> None:
    """Make the previous version of an article no longer current and take its events out of their clusters.

    The old version's text and attributions stay; its events, claims, flags and decisions go. An old
    version that shares the new one's id is kept under ``ID@vN``.
    """
    previous = plan.previous
    assert previous is not None
    old_id = previous["id"]
    events = conn.execute(sa.select(t.events.c.id, t.events.c.cluster_id)
                          .where(t.events.c.article_id == old_id)).all()
    event_ids = [row.id for row in events]
    affected = {row.cluster_id for row in events if row.cluster_id}
    for table in (t.claims, t.flags):
        conn.execute(sa.delete(table).where(table.c.article_id == old_id))
    if event_ids:
        conn.execute(sa.delete(t.decisions).where(t.decisions.c.event_id.in_(event_ids)))
        conn.execute(sa.delete(t.event_names).where(t.event_names.c.event_id.in_(event_ids)))
        conn.execute(sa.delete(t.events).where(t.events.c.id.in_(event_ids)))
        maintainer.forget(event_ids)
    renamed = f"{old_id}@v{previous['version']}" if old_id == plan.article.id else old_id
    conn.execute(sa.update(t.articles).where(t.articles.c.id == old_id).values(current=False, id=renamed))
    result.changed |= affected


def _recheck(conn: sa.Connection, plan: Plan) -> Plan:
    """A 'new' article may have become a new version since it was planned (an earlier copy with other
    text in the same run was stored meanwhile)."""
    a = t.articles.c
    row = conn.execute(sa.select(a.id, a.key, a.version, a.current, a.text_hash)
                       .where(a.key == plan.key, a.current.is_(True))).mappings().first()
    return Plan(plan.article, "version", plan.key, plan.text_hash, dict(row)) if row is not None else plan


def _insert_article(conn: sa.Connection, plan: Plan, maintainer: ClusterMaintainer, result: BatchResult,
                    now: dt.datetime, origin: str, attributions: list[dict[str, Any]]) -> None:
    article = plan.article
    if plan.action == "new":
        plan = _recheck(conn, plan)
    version = 1
    if plan.action == "version":
        _retire(conn, plan, maintainer, result)
        version = int(plan.previous["version"]) + 1 if plan.previous else 1
        result.versions += 1
    conn.execute(sa.insert(t.articles).values(
        id=article.id, key=plan.key, version=version, current=True, text_hash=plan.text_hash,
        text=article.text, title=article.title, url=article.url, outlet=article.outlet,
        published=article.published, language=article.language, source_path=article.source_path,
        origin=origin, attributions=attributions, ingested_at=now))
    result.articles += 1


def copy_event_id(copy_id: str, event_id: str) -> str:
    return "e" + _sha(f"copy:{copy_id}:{event_id}")[:15]


def write_copies(conn: sa.Connection, copies: Sequence[Plan], maintainer: ClusterMaintainer,
                 result: BatchResult, now: dt.datetime, seq: int) -> int:
    """Store each copy (``Article.copy_of``) as another report of the events of the article it copies.

    A wire reprint or near copy is one origin with its original: it becomes a member of each of the
    original's clusters (one event per original event, the same values and spans, decision 'copy'),
    and takes the original's origin, so a cluster lists every report but counts the copy as no new
    independent source. A copy whose original is not stored (it failed) is stored with no event.
    Returns the last ingest sequence number used.
    """
    a, e = t.articles.c, t.events.c
    for plan in copies:
        article = plan.article
        original = conn.execute(sa.select(a.id, a.origin, a.url, a.outlet).where(
            a.id == article.copy_of, a.current.is_(True))).first()
        origin = (original.origin if original is not None and original.origin else None) \
            or origin_key(article, article.text)
        _insert_article(conn, plan, maintainer, result, now, origin, [])
        result.copies += 1
        if original is None:
            continue
        rows = conn.execute(sa.select(e.id, e.cluster_id).where(e.article_id == original.id).order_by(e.seq)).all()
        events = maintainer.load_events([r.id for r in rows])
        mentions = maintainer.load_mentions([r.id for r in rows])
        for row in rows:
            if row.id not in events or row.id not in mentions or not row.cluster_id:
                continue
            seq += 1
            event = events[row.id].model_copy(update={"id": copy_event_id(article.id, row.id),
                                                      "article_ids": [article.id]})
            mention = dataclasses.replace(mentions[row.id], event_id=event.id, article_id=article.id,
                                          outlet=article.outlet, url=article.url, published=article.published,
                                          title=article.title, origin=origin)
            maintainer.file_copy(event, mention, seq, row.cluster_id, row.id)
            result.events += 1
    return seq


def write_batch(conn: sa.Connection, items: Sequence[tuple[Plan, Document]], maintainer: ClusterMaintainer,
                now: dt.datetime, copies: Sequence[Plan] = ()) -> BatchResult:
    """Store each article (new or a new version) with its events, claims and flags, and merge its events;
    then the ``copies`` of stored articles (``write_copies``)."""
    result = BatchResult()
    claim_rows: list[dict[str, Any]] = []
    flag_rows: list[dict[str, Any]] = []
    seq = conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.events.c.seq), 0))).scalar_one()
    for plan, document in items:
        article = document.article
        _insert_article(conn, plan, maintainer, result, now, origin_key(article, article.text),
                        [attribution_json(a) for a in document.attributions])
        for event in document.events:
            seq += 1
            mention = mention_from_event(event, article)
            maintainer.place(event, mention, seq)
            result.events += 1
        claim_rows += _claim_rows(article, document)
        flag_rows += _flag_rows(article, document.events)
    if claim_rows:
        conn.execute(sa.insert(t.claims), claim_rows)
    if flag_rows:
        conn.execute(sa.insert(t.flags), flag_rows)
    seq = write_copies(conn, copies, maintainer, result, now, seq)
    result.changed |= maintainer.changed
    result.removed |= maintainer.removed
    maintainer.refresh(result.changed - result.removed, now)
    return result
