"""Syndicated copies: every report of an incident is a member, but a copy is no new independent source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.model import Article
from sitrep.store import Store, ingest_paths
from tests.store.reports import CLASH_A, base_articles


def _reprint() -> Article:
    # the Coastal Herald's report reposted word for word by another site, a day later
    return Article.from_text(CLASH_A, outlet="Valley Reposter", url="https://valleyreposter.example/p/99",
                             title="Militants hit checkpoint near Kismayo", published=dt.date(2024, 3, 13))


def test_a_copy_is_a_member_but_not_a_source(filled: Store, extract) -> None:  # type: ignore[no-untyped-def]
    original = base_articles()[0]
    before = [c for c in filled.query_clusters().items if c.location and c.location.country_code == "SO"][0]
    copy = _reprint().model_copy(update={"copy_of": original.id})
    report = filled.ingest([copy], extract=extract)
    assert report.ok and report.articles_new == 1 and report.copies == 1 and report.events >= 1
    record = filled.get_cluster(before.id)
    assert record is not None
    assert {r.article_id for r in record.reports} == {r.article_id for r in before.reports} | {copy.id}
    assert record.sources == before.sources == 2
    mine = [r for r in record.reports if r.article_id == copy.id]
    assert mine[0].outlet == "Valley Reposter"
    assert mine[0].origin == next(r.origin for r in record.reports if r.article_id == original.id)
    decision = filled.decisions([mine[0].event_id])[0]
    assert decision.kind == "copy" and decision.cluster_ids == [before.id]
    again = filled.ingest([copy], extract=extract)
    assert again.articles_skipped == 1 and again.events == 0


def test_ingest_paths_files_copies(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "inputs"  # not beside the SQLite store's files
    folder.mkdir()
    first, second = folder / "a.txt", folder / "b.txt"
    text = CLASH_A + " The checkpoint reopened on Tuesday morning, officials added."
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("Monday", "Monday,").upper().lower(), encoding="utf-8")
    report = ingest_paths([folder], store, published=dt.date(2024, 3, 12))
    assert report.ok and report.articles_new == 2 and report.copies == 1
    clusters = store.query_clusters().items
    assert any(len(c.reports) == 2 and c.sources == 1 for c in clusters)


def _writes(store: Store, articles: list[Article], extract, ahead: bool) -> list[tuple[list[str], list[str]]]:  # type: ignore[no-untyped-def]
    """(articles, copies) of each batch written, extraction reading its input lazily or all ahead."""
    written: list[tuple[list[str], list[str]]] = []
    write = store.write

    def spy(batch, report, copies=()):  # type: ignore[no-untyped-def]
        written.append(([plan.article.id for plan, _ in batch], [plan.article.id for plan in copies]))
        return write(batch, report, copies)

    def run(items, settings):  # type: ignore[no-untyped-def]
        yield from extract(list(items) if ahead else items, settings)

    store.write = spy  # type: ignore[method-assign]
    assert store.ingest(articles, batch_size=1, extract=run).ok
    return written


def test_a_copy_is_written_in_the_same_batch_however_far_extraction_reads_ahead(
        new_store_url, extract) -> None:  # type: ignore[no-untyped-def]
    from sitrep.store import open_store

    first, *rest = base_articles()
    copy = _reprint().model_copy(update={"copy_of": first.id})
    articles = [first, rest[0], copy, *rest[1:]]  # the copy comes after the next report
    runs = []
    for ahead in (False, True):  # one process reads a batch ahead; worker processes read several
        store = open_store(new_store_url())
        runs.append(_writes(store, articles, extract, ahead))
        store.close()
    assert runs[0] == runs[1]
    # written with the first report after it in the input, not with the report it copies
    assert runs[0][1] == ([rest[0].id], []) and runs[0][2] == ([rest[1].id], [copy.id])


def test_a_copy_takes_the_same_place_in_a_resumed_run(new_store_url, extract) -> None:  # type: ignore[no-untyped-def]
    # the input: two reports, a reprint of the first, then three more; one run writes it all, the other
    # stops after the first two (as a run killed there would) and is run again over the whole input
    from sitrep.store import open_store
    from tests.store.test_ingest import dump

    first, *rest = base_articles()
    articles = [first, rest[0], _reprint().model_copy(update={"copy_of": first.id}), *rest[1:]]

    def read_ahead(items, settings):  # type: ignore[no-untyped-def]
        # as the worker pool does: the input is read ahead of the outcomes handed back
        return list(extract(list(items), settings))

    whole, resumed = open_store(new_store_url()), open_store(new_store_url())
    try:
        assert whole.ingest(articles, extract=read_ahead, batch_size=2).ok
        assert resumed.ingest(articles[:2], extract=read_ahead, batch_size=2).ok
        report = resumed.ingest(articles, extract=read_ahead, batch_size=2)
        assert report.ok and report.articles_skipped == 2 and report.copies == 1
        assert dump(resumed) == dump(whole)  # the events' ingest sequence numbers included
    finally:
        whole.close()
        resumed.close()
