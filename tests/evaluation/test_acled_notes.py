"""The ACLED-style notes written for this project (tests/evaluation/fixtures/acled_notes_dev.csv): the
measuring set for `sitrep eval acled` (never trained on; the classifier's notes are data/events/training_notes.tsv)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sitrep.evaluation.acled import load_acled
from sitrep.events.taxonomy import sub_event_types
from sitrep.resources import read_table

NOTES = Path(__file__).parent / "fixtures" / "acled_notes_dev.csv"
PROBE = Path(__file__).parent / "fixtures" / "acled_notes_probe.csv"


def test_the_notes_cover_every_event_type_and_the_common_sub_event_types() -> None:
    rows = load_acled(NOTES)
    assert len(rows) >= 150
    names = {sub.name for sub in sub_event_types().values()}
    assert {r.sub_event_type for r in rows} <= names
    assert len({r.event_type for r in rows}) == 6
    counts = Counter(r.sub_event_type for r in rows)
    assert len(counts) >= 20 and min(counts[n] for n in ("Armed clash", "Attack", "Peaceful protest")) >= 15


def test_no_note_is_also_a_training_example() -> None:
    trained = {row["text"] for name in ("events/training.tsv", "events/training_notes.tsv") for row in read_table(name)}
    assert not trained & {r.notes for path in (NOTES, PROBE) for r in load_acled(path)}


def test_the_probe_notes_are_placed_and_typed() -> None:
    rows = load_acled(PROBE)
    names = {sub.name for sub in sub_event_types().values()}
    assert len(rows) >= 60 and {r.sub_event_type for r in rows} <= names
    assert all(r.latitude is not None and r.longitude is not None for r in rows)
