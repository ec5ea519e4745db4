"""The loaders read the real data sets (skipped where ../shared/data is absent; no pipeline runs)."""

import pytest

from sitrep.evaluation.case2021 import load_case2021
from sitrep.evaluation.geo import load_geo
from sitrep.evaluation.isaf import load_isaf
from sitrep.evaluation.polnear import load_polnear
from tests.conftest import shared

pytestmark = pytest.mark.shared


def test_case2021_loads() -> None:
    items = load_case2021(shared("case2021/dev.jsonl"))
    assert len(items) > 100 and all(item.label for item in items)


def test_isaf_loads() -> None:
    items = load_isaf(shared("isaf/dev.jsonl"))
    assert len(items) > 100 and all(item.gold.start_date for item in items)


def test_geo_loads_with_offsets_inside_the_text() -> None:
    for name in ("lgl", "geovirus"):
        items = load_geo(shared(f"geo/{name}.jsonl"))
        assert items
        assert all(0 <= t.start < t.end <= len(item.text) for item in items for t in item.toponyms)


def test_polnear_gold_offsets_fit_the_text() -> None:
    items = load_polnear(shared("polnear"))
    assert len(items) > 50
    for item in items:
        for role in (item.gold.source, item.gold.cue, item.gold.content):
            assert all(0 <= span.start < span.end <= len(item.text) for span in role)


def test_incident_corpus_loads() -> None:
    from sitrep.evaluation.incidents import corpus_files, load_articles, load_incidents

    articles_file, incidents_file = corpus_files(shared("clusters"))
    items = load_articles(articles_file, limit=50)
    incidents = load_incidents(incidents_file)
    assert len(items) == 50 and all(item.article.text for item in items)
    assert sum(item.incident in incidents for item in items) == 50


def test_wikievents_sentences_fit_the_text() -> None:
    from sitrep.evaluation.wikievents import load_wikievents

    documents = load_wikievents(shared("wikievents/dev.jsonl"))
    assert documents and all(d.gold <= set(range(len(d.sentences))) for d in documents)
    assert all(0 <= a < b <= len(d.text) for d in documents for a, b in d.sentences)
