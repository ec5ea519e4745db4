import json
from pathlib import Path

from sitrep.evaluation.wikievents import document_from_record, evaluate_wikievents, is_gold_type
from sitrep.model import Event, Span
from sitrep.pipeline.document import Document

SENTENCES = ["Bomb kills two in town", "The weather was fine.", "Police arrested a man on Monday."]


def record(doc_id: str) -> dict[str, object]:
    starts = [0, 23, 45]
    sentences = [[[[w, 0, 0] for w in s.split()], s] for s in SENTENCES]
    return {"doc_id": doc_id, "sentences": sentences, "starts": starts,
            "event_mentions": [
                {"event_type": "Life.Die.Unspecified", "trigger": {"sent_idx": 0}},
                {"event_type": "Justice.ArrestJailDetain.Unspecified", "trigger": {"sent_idx": 2}},
                {"event_type": "Contact.Contact.Broadcast", "trigger": {"sent_idx": 1}}]}


def test_gold_types() -> None:
    assert is_gold_type("Conflict.Attack.DetonateExplode") and is_gold_type("Life.Injure.Unspecified")
    assert not is_gold_type("Contact.Contact.Broadcast") and not is_gold_type("Life.Infect.Unspecified")


def test_sentences_are_joined_by_blank_lines() -> None:
    document = document_from_record(record("d"))
    assert document.text.split("\n\n") == SENTENCES
    assert document.sentences[1] == (24, 45) and document.gold == {0, 2}


def test_evaluate_counts_sentences_with_evidence(tmp_path: Path, stub_runner) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(record("d1")) + "\n", encoding="utf-8")

    def annotate(doc: Document) -> None:
        # evidence in sentence 0 (gold) and sentence 1 (not gold); sentence 2 missed
        spans = [Span(start=0, end=22, text=doc.text[0:22]), Span(start=24, end=45, text=doc.text[24:45])]
        doc.events = [Event(id="e", article_ids=["d1"], event_type="Explosions/Remote violence",
                            sub_event_type="Remote explosive/landmine/IED", evidence=spans)]

    scores = evaluate_wikievents(tmp_path, stub_runner(annotate)).scores
    assert scores["documents"] == 1 and scores["events"] == 1
    assert scores["sentences"]["tp"] == 1 and scores["sentences"]["fp"] == 1 and scores["sentences"]["fn"] == 1
    assert scores["sentences"]["p"] == 0.5 and scores["sentences"]["f1"] == 0.5

