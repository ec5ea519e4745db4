"""Acceptance: the Panjshir example report (../shared/data/examples), through the whole pipeline.

Skipped when ../shared is absent. Where an assertion depends on another stage that has
not landed (events attaching materiel, say), it is marked xfail naming that stage.
"""

from __future__ import annotations

import pytest

from sitrep.ingest.plaintext import article_from_plain_text
from sitrep.model import Claim, Event
from sitrep.pipeline.document import Document
from tests.conftest import shared

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def doc(pipeline) -> Document:  # type: ignore[no-untyped-def]
    path = shared("examples/panjshir-2021-09-04.txt")
    return pipeline(article_from_plain_text(path.read_text(encoding="utf-8"), str(path)))  # type: ignore[no-any-return]


def is_resistance(name: str) -> bool:
    return name == "National Resistance Front" or "resistance" in name.lower()


def claims_on(doc: Document, fact: str) -> list[tuple[Event, Claim]]:
    return [(e, c) for e in doc.events for c in e.claims if c.fact == fact]


def test_resistance_claims_are_attributed(doc: Document) -> None:
    claimed = [a for a in doc.attributions if a.cue is not None and a.cue.text.endswith("claim")]
    assert len(claimed) == 2
    for attribution in claimed:
        assert attribution.stance == "claimed"
        assert attribution.claimant is not None and is_resistance(attribution.claimant)
    assert "200" in claimed[0].content.text
    assert "1870 humvees" in claimed[1].content.text


def test_200_fatalities_claimed_by_the_resistance(doc: Document) -> None:
    found = [(e, c) for e, c in claims_on(doc, "fatalities")
             if c.fact_index is not None and e.fatalities.reported[c.fact_index].value == 200]
    if not found:
        pytest.xfail("events.assemble/quantities: no event carries the 200 fatalities")
    event, claim = found[0]
    assert is_resistance(claim.claimant)
    assert claim.claimant_is_party
    assert claim.stance == "claimed"
    assert claim.cue is not None and claim.cue.text == "claim"
    assert claim.claimant_span is not None and claim.claimant_span.text == "the resistance forces"
    assert "single_party_claim" in {f.code for f in event.flags}


def test_1870_humvees_claimed_and_flagged_implausible(doc: Document) -> None:
    found = [(e, c) for e, c in claims_on(doc, "materiel")
             if c.fact_index is not None and e.materiel[c.fact_index].count == 1870]
    if not found:
        pytest.xfail("events.assemble: the 1870 humvees (doc.materiel) are not attached to an event yet")
    event, claim = found[0]
    assert is_resistance(claim.claimant) and claim.claimant_is_party
    assert claim.stance == "claimed"
    flags = [f for f in event.flags if f.code == "implausible_quantity"]
    assert flags and any("1870" in f.reason for f in flags)
    assert flags[0].source is not None and "plausibility.tsv" in flags[0].source


def test_humvee_figure_would_be_flagged(doc: Document) -> None:
    """Independent of event assembly: the materiel mention itself is above its ceiling."""
    from sitrep.claims.plausibility import materiel_flag

    humvees = [m.materiel for m in doc.materiel if m.materiel.count == 1870]
    if not humvees:
        pytest.xfail("quantities: the 1870 humvees are not read as materiel")
    flag = materiel_flag(humvees[0])
    assert flag is not None and flag.code == "implausible_quantity"


def test_saleh_allegations_quoted_from_twitter(doc: Document) -> None:
    quoted = [a for a in doc.attributions if "Talibs have blocked humanitarian access" in a.content.text]
    assert len(quoted) == 1
    allegation = quoted[0]
    assert allegation.stance == "quoted"
    assert allegation.claimant == "Amrullah Saleh"
    assert allegation.cue is not None and allegation.cue.text == "wrote"
    assert allegation.content.text.startswith('"') and "not allow medicine either" in allegation.content.text


def test_framing_is_recorded_not_used_to_drop(doc: Document) -> None:
    kinds = {(f.span.text.lower(), f.kind) for f in doc.framing}
    assert ("massive victory", "triumphal") in kinds
    assert ("terrorists", "pejorative_label") in kinds
    assert ("failing miserably", "derisive") in kinds
