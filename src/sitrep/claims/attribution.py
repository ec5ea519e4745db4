"""Attribution: reported speech as source, cue and content spans, with a stance and a commitment.

Detection runs dependency patterns (claims/patterns.py) over every token, then widens
contents to the direct quotations next to the cue (claims/quotes.py), so quotes that
run over several sentences or paragraphs, or are left open, come out whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.claims.claimant import ClaimantResolver
from sitrep.claims.cue_model import CueModel, candidate_indices, cue_model, features, quote_neighbourhood
from sitrep.claims.layout import poll_frame, signed_quotes
from sitrep.claims.lexicon import Lexicon, lexicon
from sitrep.claims.patterns import Found, according_to, hedge_adverb, label_start, speaker_label, speech_verb
from sitrep.claims.quotes import Quote, find_quotes, quote_at
from sitrep.claims.spans import QUOTE_CHARS, CharRange, strip_text
from sitrep.model import Attribution
from sitrep.model.records import Stance
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Text allowed between a quote and the source/cue block for the quote to belong to it:
# '"...," he said' or 'he said, "..."' or 'he told reporters on Sunday: "..."'.
# No paragraph break in between, except after a colon ('he said:\n\n"...').
GAP_BEFORE = re.compile(r"^[ \t\u00a0,:;—–-]*$")
GAP_AFTER = re.compile(r"^(?:[ \t\u00a0,;—–-]*|[^.\n\u2028\"“”]{0,60}[,:][ \t\u00a0]*|[^.\n\u2028\"“”]{0,60}:\s*)$")
# '"A," he said. "B."': a quote that resumes right after the block continues the same attribution.
GAP_RESUME = re.compile(r"^[ \t\u00a0,.;:—–-]*$")
PLURAL_TAGS = {"NNS", "NNPS"}
# The model learns from every word inside a gold cue, so it also accepts the nouns of "said in a statement"
# or "voiced support for"; those belong to the verb's cue and make no cue of their own (held-out train
# articles 600-749: cue F1 exact .660 -> .667, overlap .790 -> .792, source .728/.792 -> .730/.794; dropping
# infinitives of accepted verbs too: cue .670/.794).
NESTED_HOPS = 3
VERBAL = ("VERB", "AUX")
VERB_PARTS = ("xcomp", "aux", "auxpass")  # "refused to say", "has also said": one cue with the verb
TITLE_STARTS = {"the", "a", "an", "update", "correction", "editor"}


def cue_heads(parsed: Doc, quotes: list[Quote], lex: Lexicon, model: CueModel | None) -> set[int] | None:
    """Token indices the cue model accepts as cue heads (None when no model is bundled)."""
    if model is None:
        return None
    near = quote_neighbourhood(parsed, quotes)
    candidates = [t for t in map(parsed.__getitem__, candidate_indices(parsed, lex)) if quote_at(quotes, t.idx) is None]
    scores = model.scores([features(t, lex, near) for t in candidates])
    heads = {t.i for t, score in zip(candidates, scores, strict=True) if score >= model.threshold}
    return {i for i in heads if not _inside_verb_cue(parsed[i], heads)}


def _inside_verb_cue(token: Token, heads: set[int]) -> bool:
    """Whether ``token`` belongs to the cue of an accepted verb above it: a noun or adjective within
    NESTED_HOPS governors ('said in a statement', 'voiced support for'), a verb's infinitive ('refused to
    say', 'went on to claim') or its auxiliary ('has also said'), which PolNeAR marks as one cue."""
    if token.pos_ in VERBAL:
        return token.dep_ in VERB_PARTS and token.head.i in heads and token.head.pos_ in VERBAL
    return _below_verb_cue(token, heads)


def _below_verb_cue(token: Token, heads: set[int]) -> bool:
    """A word within NESTED_HOPS governors of an accepted verb ('said in a statement', 'voiced support for')."""
    for _ in range(NESTED_HOPS):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i in heads and token.pos_ in VERBAL:
            return True
    return False


def _speaker_label_line(colon: Token) -> bool:
    """The colon follows one to four proper-name tokens that open a line (headline and transcript style)."""
    start = label_start(colon)
    if start is None:
        return False
    words = colon.doc[start:colon.i]
    if all(t.pos_ == "PROPN" for t in words):
        return True
    # The headline ("Okafor: The army must leave ..."), where the tagger reads capitalised names as nouns.
    # PolNeAR train: such titles are attributions 71 times in 103.
    return start == 0 and words[0].lower_ not in TITLE_STARTS and all(t.is_title or t.is_upper for t in words)


def find_attributions(parsed: Doc, quotes: list[Quote], lex: Lexicon, model: CueModel | None = None) -> list[Found]:
    """Every reported-speech construction in the parse, one per cue head (``model``: the bundled one)."""
    heads = cue_heads(parsed, quotes, lex, model or cue_model())
    found: list[Found] = []
    hedges: list[Found] = []
    for token in parsed:
        match: Found | None = None
        pos, colon = token.pos_, token.text == ":"  # read once: each read builds a new string
        if pos == "ADV":
            if (hedge := hedge_adverb(token, lex)) is not None:
                hedges.append(hedge)
        elif colon and _speaker_label_line(token):
            # "Okafor: Time for a new strategy." -- a name opening its own line needs no model to be a speaker.
            match = speaker_label(token)
        elif pos == "ADP":
            match = poll_frame(token)
        elif heads is not None and token.i not in heads:
            continue
        elif pos in ("VERB", "NOUN", "AUX", "ADJ"):
            match = according_to(token) or speech_verb(token, lex, known_cue=heads is not None)
        elif colon:
            match = speaker_label(token)
        if match is not None:
            found.append(match)
    # "Trump reportedly said": the hedge belongs to the speech verb's cue (and lowers its stance), it is
    # not a claim of its own.
    found.extend(signed_quotes(parsed, quotes))
    spoken = {f.head for f in found}
    found.extend(h for h in hedges if parsed[h.head].head.i not in spoken)
    return sorted(found, key=lambda f: f.cue.start)


