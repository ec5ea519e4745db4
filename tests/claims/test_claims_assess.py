"""Claims, best figures and flags on hand-built events (no parse needed)."""

from __future__ import annotations

from sitrep.claims.assess import ClaimAssessor
from sitrep.model import Actor, Article, Attribution, Count, Event, Materiel, Quantity, make_span
from sitrep.pipeline.document import Document

TEXT = ("The rebels claim to have killed 300 soldiers and seized 900 trucks at the dam. "
        "A hospital official said 40 soldiers died. The army denied losing the dam.")


def span(words: str, nth: int = 0):  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return make_span(TEXT, start, start + len(words))


def document(outlet: str | None = "Daily Example") -> Document:
    doc = Document(article=Article.from_text(TEXT, outlet=outlet))
    doc.sentences = [span("The rebels claim to have killed 300 soldiers and seized 900 trucks at the dam."),
                     span("A hospital official said 40 soldiers died."), span("The army denied losing the dam.")]
    doc.attributions = [
        Attribution(content=span("to have killed 300 soldiers and seized 900 trucks at the dam"), stance="claimed",
                    source=span("The rebels"), cue=span("claim"), claimant="Rebels", commitment=0.5),
        Attribution(content=span("40 soldiers died"), stance="claimed", source=span("A hospital official"),
                    cue=span("said"), claimant="hospital official", commitment=0.7),
        Attribution(content=span("losing the dam"), stance="denied", source=span("The army"), cue=span("denied"),
                    claimant="Army", commitment=0.1),
    ]
    killed = [Quantity(kind="killed", value=300, about="Army", span=span("300 soldiers")),
              Quantity(kind="killed", value=40, about="Army", span=span("40 soldiers"))]
    doc.events = [Event(id="e1", article_ids=[doc.article.id], event_type="Battles", sub_event_type="Armed clash",
                        actor1=Actor(name="Rebels"), actor2=Actor(name="Army"),
                        fatalities=Count(low=40, best=40, high=300, reported=killed),
                        materiel=[Materiel(category="vehicle", item="truck", count=900, action="seized",
                                           span=span("900 trucks"))],
                        evidence=doc.sentences[:2])]
    return doc


def assessed(doc: Document) -> Event:
    (event,) = ClaimAssessor().match(doc)
    return event


def test_every_fact_has_its_claimant() -> None:
    event = assessed(document())
    by_fact = {(c.fact, c.fact_index): c for c in event.claims}
    rebels = by_fact[("fatalities", 0)]
    assert rebels.claimant == "Rebels" and rebels.claimant_is_party and rebels.stance == "claimed"
    assert rebels.cue is not None and rebels.cue.text == "claim"
    official = by_fact[("fatalities", 1)]
    assert official.claimant == "hospital official" and not official.claimant_is_party
    assert by_fact[("materiel", 0)].claimant == "Rebels"


def test_best_figure_is_the_independent_lowest() -> None:
    event = assessed(document())
    assert event.fatalities.best == 40 and event.fatalities.low == 40 and event.fatalities.high == 300
    assert len(event.fatalities.reported) == 2  # nothing dropped


def test_party_figure_not_best_when_an_independent_one_exists() -> None:
    doc = document()
    doc.events[0].fatalities.reported[1] = doc.events[0].fatalities.reported[1].model_copy(update={"value": 500})
    assert assessed(doc).fatalities.best == 500


def test_flags() -> None:
    event = assessed(document())
    codes = {f.code: f for f in event.flags}
    assert "party_claim_on_enemy" in codes
    assert "contested" in codes  # the army's denial, and 300 vs 40
    implausible = codes["implausible_quantity"]
    assert "900 truck" in implausible.reason
    assert implausible.source is not None and "plausibility.tsv" in implausible.source
    assert implausible.spans[0].text == "900 trucks"


def test_single_party_claim() -> None:
    doc = document()
    doc.attributions = doc.attributions[:1]
    doc.events[0].fatalities.reported = doc.events[0].fatalities.reported[:1]
    event = assessed(doc)
    flag = next(f for f in event.flags if f.code == "single_party_claim")
    assert event.fatalities.best == 300  # the only figure: kept and used, but flagged
    assert len({(s.start, s.end) for s in flag.spans}) == len(flag.spans)  # each span once
    assert "only on the word of" in flag.reason and "rest(s)" not in flag.reason


def test_unattributed_fact_is_asserted_by_the_outlet() -> None:
    doc = document(outlet=None)
    doc.attributions = []
    event = assessed(doc)
    assert {c.claimant for c in event.claims} == {"the outlet"}
    assert {c.stance for c in event.claims} == {"asserted"}


def test_outlet_that_is_a_party_makes_its_assertions_party_claims() -> None:
    doc = document(outlet="ISAF")  # an alias of International Security Assistance Force (data/actors)
    doc.attributions = []
    doc.events[0].actor1 = Actor(name="International Security Assistance Force")
    event = assessed(doc)
    assert all(c.claimant == "ISAF" and c.claimant_is_party for c in event.claims)
    assert "single_party_claim" in {f.code for f in event.flags}


def test_intentions_are_not_claims_of_fact() -> None:
    doc = document()
    plan = doc.attributions[0]
    doc.attributions = [Attribution(content=plan.content, stance="claimed", source=plan.source, cue=plan.cue,
                                    claimant="Rebels", cue_class="other")]
    event = assessed(doc)
    rebels_figure = next(c for c in event.claims if c.fact == "fatalities" and c.fact_index == 0)
    assert rebels_figure.claimant == "Daily Example" and rebels_figure.stance == "asserted"


def test_different_figures_from_independent_sources_are_not_a_conflict() -> None:
    doc = document()
    doc.attributions = doc.attributions[1:2]  # only the hospital official is quoted; 300 is the outlet's
    codes = {f.code for f in assessed(doc).flags}
    assert "contested" not in codes  # '300 at the dam' and '40 died' may count different sets


def test_party_figure_against_an_independent_one_is_contested() -> None:
    flags = [f for f in assessed(document()).flags if f.code == "contested"]
    assert any("300 (Rebels)" in f.reason and "40 (hospital official)" in f.reason for f in flags)
