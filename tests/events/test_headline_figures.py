"""The main event's figures with the headline's (issue #9, item 1): documents built by hand, no model."""

from __future__ import annotations

from sitrep.claims.assess import ClaimAssessor
from sitrep.events.assemble import EventAssembler
from sitrep.model import Article, Quantity, QuantityMention, make_span
from sitrep.pipeline.document import Document
from tests.events.test_assemble import event, make_doc, span_of

SENTENCES = ["Gunmen opened fire outside a bar in Riverton on Saturday.", "A man was killed, police said."]


def titled(doc: Document, title: str, headline: list[tuple[str, int, bool, str]]) -> Document:
    """``doc`` under the headline ``title``, whose figures are ``headline``: (kind, value, hit, the words)."""
    doc.article = Article(id=doc.article.id, text=doc.text, title=title, published=doc.article.published)
    for kind, value, hit, words in headline:
        start = title.index(words)
        quantity = Quantity(kind=kind, value=value, span=make_span(title, start, start + len(words), "title"))  # type: ignore[arg-type]
        doc.title_quantities.append(QuantityMention(-1, quantity, hit))
    return doc


def doc_with(title: str, headline: list[tuple[str, int, bool, str]]) -> Document:
    doc = make_doc(SENTENCES)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.quantities = [QuantityMention(1, Quantity(kind="killed", value=1, span=span_of(doc, "A man")))]
    return ClaimAssessor()(EventAssembler()(titled(doc, title, headline)))


def test_the_headline_fills_a_figure_the_body_leaves_out() -> None:
    doc = doc_with("One dead, four wounded in Riverton bar shooting", [
        ("killed", 1, False, "One"), ("injured", 4, False, "four")])
    main = doc.events[0]
    assert (main.fatalities.best, main.injured.best) == (1, 4)
    title_spans = [q.span for q in main.injured.reported]
    assert all(s.field == "title" and doc.article.title[s.start:s.end] == s.text for s in title_spans)
    # Every figure has its claim, the outlet's word, with the span it was read from.
    claims = [c for c in main.claims if c.fact == "injured"]
    assert claims and claims[0].span.field == "title"
    # JSON of a text span is unchanged; a title span says where it points.
    assert "field" not in main.fatalities.reported[0].span.model_dump()
    assert main.injured.reported[0].span.model_dump(mode="json")["field"] == "title"


def test_the_headlines_toll_is_the_main_events() -> None:
    doc = doc_with("4 shot, 2 killed at Riverton bar", [
        ("injured", 4, True, "4"), ("killed", 2, False, "2")])
    main = doc.events[0]
    assert (main.fatalities.best, main.injured.best) == (2, 2)  # four hit, two of them dead
    assert sorted(q.value for q in main.fatalities.reported) == [1, 2]  # the body's figure stays reported


def test_no_headline_figure_leaves_the_body_figures() -> None:
    doc = doc_with("Riverton bar shooting", [])
    assert (doc.events[0].fatalities.best, doc.events[0].injured.best) == (1, None)


def test_a_count_the_headline_only_implies_does_not_overrule_the_body() -> None:
    # 'Gunman kills teacher': one implied by the noun; the body says two died. A written number still wins.
    doc = make_doc(["Gunmen opened fire outside a bar in Riverton on Saturday.", "Two men were killed, police said."])
    title = "Gunman kills teacher in Riverton"
    doc.article = Article(id=doc.article.id, text=doc.text, title=title, published=doc.article.published)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.quantities = [QuantityMention(1, Quantity(kind="killed", value=2, span=span_of(doc, "Two men")))]
    start = title.index("teacher")
    doc.title_quantities = [QuantityMention(-1, Quantity(kind="killed", value=1,
                                                         span=make_span(title, start, start + 7, "title")))]
    main = ClaimAssessor()(EventAssembler()(doc)).events[0]
    assert main.fatalities.best == 2
    assert sorted(q.value for q in main.fatalities.reported) == [1, 2]
    written = doc_with("3 killed at Riverton bar", [("killed", 3, False, "3")])
    assert written.events[0].fatalities.best == 3  # the body's 'A man' is a partial count
