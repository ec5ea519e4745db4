"""Direct quotations: where quoted passages start and end in the raw text.

Works on characters, not on the parse, because quotes cross sentence and paragraph
boundaries that spaCy splits on. Two newspaper conventions matter:

* a quotation running over several paragraphs leaves each paragraph open and
  re-opens the next one with a quote mark ("... end of para one.\\n\\"Para two ...\\"");
* writers leave quotes open by mistake; a paragraph end, or a new opening mark
  while a quote is open, closes the region (``closed=False``) instead of letting it
  swallow the rest of the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
# Characters after which a straight quote is an opening mark rather than a closing one.
BEFORE_OPENER = " \t\n([{—–-:;/"


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the end of the paragraph for an open quote)
    closed: bool
    paragraphs: int = 1

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in BEFORE_OPENER and not after.isspace()


def _paragraph_end(text: str, newline: int) -> int:
    """Offset just after the last non-space character before ``newline``."""
    j = newline
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


NEWLINES = "\n\u2028\u2029"  # wire copy also breaks paragraphs with Unicode line/paragraph separators
MARKS = re.compile("[\n\u2028\u2029“”„«»\"]|''")


def find_quotes(text: str) -> list[Quote]:
    """Quoted regions of ``text`` in order, with their marks included (PolNeAR content spans include them)."""
    quotes: list[Quote] = []
    start: int | None = None
    paragraphs = 1
    resume_after = -1  # offset of a paragraph's re-opening mark, already consumed
    # Only quote marks and newlines matter: jump between them (two apostrophes stand for a double quote
    # in some wire copy).
    for match in MARKS.finditer(text):
        i = match.start()
        ch = match.group()
        if i <= resume_after:
            continue
        if ch in NEWLINES:
            if start is None:
                continue
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if j < len(text) and (text[j] in OPENERS or text[j] == STRAIGHT):
                # Multi-paragraph quotation: the next paragraph re-opens it.
                paragraphs += 1
                resume_after = j
                continue
            quotes.append(Quote(start, _paragraph_end(text, i), closed=False, paragraphs=paragraphs))
            start = None
            continue
        width = len(ch)
        opening = ch in OPENERS or (ch not in CLOSERS and _looks_opening(text, i))
        if start is None:
            # Nothing open: any mark but a curly closer opens (toggle semantics for straight quotes,
            # which also covers 'He wrote," Talibs ...' where the opener follows a comma).
            if ch not in CLOSERS:
                start, paragraphs = i, 1
        elif opening and ch not in CLOSERS and i > start + width:
            # A fresh opening mark while a quote is open: the earlier one was left open.
            quotes.append(Quote(start, _paragraph_end(text, i), closed=False, paragraphs=paragraphs))
            start, paragraphs = i, 1
        elif not opening or ch in CLOSERS:
            quotes.append(Quote(start, i + width, closed=True, paragraphs=paragraphs))
            start = None
    if start is not None:
        quotes.append(Quote(start, _paragraph_end(text, len(text)), closed=False, paragraphs=paragraphs))
    return [q for q in quotes if q.end - q.start > 2]


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The quote holding ``offset``; quotes are sorted and disjoint, so bisect on their starts."""
    i = bisect.bisect_right(quotes, offset, key=lambda q: q.start) - 1
    return quotes[i] if i >= 0 and quotes[i].contains(offset) else None
