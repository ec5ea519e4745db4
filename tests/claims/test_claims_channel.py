"""The channel of a claim, on hand-built documents (no parse needed), and on the shared example."""

from __future__ import annotations

import pytest

from sitrep.claims.assess import ClaimAssessor
from sitrep.claims.channel import channel_of
from sitrep.model import Actor, Article, Attribution, Count, Event, Quantity, Span, make_span
from sitrep.pipeline.document import Document
from tests.conftest import shared


def document(*sentences: str) -> Document:
    text = " ".join(sentences)
    doc = Document(article=Article.from_text(text, outlet="Daily Example"))
    at = 0
    for sentence in sentences:
        doc.sentences.append(make_span(text, at, at + len(sentence)))
        at += len(sentence) + 1
    return doc


def find(doc: Document, words: str, sent: int) -> Span:
    sentence = doc.sentences[sent]
    start = doc.text.index(words, sentence.start)
    return doc.span(start, start + len(words))


def attribute(doc: Document, sent: int, source: str | None, cue: str, content: str,
              claimant: str | None = None) -> Attribution:
    attribution = Attribution(content=find(doc, content, sent), stance="claimed",
                              source=find(doc, source, sent) if source else None, cue=find(doc, cue, sent),
                              claimant=claimant or source, sents=[sent])
    doc.attributions.append(attribution)
    return attribution


def channel(doc: Document, attribution: Attribution) -> str | None:
    found = channel_of(doc, attribution)
    if found is not None:
        assert doc.text[found.span.start:found.span.end] == found.span.text  # grounded
    return found.name if found else None


@pytest.mark.parametrize(("sentence", "source", "cue", "content", "expected"), [
    ("The army said in a statement that 12 fighters were killed.", "The army", "said",
     "12 fighters were killed", "statement"),
    ("A commander told local television that 50 soldiers were captured.", "A commander", "told",
     "50 soldiers were captured", "television"),
    ('The group wrote on Telegram: "We destroyed two tanks."', "The group", "wrote",
     '"We destroyed two tanks."', "Telegram"),
    ("The minister said in a tweet that the town had fallen.", "The minister", "said",
     "the town had fallen", "Twitter/X"),
    ("The ministry said in a statement posted on Facebook that 3 died.", "The ministry", "said",
     "3 died", "Facebook"),  # a platform is more specific than a form of words
    ("Rebels told Reuters by phone that they held the bridge.", "Rebels", "told",
     "they held the bridge", "news agency"),
    ("The governor said nine people had died.", "The governor", "said", "nine people had died", None),
    ("Image copyright AFP. Officials said nine people had died.", "Officials", "said", "nine people had died",
     None),  # a credit, not a channel
    ("Police said footage from video surveillance showed him.", "Police", "said", "footage", None),
])
def test_channel_in_the_sentence_of_the_cue(sentence: str, source: str, cue: str, content: str,
                                            expected: str | None) -> None:
    doc = document(sentence)
    assert channel(doc, attribute(doc, 0, source, cue, content)) == expected


def test_words_inside_the_claim_are_not_its_channel() -> None:
    doc = document('The mayor said "the rebels burned the radio station and the television mast."')
    assert channel(doc, attribute(doc, 0, "The mayor", "said", '"the rebels burned the radio station and the '
                                                              'television mast."')) is None


def test_another_speaker_in_the_sentence_keeps_their_channel() -> None:
    doc = document("The army said five soldiers died, while the rebels wrote on Telegram that 40 died.")
    army = attribute(doc, 0, "The army", "said", "five soldiers died")
    rebels = attribute(doc, 0, "the rebels", "wrote", "40 died")
    assert channel(doc, army) is None
    assert channel(doc, rebels) == "Telegram"


def test_a_pronoun_speaker_takes_the_channel_of_the_sentence_before() -> None:
    doc = document("Taking to her official Twitter handle, the minister lashed out at the rebels.",
                   'She wrote, "They shelled the market."')
    wrote = attribute(doc, 1, "She", "wrote", '"They shelled the market."')
    found = channel_of(doc, wrote)
    assert found is not None and found.name == "Twitter/X" and found.span.text == "Twitter"


def test_another_speaker_does_not_take_the_channel_of_the_sentence_before() -> None:
    doc = document("The army said in a statement that 12 fighters died.", "The rebels denied the figure.")
    attribute(doc, 0, "The army", "said", "12 fighters died")
    denial = attribute(doc, 1, "The rebels", "denied", "the figure")
    assert channel(doc, denial) is None


def test_the_same_speaker_named_again_takes_the_channel_of_the_sentence_before() -> None:
    doc = document("The spokesman wrote on Telegram that the convoy was hit.",
                   "The spokesman added that two trucks burned.")
    attribute(doc, 0, "The spokesman", "wrote", "the convoy was hit")
    added = attribute(doc, 1, "The spokesman", "added", "two trucks burned")
    assert channel(doc, added) == "Telegram"


def test_claims_carry_their_channel() -> None:
    doc = document("The army said in a statement that 12 fighters were killed near the dam.")
    attribute(doc, 0, "The army", "said", "12 fighters were killed near the dam", claimant="Army")
    figure = Quantity(kind="killed", value=12, about="Rebels", span=find(doc, "12 fighters", 0))
    doc.events = [Event(id="e1", article_ids=[doc.article.id], event_type="Battles", sub_event_type="Armed clash",
                        actor1=Actor(name="Army"), actor2=Actor(name="Rebels"), evidence=doc.sentences,
                        fatalities=Count(reported=[figure]))]
    (event,) = ClaimAssessor().match(doc)
    claim = next(c for c in event.claims if c.fact == "fatalities")
    assert claim.channel == "statement"
    assert claim.channel_span is not None and claim.channel_span.text == "statement"


@pytest.mark.shared
@pytest.mark.slow
def test_saleh_quote_came_through_twitter(pipeline) -> None:  # type: ignore[no-untyped-def]
    from sitrep.ingest.plaintext import article_from_plain_text

    path = shared("examples/panjshir-2021-09-04.txt")
    doc = pipeline(article_from_plain_text(path.read_text(encoding="utf-8"), str(path)))
    (quoted,) = [a for a in doc.attributions if "Talibs have blocked humanitarian access" in a.content.text]
    found = channel_of(doc, quoted)
    assert found is not None and found.name == "Twitter/X"
