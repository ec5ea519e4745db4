"""The main event's toll (issue #9, ninth session): a round-up's is the largest single incident it details, not the
headline's total; a report of an arrest or a trial that counts no one takes the toll the article recalls. Documents
built by hand, no model."""

from __future__ import annotations

from sitrep.claims.assess import ClaimAssessor
from sitrep.events.assemble import EventAssembler, is_roundup, with_recalled_toll
from sitrep.model import Article, Count, Event, Quantity, QuantityMention
from sitrep.pipeline.document import Document
from tests.events.test_assemble import event, make_doc, span_of
from tests.events.test_headline_figures import titled

SENTENCES = [
    "Two people were killed and nine others wounded in shootings across Riverton over the weekend, police said.",
    "Gunmen opened fire on a porch in Eastfield on Saturday.",
    "Four men were wounded in that attack.",
    "Early Sunday a woman was shot and killed on Mill Road.",
    "In a separate shooting, a teenager was wounded in the leg.",
]


def roundup(title: str, headline: list[tuple[str, int, bool, str]]) -> Document:
    doc = make_doc(SENTENCES)
    doc.event_mentions = [event(doc, 0, "ATTACK"), event(doc, 1, "ATTACK")]
    doc.quantities = [
        QuantityMention(0, Quantity(kind="killed", value=2, span=span_of(doc, "Two people"))),
        QuantityMention(0, Quantity(kind="injured", value=9, span=span_of(doc, "nine others"))),
        QuantityMention(2, Quantity(kind="injured", value=4, span=span_of(doc, "Four men"))),
        QuantityMention(3, Quantity(kind="killed", value=1, span=span_of(doc, "a woman"))),
        QuantityMention(4, Quantity(kind="injured", value=1, span=span_of(doc, "a teenager"))),
    ]
    return ClaimAssessor()(EventAssembler()(titled(doc, title, headline)))


def test_a_roundup_gives_its_largest_incident_not_its_total() -> None:
    doc = roundup("2 dead, 9 wounded in weekend shootings in Riverton", [
        ("killed", 2, False, "2"), ("injured", 9, False, "9")])
    main = doc.events[0]
    assert (main.fatalities.best, main.injured.best) == (None, 4)


def test_one_incident_keeps_the_headlines_toll() -> None:
    doc = roundup("2 dead, 9 wounded in Riverton shooting", [("killed", 2, False, "2"), ("injured", 9, False, "9")])
    assert (doc.events[0].fatalities.best, doc.events[0].injured.best) == (2, 9)


def said(title: str) -> bool:
    """Whether a report under the headline ``title`` is a round-up."""
    return is_roundup(Document(article=Article.from_text("A shooting.", title=title)))


def test_roundup_words_of_a_headline() -> None:
    assert said("Six shot in three separate incidents in Riverton")
    assert said("11 shot in less than 30 hours in Riverton")
    assert said("Violent night leaves 2 dead, 6 injured in Riverton")
    assert not said("Four shot outside Riverton bar")
    assert not said("Two dead in Riverton highway shootings")


def test_a_list_of_sides_or_a_count_of_shootings_is_a_roundup() -> None:
    assert said("Seven wounded in shootings on North, East sides")
    assert said("3 dead, 5 hurt in West Side shootings")
    assert said("20 wounded in several Memorial Day shootings in Riverton")
    assert not said("3 arrested in fatal shootings of Riverton boy")


def _event(kind: str, prominence: str, killed: int | None = None, injured: int | None = None) -> Event:
    return Event(id=f"e-{kind}-{prominence}", article_ids=["a"], event_type="x", sub_event_type=kind,
                 prominence=prominence, fatalities=Count(best=killed), injured=Count(best=injured))  # type: ignore[arg-type]


def test_a_report_of_an_arrest_takes_the_toll_the_article_recalls() -> None:
    # 'Second suspect arrested in Riverton drive-by' ... 'The March 1 shooting wounded four people.'
    events = [_event("Arrests", "main"), _event("Attack", "background", injured=4)]
    main = with_recalled_toll(events)[0]
    assert (main.sub_event_type, main.fatalities.best, main.injured.best) == ("Arrests", None, 4)
    # A main event that counts anyone keeps its own toll.
    events = [_event("Attack", "main", killed=1), _event("Attack", "background", killed=3, injured=2)]
    assert with_recalled_toll(events)[0].injured.best is None
