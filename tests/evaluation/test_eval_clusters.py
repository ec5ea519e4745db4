"""`eval clusters` on an invented corpus of three reports of two incidents, through the real store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitrep.evaluation.clusters import evaluate_clusters
from sitrep.evaluation.incident_fields import PredictedFields, score_event_against_incident
from sitrep.evaluation.processing import DocumentRunner
from sitrep.model import Place

ARTICLES = [
    {"id": "r1", "incident": "i1", "url": "https://herald.example.com/a", "title": "Two killed at Alder Street bar",
     "published": "2021-06-12",
     "text": "Two men were shot dead at the Blue Heron Tavern on Alder Street in Springfield, Illinois, on "
             "Friday night, police said. Officers said a gunman named Darnell Whitcombe fled the scene."},
    {"id": "r2", "incident": "i1", "url": "https://gazette.example.net/b", "title": "Suspect sought in tavern shooting",
     "published": "2021-06-13",
     "text": "Police in Springfield, Illinois, are searching for Darnell Whitcombe after two men were shot dead "
             "at the Blue Heron Tavern on Alder Street on Friday."},
    {"id": "r3", "incident": "i2", "url": "https://post.example.org/c", "title": "Teen wounded in drive-by",
     "published": "2021-07-02",
     "text": "A teenager was wounded in a drive-by shooting outside a school on Maple Avenue in Peoria, "
             "Illinois, on Thursday, police said."},
]
INCIDENTS = [{"incident": "i1", "date": "2021-06-11", "city": "Springfield", "state": "Illinois", "killed": 2,
              "injured": 0},
             {"incident": "i2", "date": "2021-07-01", "city": "Peoria", "state": "Illinois", "killed": 0,
              "injured": 1}]


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    (tmp_path / "incidents.jsonl").write_text("".join(json.dumps(i) + "\n" for i in INCIDENTS))
    return tmp_path


def test_the_scores_contract_through_the_store(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    result = evaluate_clusters(_folder(tmp_path), DocumentRunner(pipeline))
    scores = result.scores
    for key in ("pairwise", "b3", "muc_f1", "ceafe_f1", "conll_f1", "clusters", "gold_clusters",
                "articles_per_s", "incident"):
        assert key in scores
    assert set(scores["pairwise"]) == {"p", "r", "f1"} and set(scores["b3"]) == {"p", "r", "f1"}
    assert scores["gold_clusters"] == 2
    assert {item["id"] for item in result.items} == {"r1", "r2", "r3"}
    assert set(scores["incident"]) <= {"date_exact", "city", "state", "killed_exact", "injured_exact"}
    memory = evaluate_clusters(_folder(tmp_path), DocumentRunner(pipeline), store=False)
    assert memory.scores["pairwise"] == scores["pairwise"]


def test_incident_fields() -> None:
    place = Place(name="Springfield", admin1="Illinois", admin2="Sangamon County", country_code="US")
    gold = INCIDENTS[0]
    right = score_event_against_incident(PredictedFields(dt.date(2021, 6, 11), place, 2, None), gold)
    assert right == {"date_exact": True, "city": True, "state": True, "killed_exact": True, "injured_exact": True}
    wrong = score_event_against_incident(PredictedFields(None, None, 1, 3), {**gold, "killed": None})
    assert wrong == {"date_exact": False, "city": False, "state": False, "injured_exact": False}
