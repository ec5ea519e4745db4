"""Which of an article's incidents it is about: ``main``, ``secondary`` or ``background``.

A report tells one incident (main), may report others of the same days (secondary), and recalls
earlier ones as context (background): "the 2017 attack", "last year's bombing", "since 2019, when ...".
An incident is background when its own sentences date it well before the article (a year, a month or
a day more than :data:`BACKGROUND_DAYS` before publication) or open with a recall ("In 2015, ...",
"Last year, ..."). Main is the current incident the article leads with: violence before protests
before other developments, then the one the headline names, then the earliest told.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.dates.resolve import provisional_anchor
from sitrep.events import taxonomy
from sitrep.events.fields import headline
from sitrep.events.merge import Cluster, counts_casualties
from sitrep.model import DateMention
from sitrep.pipeline.document import Document
from sitrep.resources import read_lines

__all__ = ["BACKGROUND_DAYS", "Ranked", "is_background", "rank_clusters"]

# An incident dated this many days or more before the article is recalled, not reported.
BACKGROUND_DAYS = 45
YEAR = 4
YEAR_KIND = "year"
# Event types ranked for the main incident: violence first (the lower the better).
_RANK = {"Battles": 0, "Explosions/Remote violence": 0, "Violence against civilians": 0, "Riots": 1,
         taxonomy.NON_ACLED: 0, "Protests": 2, "Strategic developments": 3}
_WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True)
class Ranked:
    cluster: Cluster
    prominence: str


def _reference(doc: Document) -> dt.date | None:
    if doc.article.published is not None:
        return doc.article.published
    datelines = [d.value for d in doc.dates if d.kind == "dateline"]
    if datelines:
        return datelines[0]
    # Undated: the stand-in day its provisional dates were read against, to tell 'In April' from 'this week'.
    written = [d for d in doc.dates if not d.provisional]
    if len(written) == len(doc.dates):
        return None
    return provisional_anchor(written, [d for d in doc.dates if d.kind in ("explicit", "dateline")])


# What follows a number read as a year that makes it a house number: 'the 2000 block of Meadow', '1915 Birch St.'
_ADDRESS = re.compile(r"\s+(?:block\b|(?:[A-Z][a-z]+\.? )+(?:St|Street|Ave|Avenue|Road|Rd|Dr|Drive|Lane|Ln|Blvd|Boulevard|"
                      r"Court|Ct|Way|Place|Pl)\b)")


def is_address(doc: Document, d: DateMention) -> bool:
    """A 'year' that is a house or block number ('in the 1900 block of South Sunset Street')."""
    return d.kind == YEAR_KIND and _ADDRESS.match(doc.article.text, d.span.end) is not None


def _own_dates(doc: Document, cluster: Cluster) -> list[DateMention]:
    return [d for d in doc.dates if d.sent in cluster.sents and d.kind != "dateline" and not is_address(doc, d)]


def is_background(doc: Document, cluster: Cluster, reference: dt.date | None = None) -> bool:
    """Whether the cluster recalls an earlier incident rather than reporting a current one."""
    reference = reference or _reference(doc)
    if reference is None:
        return False
    dates = _own_dates(doc, cluster)
    if not dates:
        return False
    current = [d for d in dates if d.kind != "year" and (reference - d.value).days < BACKGROUND_DAYS]
    if current:
        return False  # 'on Tuesday' in the event's own sentences: it is this week's
    old = [d for d in dates if (d.kind == "year" and d.value.year < reference.year)
           or (d.kind != "year" and (reference - d.value).days >= BACKGROUND_DAYS)]
    return bool(old)


def _title_words(doc: Document) -> set[str]:
    """Content words of the headline (function words, from data/ingest/english_function_words.txt, left out)."""
    return set(_WORD.findall(headline(doc).lower())) - set(read_lines("ingest/english_function_words.txt"))


def _title_overlap(doc: Document, cluster: Cluster, words: set[str]) -> int:
    if not words:
        return 0
    text = " ".join(doc.sentences[i].text for i in cluster.sents).lower()
    return len(words & set(_WORD.findall(text)))


def _type_rank(doc: Document, cluster: Cluster) -> int:
    """Violence first; a cluster typed otherwise that counts the killed or injured tells violence too (a
    shooting at a party typed as a riot or as force against protesters)."""
    rank = _RANK.get(taxonomy.lookup(cluster.primary.sub_event_type).event_type, 3)
    return 0 if rank and counts_casualties(doc, cluster) else rank


def rank_clusters(doc: Document, clusters: Sequence[Cluster]) -> list[Ranked]:
    """The clusters main first, then secondary in article order, then background in article order.

    Exactly one is main when there is any: a current incident when the article has one, else the
    most prominent recalled one (its own date kept).
    """
    if not clusters:
        return []
    reference = _reference(doc)
    background = [is_background(doc, c, reference) for c in clusters]
    words = _title_words(doc)
    current = [i for i, old in enumerate(background) if not old] or list(range(len(clusters)))
    main = min(current, key=lambda i: (_type_rank(doc, clusters[i]), -min(_title_overlap(doc, clusters[i], words), 2),
                                       clusters[i].sents[0]))
    ranked = [Ranked(clusters[main], "main")]
    ranked += [Ranked(c, "secondary") for i, c in enumerate(clusters) if i != main and not background[i]]
    ranked += [Ranked(c, "background") for i, c in enumerate(clusters) if i != main and background[i]]
    return ranked
