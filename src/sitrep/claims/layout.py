"""Attributions made by layout and framing rather than by a speech verb.

* ``signed_quotes``: a quotation opening its own line, signed after it with a dash and a name
  ('"We will rebuild the bridge."\\n― Amina Yusuf'), as in testimonials, pull quotes and fact checks
  ('"..."\\n\\n- Okafor.'). The dash is the cue, the name the source, the quotation the content.
* ``poll_frame``: 'In a new Reuters/Ipsos poll, 40 percent ...' -- the poll is the source, the
  preposition the cue, the clause it frames the content (PolNeAR train marks it so about
  three times in five when the phrase opens the sentence).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.claims.patterns import Found
from sitrep.claims.quotes import Quote
from sitrep.claims.spans import CharRange, subtree_range, token_range, trim
from sitrep.pipeline.parse import parsed_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# After the closing mark: spaces, at most one blank line, a dash, then the signature up to a comma,
# a full stop, a bracket or the end of the line.
SIGNATURE = re.compile(r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*){0,2}([―—–-]{1,2})[ \t\u00a0]*([^\n,.(]{2,60}?)(?=[ \t\u00a0]*(?:[,.(]|\r?\n|$))")
NAME_PARTICLES = {"de", "da", "del", "van", "von", "la", "le", "al", "bin", "of"}
POLL_NOUNS = {"poll", "survey"}
POLL_PREPS = {"in", "by"}


def _is_name(words: list[str]) -> bool:
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)


def _opens_line(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return not text[line_start:offset].strip()


def signed_quotes(parsed: Doc, quotes: list[Quote]) -> list[Found]:
    """Quotations that open a line and are signed with a dash and a name after the closing mark."""
    text = parsed_text(parsed)
    found: list[Found] = []
    for quote in quotes:
        if not quote.closed or not _opens_line(text, quote.start):
            continue
        match = SIGNATURE.match(text, quote.end)
        if match is None or not _is_name(match.group(2).split()):
            continue
        dash = parsed.char_span(match.start(1), match.end(1), alignment_mode="expand")
        name = parsed.char_span(match.start(2), match.end(2), alignment_mode="contract")
        if dash is None or name is None or len(name) == 0:
            continue
        found.append(Found(head=dash.root.i, cue=CharRange(match.start(1), match.end(1)),
                           content=CharRange(quote.start, quote.end),
                           source=CharRange(match.start(2), match.end(2)), source_head=name.root.i, lemma="say"))
    return found


def _opens_sentence(token: Token) -> bool:
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start:token.i])


def poll_frame(prep: Token) -> Found | None:
    """'In a September Washington Post-ABC News poll, 75 percent of Republicans said ...'."""
    if prep.lower_ not in POLL_PREPS or prep.dep_ != "prep":
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in POLL_NOUNS or not _opens_sentence(prep):
        return None  # (the walk back to the sentence start last: it is the dearest test)
    clause = prep.head
    if clause.i == prep.i or clause.pos_ not in ("VERB", "AUX"):
        return None
    doc = prep.doc
    content = trim(doc, subtree_range(clause, exclude={prep.i}))
    if content.last <= prep.right_edge.i:
        return None
    source = trim(doc, subtree_range(pobj))
    return Found(head=prep.i, cue=token_range(doc, prep.i, prep.i), content=content.chars(doc),
                 source=source.chars(doc), source_head=pobj.i, lemma="according")
