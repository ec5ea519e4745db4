import datetime as dt
import json
from pathlib import Path

from sitrep.evaluation.incidents import (
    Incident,
    evaluate_incidents,
    score_event_against_incident,
)
from sitrep.model import Count, Event, Place, Span
from sitrep.pipeline.document import Document

INCIDENT = Incident("7", dt.date(2015, 3, 2), "Springfield", "Illinois", 1, 2)


def make_event(**fields: object) -> Event:
    base: dict[str, object] = {
        "id": "e1", "article_ids": ["a1"], "event_type": "Non-ACLED", "sub_event_type": "Shooting",
        "date": dt.date(2015, 3, 2), "prominence": "main",
        "location": Place(name="Springfield", admin1="Illinois", country_code="US", lat=39.80, lon=-89.64),
        "fatalities": Count(best=1), "injured": Count(best=2)}
    base.update(fields)
    return Event.model_validate(base)


def test_every_field_right() -> None:
    scores = score_event_against_incident(make_event(), INCIDENT, locate=None)
    assert scores == {"date_exact": True, "city": True, "state": True, "killed_exact": True,
                      "injured_exact": True, "all_fields": True}


def test_no_event_scores_nothing() -> None:
    assert not any(score_event_against_incident(None, INCIDENT, locate=None).values())


def test_city_by_admin2_or_distance_and_missing_figures_count_as_zero() -> None:
    near = make_event(location=Place(name="Chatham", admin2="Sangamon County", admin1="Illinois",
                                     lat=39.68, lon=-89.70), fatalities=Count(), injured=Count())
    far = make_event(location=Place(name="Peoria", admin1="Illinois", lat=40.69, lon=-89.59))
    locate = {("Springfield", "Illinois"): (39.80, -89.64)}.get
    zero = Incident("8", dt.date(2015, 3, 2), "Springfield", "Illinois", 0, 0)
    scores = score_event_against_incident(near, zero, locate=lambda c, s: locate((c, s)))
    assert scores["city"] and scores["killed_exact"] and scores["injured_exact"]
    assert not score_event_against_incident(far, INCIDENT, locate=lambda c, s: locate((c, s)))["city"]
    named = make_event(location=Place(name="Somewhere", admin2="Springfield Township", admin1="Illinois"))
    assert score_event_against_incident(named, INCIDENT, locate=None)["city"]


def test_evaluate_incidents_reads_a_corpus_folder(tmp_path: Path, stub_runner) -> None:  # type: ignore[no-untyped-def]
    articles = [
        {"id": "x1", "incident": "7", "title": "Man shot", "published": "2015-03-03", "text": "A man was shot."},
        {"id": "x2", "incident": "7", "title": "Weather", "published": "2015-03-03", "text": "Sunny today."},
        {"id": "x3", "incident": "9", "title": "Shots", "published": "2015-03-03", "text": "Two shot."},
    ]
    incidents = [{"incident": "7", "date": "2015-03-02", "city": "Springfield", "state": "Illinois",
                  "killed": 1, "injured": 2},
                 {"incident": "9", "date": None, "city": None, "state": None, "killed": None, "injured": None}]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    (tmp_path / "incidents.jsonl").write_text("\n".join(json.dumps(i) for i in incidents), encoding="utf-8")

    def annotate(doc: Document) -> None:
        if "shot" in doc.text:
            second = make_event(id="e2", prominence="secondary", date=dt.date(2014, 1, 1))
            doc.events = [make_event(evidence=[Span(start=0, end=4, text=doc.text[:4])]), second]

    result = evaluate_incidents(tmp_path, stub_runner(annotate))
    scores = result.scores
    assert scores["articles"] == 3
    assert scores["events_per_article"] == round(4 / 3, 4)
    assert scores["articles_without_event"] == round(1 / 3, 4)
    assert scores["main"]["n"] == 2  # the incident without metadata is not scored
    assert scores["main"]["date_exact"] == 0.5 and scores["main"]["all_fields"] == 0.5
    assert len(result.items) == 3 and result.items[1]["events"] == []