def _adjacent_quotes(found: Found, quotes: list[Quote], text: str) -> list[Quote]:
    """Quotations that sit right before or right after the source+cue block, or inside the content."""
    block = found.cue.union(found.source)
    attached: list[Quote] = []
    for quote in quotes:
        if quote.contains(found.cue.start):
            continue  # the cue is itself quoted speech ("'I said no,' she recalled"): only its own quote counts
        if quote.end <= block.start:
            if GAP_BEFORE.match(text[quote.end:block.start]):
                attached.append(quote)
        elif quote.start >= block.end:
            gap = text[block.end:quote.start]
            before = bool(attached) and attached[-1].end <= block.start
            after_colon = text[block.end - 1] == ":" and not gap.strip()  # 'he said:\n\n"..."'
            if GAP_AFTER.match(gap) or after_colon or (before and "\n" not in gap and GAP_RESUME.match(gap)):
                attached.append(quote)
            break
        elif found.content is not None and CharRange(quote.start, quote.end).overlaps(found.content):
            attached.append(quote)
    return attached


def _without_block(content: CharRange, block: CharRange, text: str) -> CharRange:
    """Cut the source and cue off a content that the parse let run over them at either end."""
    if not content.overlaps(block):
        return content
    if not text[block.end:content.end].strip(" ,.;:—–-\n"):
        return strip_text(text, CharRange(content.start, block.start))
    if not text[content.start:block.start].strip(" ,.;:—–-\n"):
        return strip_text(text, CharRange(block.end, content.end))
    return content


def with_quotes(found: Found, quotes: list[Quote], text: str) -> CharRange | None:
    """The content widened to its direct quotations (marks included, as PolNeAR annotates them)."""
    # "According to X, ..." frames the clause it belongs to, never a neighbouring quotation.
    attached = [] if found.lemma == "according" else _adjacent_quotes(found, quotes, text)
    if not attached:
        if found.content is None:
            return None
        return _without_block(found.content, found.cue.union(found.source), text)
    spans = [CharRange(q.start, q.end) for q in attached]
    content = spans[0]
    for other in spans[1:]:
        content = content.union(other)
    if found.content is not None and any(s.overlaps(found.content) for s in spans):
        content = content.union(found.content)
    return content


@dataclass(frozen=True)
class Assessment:
    stance: Stance
    commitment: float
    cue_class: str


def stance_of(found: Found, content_text: str, cue_text: str, source_text: str, lex: Lexicon) -> Assessment:
    """Stance and commitment from the cue's class, hedges near the cue, and quote marks."""
    if found.hedge:
        return Assessment("hedged", lex.hedges.get(found.lemma, 0.3), "hedge")
    cue_class = lex.class_of(found.lemma)
    hedge_words = [w for w in re.findall(r"[a-z]+", f"{source_text} {cue_text}".lower()) if w in lex.hedges]
    if hedge_words and cue_class.stance != "denied":
        # "unconfirmed reports said": the hedge caps how firmly the claim is made.
        return Assessment("hedged", min(cue_class.commitment, *(lex.hedges[w] for w in hedge_words)),
                          cue_class.name)
    if cue_class.stance == "claimed" and content_text[:1] in QUOTE_CHARS:
        return Assessment("quoted", cue_class.commitment, cue_class.name)
    return Assessment(cue_class.stance, cue_class.commitment, cue_class.name)


class AttributionFinder(Component[list[Attribution]]):
    """Finds who says what in the article."""

    name = "claims.attribute"
    reads = ("parsed", "sentences", "actors")
    writes = ("attributions",)

    def match(self, doc: Document) -> list[Attribution]:
        if doc.parsed is None:
            return []
        lex = lexicon()
        text = doc.text
        quotes = find_quotes(text)
        persons = [doc.span(e.start_char, e.end_char) for e in doc.parsed.ents if e.label_ == "PERSON"]
        resolver = ClaimantResolver(doc.actors, persons)
        out: list[Attribution] = []
        seen_cues: set[tuple[int, int]] = set()
        for found in find_attributions(doc.parsed, quotes, lex):
            # Speech reported inside a quotation ("'The FBI director said ...,' he added") is the quoted
            # speaker's, not a claim the article attributes; PolNeAR leaves it unannotated (1 cue in 250).
            if (found.cue.start, found.cue.end) in seen_cues or quote_at(quotes, found.cue.start) is not None:
                continue
            seen_cues.add((found.cue.start, found.cue.end))
            content_range = with_quotes(found, quotes, text) or found.rest
            if content_range is None:
                continue
            content = doc.span(content_range.start, content_range.end)
            cue = doc.span(found.cue.start, found.cue.end)
            source = doc.span(found.source.start, found.source.end) if found.source is not None else None
            assessed = stance_of(found, content.text, cue.text, source.text if source else "", lex)
            claimant = None
            if source is not None and found.source_head is not None:
                plural = doc.parsed[found.source_head].tag_ in PLURAL_TAGS
                claimant = resolver.resolve(source, plural)
            sents = sorted({i for i in (doc.sentence_index(cue.start), doc.sentence_index(content.start),
                                        doc.sentence_index(max(content.start, content.end - 1))) if i >= 0})
            out.append(Attribution(content=content, stance=assessed.stance, source=source, cue=cue,
                                   claimant=claimant, commitment=assessed.commitment, sents=sents,
                                   cue_class=assessed.cue_class))
        return out

    def set_annotations(self, doc: Document, found: list[Attribution]) -> None:
        doc.attributions = found
