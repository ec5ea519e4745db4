"""The channel of a claim: the medium it was made through ("wrote on Telegram", "said in a statement").

The phrases and the channel each names are data (data/claims/channels.tsv). They are looked for in the
words around an attribution's cue and source: its own sentence first, the words it reports left out (a
quote that mentions Facebook was not made on Facebook). When that sentence names no channel and the
speaker is carried over from the sentence before ("Taking to his Twitter handle, Saleh lashed out.
He wrote, ..."), that sentence is read too. Several channels in one sentence: the most specific (lowest
rank: a platform before a broadcaster before a form of words), then the nearest to the cue.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.model import Attribution, Span
from sitrep.pipeline.document import Document
from sitrep.resources import read_table

TABLE = "claims/channels.tsv"
# A source of these words carries the speaker over from the sentence before ("He wrote").
CONTINUING = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their", "its"})
# A name in a credit is not a channel: 'image copyright AFP', 'Photo: Reuters', a dateline's '(Xinhua)'.
CREDIT_BEFORE = re.compile(r"(?:copyright|©|photo|image|picture|credit)\W*$|\(\s*$", re.IGNORECASE)
CREDIT_WINDOW = 16


@dataclass(frozen=True)
class Channel:
    """A medium ("Twitter/X", "statement") and the words that name it."""

    name: str
    rank: int
    span: Span


@dataclass(frozen=True)
class _Entry:
    channel: str
    rank: int


@functools.lru_cache(maxsize=1)
def _entries() -> dict[str, _Entry]:
    return {_key(row["phrase"]): _Entry(row["channel"], int(row["rank"])) for row in read_table(TABLE)}


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = sorted(_entries(), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def channels_in(doc: Document, where: Span, masked: list[Span]) -> list[Channel]:
    """Every channel phrase inside ``where`` that lies outside the ``masked`` spans."""
    found = []
    for match in _pattern().finditer(doc.text, where.start, where.end):
        span = doc.span(match.start(), match.end())
        if any(span.overlaps(m) for m in masked) or \
                CREDIT_BEFORE.search(doc.text, max(0, match.start() - CREDIT_WINDOW), match.start()):
            continue
        entry = _entries()[_key(match.group())]
        found.append(Channel(entry.channel, entry.rank, span))
    return found


def _distance(span: Span, anchors: list[Span]) -> int:
    return min(max(a.start - span.end, span.start - a.end, 0) for a in anchors)


def _best(found: list[Channel], anchors: list[Span]) -> Channel | None:
    if not found:
        return None
    return min(found, key=lambda c: (c.rank, _distance(c.span, anchors), c.span.start))


def _continues(doc: Document, attribution: Attribution, before: Span) -> bool:
    """Whether the speaker of ``attribution`` is the one of the sentence ``before``: named by a pronoun, or
    quoted there too. A report with no source at all ("it was reported") carries nobody over."""
    if attribution.source is None:
        return False
    if attribution.source.text.strip().lower() in CONTINUING:
        return True
    return attribution.claimant is not None and any(
        a.claimant == attribution.claimant and a.cue is not None and before.contains(a.cue)
        for a in doc.attributions if a is not attribution)


def _anchors(attribution: Attribution) -> list[Span]:
    return [s for s in (attribution.cue, attribution.source) if s is not None] or [attribution.content]


def channel_of(doc: Document, attribution: Attribution) -> Channel | None:
    """The medium ``attribution`` was made through, read near its cue and source; None when no words say."""
    anchors = _anchors(attribution)
    at = doc.sentence_index(anchors[0].start)
    if at < 0:
        return None
    sentence = doc.sentences[at]
    others = [a for a in doc.attributions if a is not attribution and a.cue is not None and sentence.contains(a.cue)]
    found = channels_in(doc, sentence, [attribution.content, *(a.content for a in others)])
    # Words nearer another speaker's cue are that speaker's channel ('X said 5 died; Y wrote on Telegram ...').
    found = [c for c in found if not any(_distance(c.span, _anchors(a)) < _distance(c.span, anchors) for a in others)]
    own = _best(found, anchors)
    if own is not None or at == 0:
        return own
    before = doc.sentences[at - 1]
    if not _continues(doc, attribution, before):
        return None
    reported = [a.content for a in doc.attributions if before.overlaps(a.content)]
    return _best(channels_in(doc, before, reported), [before])
