"""Dependency patterns for reported speech: each returns source, cue and content ranges, or nothing.

One function per construction, all reading the spaCy parse only (no model per sentence):

* ``speech_verb``: "X said (that) ...", "X claimed to have ...", "... ," X told reporters", nouns ("X's claim that")
* ``according_to``: "according to X, ..."
* ``speaker_label``: transcript turns, "TAPPER: Do you think ...?"
* ``hedge_adverb``: "the town was reportedly taken" (no source; the writer distances itself)
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.claims.lexicon import Lexicon
from sitrep.claims.spans import QUOTE_CHARS, CharRange, TokenRange, subtree_range, token_range, trim
from sitrep.pipeline.parse import parsed_text
from sitrep.resources import read_lines

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd")
NOUN_CONTENT_DEPS = ("acl", "ccomp", "appos")
CUE_LEFT_DEPS = ("aux", "auxpass", "neg", "advmod")
INHERIT_SUBJECT = ("conj", "advcl", "xcomp", "acl", "acomp", "attr", "oprd")
# "It said"/"it shows" mostly has a report or a poll speaking (PolNeAR train: 2 in 3); with these verbs
# "it" stays a dummy subject ("it seems that").
DUMMY_IT_VERBS = {"seem", "appear", "be", "become", "happen", "look", "sound", "turn", "remain", "matter"}
# Prepositions that join a cue ("called for", "railed at", "said of"); "said in a statement" keeps "said".
CUE_PREPS = {"for", "at", "of", "to", "about", "against", "over", "with", "on", "by"}
# Prepositions that join a verb cue even when it has a clause of its own (PolNeAR train slice: "to" 154
# in 172, "on" 51 in 68, "for" 43 in 52, "about" 38 in 46, "against" 10 in 10).
JOINED_PREPS = {"to", "on", "for", "about", "against", "over", "with", "into"}
# ... except after plain reporting verbs, whose prepositions set the scene ("said on Fox News", "wrote to").
PLAIN_REPORTING = {"say", "write", "tell", "add", "report", "state", "tweet", "post", "speak", "talk"}
# A speech verb hung on the clause it reports: "Syria, his aides say, remains a priority".
PARENTHETICAL = ("parataxis", "ccomp", "advcl")
DANGLING = ("acl", "advcl", "npadvmod", "punct", "cc")
# Verbs whose grammatical subject is no source ("X seems to", "X is expected to"): PolNeAR train 600-749 gives
# such a subject as the source 15 times in 123.
RAISING_VERBS = frozenset({"seem", "appear"})
RAISING_PASSIVES = frozenset({"expect", "know"})
# Verbs whose object feels what the subject causes ("the remark angered officials", "officials were angered
# by the remark"): the one who feels is the source (PolNeAR train outside 600-749: 40 gold sources are such
# an object or passive subject, 0 the causer). Control verbs ("encouraged her to") and topic senses ("it
# concerns the budget") are left out.
EXPERIENCER_VERBS = frozenset({
    "alarm", "amaze", "amuse", "anger", "annoy", "appal", "appall", "astonish", "baffle", "bother", "delight",
    "disappoint", "disgust", "dismay", "disturb", "embarrass", "embitter", "embolden", "enrage", "exasperate",
    "excite", "frighten", "frustrate", "horrify", "infuriate", "intrigue", "irk", "irritate", "miff", "mystify",
    "offend", "outrage", "please", "puzzle", "rankle", "rattle", "roil", "sadden", "scare", "shock", "startle",
    "stun", "stupefy", "surprise", "terrify", "thrill", "trouble", "unnerve", "unsettle", "upset", "vex", "worry",
})
SEPARATORS = (",", "-", "—", "–")  # what sets an apposition or a parenthesis off from the clause
# Entities that a 'from' phrase names as a time or an amount, never as someone ("criticism from 2015 on").
NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Subjects that name no one outside a quotation (PolNeAR train 600-749: 1 source right in 20 for "you").
GENERIC_SPEAKERS = frozenset({"you"})
# Words before a colon that label a line rather than name a speaker: interview turns, bylines, social
# handles and headline hooks ("BREAKING: ...", "Twitter: @..."). PolNeAR train: labels made only of these
# words are attributions 7 times in 48, all of them interview "Q:" turns (7 in 26).
NOT_SPEAKER_LABELS = frozenset({
    "q", "a", "byline", "twitter", "facebook", "instagram", "email", "e-mail", "follow", "contact", "breaking",
    "exclusive", "update", "updated", "watch", "video", "photo", "photos", "read", "more", "related", "note",
    "wow", "boom", "busted", "bombshell", "revealed", "leaked", "just", "in", "new", "live", "correction",
})


@dataclass(frozen=True)
class Found:
    """One reported-speech match, as character ranges; ``head`` is the cue's head token index."""

    head: int
    cue: CharRange
    content: CharRange | None  # None: a speech verb whose words are only in an adjacent quotation
    source: CharRange | None
    source_head: int | None
    lemma: str
    hedge: bool = False
    rest: CharRange | None = None  # the words after the cue in its clause: the content when nothing else is


def _subject(verb: Token) -> Token | None:
    """Grammatical subject of a speech verb, borrowed from the governing verb for 'saying', 'and added'."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        # '"My apologies," Lee said': words of the quote parsed as a subject are no speaker.
        subjects = [c for c in subjects if not _quoted_words(c, verb)]
        # 'KHARTOUM, Sudan - The army said': the dateline, parsed as a second subject, is no speaker.
        subjects = [c for c in subjects if not _dateline(c)]
        if len(subjects) > 1 and _after_quote(verb):
            # '"... Full panic mode," said Leslie Wimes': the quote's last words are no subject.
            subjects = [c for c in subjects if c.i > verb.i] or subjects
        for child in subjects:
            dummy = child.lower_ == "there" or (child.lower_ == "it" and verb.lemma_.lower() in DUMMY_IT_VERBS)
            return None if dummy else child
        for child in verb.children:
            if child.dep_ == "agent":  # passive "was told by X"
                objs = [c for c in child.children if c.dep_ == "pobj"]
                return objs[0] if objs else None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # "countered by suggesting ...", "erred in saying ...": the subject of the word the preposition hangs on
            verb = verb.head.head
            continue
        if verb.dep_ not in INHERIT_SUBJECT or verb.head.i == verb.i:
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            noun = verb.head
            if noun.pos_ == "NOUN" and not noun.ent_type_ and noun.tag_ != "NNS" and noun.dep_ in ("dobj", "pobj", "attr"):
                # "spent the morning praising ...": a singular common noun in the object is no speaker; the
                # subject of the verb it hangs from is (held-out train: source precision .802 -> .806).
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head
                continue
            return noun  # "30 percent of voters saying they ...": the modified noun speaks
        verb = verb.head
    return None


def _nominal(head: Token) -> bool:
    """A noun cue, unless the parser tagged a verb as a noun and gave it a subject ("Democrats plan to ...")."""
    return head.pos_ == "NOUN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)


def _speaker(head: Token, children: list[Token]) -> Token | None:
    """A verb's subject; a noun cue's possessor ("Trump's claim"), else the subject of the verb it hangs
    from ("Warren roused the crowd with criticism of ...")."""
    if not _nominal(head):
        return _subject(head)
    owner = next((c for c in children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    governor = head.head.head if head.dep_ == "pobj" else head.head if head.dep_ == "dobj" else None
    return _subject(governor) if governor is not None and governor.pos_ == "VERB" else None


def _from_source(head: Token, children: list[Token], lex: Lexicon) -> Token | None:
    """'criticism from the opposition', 'a warning from the army': the object of 'from' on a noun cue, or on
    a verb cue's object when that is a cue noun, is who criticises or warns (PolNeAR train outside 600-749:
    48 gold sources). Other objects keep the subject: 'cited data from the ministry', 'posted a photo from'."""
    if _nominal(head):
        nouns = [head]
    else:
        nouns = [c for c in children if c.dep_ == "dobj" and c.pos_ == "NOUN" and lex.is_cue(c.lemma_.lower(), "NOUN")]
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON") and pobj.ent_type_ not in NOT_SPEAKER_ENTS:
                    return pobj
    return None


@dataclass(frozen=True)
class Feeling:
    """Who feels (the source) and what causes the feeling (the content), for an experiencer verb."""

    feeler: Token
    cause: Token | None


def _feeling(verb: Token, children: list[Token]) -> Feeling | None:
    """'the deal angered officials' / 'officials were angered by the deal'."""
    if any(c.dep_ == "auxpass" for c in children):
        feeler = next((c for c in children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        cause = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    else:
        feeler = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
        cause = next((c for c in children if c.dep_ in ("nsubj", "csubj")), None)
        if cause is not None and cause.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            cause = verb.head  # "a remark that angered officials": the remark
    return Feeling(feeler, cause) if feeler is not None else None


@dataclass(frozen=True)
class Stranded:
    """A speaker the parser attached away from its verb, with the tokens PolNeAR would mark."""

    speaker: Token
    tokens: TokenRange
    clause: Token | None  # the speaker's words the parser took for the verb's own clause


def _stranded_speaker(verb: Token) -> Stranded | None:
    """The speaker of a subjectless verb that follows a comma or dash, when the parser hung the noun phrase
    before it elsewhere: as an apposition of the noun before ('the dam burst, Amara Okoye, 52, said'), as
    a predicate of a quote ('"...," an aide, who ..., told') or as a clause of the verb ('One farmer, who
    asked not to be named, said'). PolNeAR train 600-749: 6 sources found, none lost."""
    doc = verb.doc
    sep = verb.i - 1
    if sep <= verb.sent.start or doc[sep].text not in SEPARATORS or verb.pos_ != "VERB":
        return None
    node = doc[sep - 1]
    found: Token | None = None
    while node.head.i != node.i and node.i < verb.i and node.right_edge.i >= sep - 1:
        opens = doc[node.left_edge.i - 1].text if node.left_edge.i > verb.sent.start else ""
        if node.dep_ in ("appos", "attr") and node.pos_ in ("PROPN", "NOUN") and opens in (*SEPARATORS, *QUOTE_CHARS):
            found = node
        node = node.head
    if found is not None:
        return Stranded(found, _source_range(found), None)
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.right_edge.i >= sep - 1), None)
    speaker = next((c for c in clause.lefts if c.dep_ == "nsubj"), None) if clause is not None else None
    if clause is None or speaker is None or speaker.left_edge.i != clause.left_edge.i:
        return None
    if doc[speaker.i + 1].text not in SEPARATORS and doc[speaker.right_edge.i].text not in SEPARATORS:
        return None  # 'Taxes will rise, said ...' is a clause; only a subject set off by a comma was swallowed
    if any(t.text in QUOTE_CHARS for t in doc[speaker.left_edge.i:verb.i]):
        return None
    return Stranded(speaker, _with_closing_comma(doc, trim(doc, TokenRange(speaker.left_edge.i, sep))), clause)


def _quoted_words(subject: Token, verb: Token) -> bool:
    """The subject opens inside a quotation that closes with its punctuation before the verb ('"Not again,"
    the mayor said'); a quoted name ('the so-called "Gang of Four" said') closes without it."""
    doc = verb.doc
    stops = _quote_stops(doc)
    at = bisect.bisect_left(stops, subject.i)  # back to the quote mark before, within the paragraph
    if not at or doc[stops[at - 1]].tag_ != "``":
        return False
    return any(t.tag_ == "''" and doc[t.i - 1].text in (",", ".", "?", "!") for t in doc[subject.i + 1:verb.i])


QUOTE_STOPS_KEY = "sitrep.claims.quote_stops"


def _quote_stops(doc: Doc) -> list[int]:
    """Indices of the quote marks and of the tokens that end a line, in order (once per document)."""
    stops: list[int] | None = doc.user_data.get(QUOTE_STOPS_KEY)
    if stops is None:
        stops = doc.user_data[QUOTE_STOPS_KEY] = [
            t.i for t in doc if t.tag_ in ("``", "''") or "\n" in t.text_with_ws]
    return stops


@dataclass(frozen=True)
class Swallowed:
    """A speaker after its verb that the parser made the subject of a clause of the verb."""

    speaker: Token
    clause: Token


def _swallowed_speaker(verb: Token, children: list[Token]) -> Swallowed | None:
    """'"...," said the mayor, who like many did not want to be named': the speaker after the verb parsed as
    the subject of a clause the parser built further on (PolNeAR train 600-749: 3 sources found, none lost)."""
    for clause in children:
        if clause.dep_ == "ccomp" and clause.left_edge.i == verb.i + 1:
            speaker = next((c for c in clause.lefts if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
            if speaker is not None and speaker.pos_ in ("PROPN", "NOUN"):
                return Swallowed(speaker, clause)
    return None


def _after_quote(head: Token) -> bool:
    """The verb directly follows a closing quotation ('...,” said X' or '...” added X')."""
    doc = head.doc
    i = head.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in (",", "—", "-")):
        i -= 1
    return i >= 0 and doc[i].text[-1:] in "”\"'’"


DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dateline(token: Token) -> bool:
    """A capitalised place opening a line and closed by a dash ('KHARTOUM, Sudan -'): where a report was
    filed, never who speaks."""
    if not (token.is_upper and len(token.text) > 1 and token.is_alpha):
        return False
    text = parsed_text(token.doc)
    if text[text.rfind("\n", 0, token.idx) + 1:token.idx].strip():
        return False
    return any(c.dep_ == "punct" and c.text in DATELINE_DASHES for c in token.rights)


def _source_range(subject: Token) -> TokenRange:
    # A participle clause the parser hung on the subject ("Taking to Twitter, Saleh wrote") is not the source.
    dangling = {c.i for c in subject.lefts if c.dep_ in DANGLING}
    whole = subtree_range(subject, dangling)
    first, last = whole.first, whole.last
    # PolNeAR sources stop before a participle modifier ("The talks, set to end on Tuesday,"): 70% of the
    # time in train; appositions ("Okafor, a senator from Lagos,") stay, 87% of the time.
    cut = [c.left_edge.i for c in subject.rights if c.dep_ == "acl"]
    if cut:
        last = min(last, min(cut) - 1)
    doc = subject.doc
    if subject.tag_ == "VBG":
        # "Speaking to reporters, Saleh said" misparsed with the participle as subject: the speaker is
        # whatever follows the clause's last comma.
        commas = [t.i for t in doc[first:last + 1] if t.text == ","]
        if commas and commas[-1] < last:
            first = commas[-1] + 1
    # A source never runs over a line break ("7:25 a.m.\n\nDonald Trump" after a time stamp or headline).
    breaks = [t.i for t in doc[first:last] if "\n" in t.text_with_ws]
    if breaks:
        first = breaks[-1] + 1
    return _with_closing_comma(doc, trim(doc, TokenRange(first, last)))


def _with_closing_comma(doc: Doc, rng: TokenRange) -> TokenRange:
    """An apposition ("Corey Lewandowski, Trump's campaign manager,") keeps its closing comma in PolNeAR."""
    first, last = rng.first, rng.last
    if last + 1 < len(doc) and doc[last + 1].text == "," and any(t.text == "," for t in doc[first:last + 1]):
        last += 1
    return TokenRange(first, last)


def _cue_first(head: Token, floor: int) -> int:
    """Leftmost token of the cue: auxiliaries, negation and adverbs that sit between the source and the verb."""
    first = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in CUE_LEFT_DEPS and child.i > floor and child.i == first - 1 and child.tag_ != "WRB":
            first = child.i
    return first


@dataclass(frozen=True)
class Attitude:
    cue_last: int
    content: Token | None


def _attitude(be: Token) -> Attitude | None:
    """'X is worried that ...', 'X was critical of ...': the adjective (and its preposition) joins the cue,
    the clause or the preposition's object is the content (PolNeAR marks attitudes as cues)."""
    acomp = next((c for c in be.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    if acomp is None or not all(t.pos_ in ("ADV", "PART") for t in be.doc[be.i + 1:acomp.i]):
        return None
    cue_last = acomp.i
    content = next((c for c in acomp.children if c.dep_ in ("ccomp", "xcomp")), None)
    prep = next((c for c in acomp.children if c.dep_ == "prep" and c.i == acomp.i + 1), None)
    if content is None and prep is not None:
        content = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        cue_last = prep.i if content is not None else cue_last
    return Attitude(cue_last, content)


@functools.lru_cache(maxsize=1)
def _denied_things() -> frozenset[str]:
    return frozenset(read_lines("claims/denied_things.txt"))


def speech_verb(head: Token, lex: Lexicon, known_cue: bool = False) -> Found | None:
    """'X said that ...', 'X claimed to have ...', 'X's claim that ...'.

    ``known_cue``: the cue model already judged this word a cue, so the lexicon is not asked.
    """
    doc = head.doc
    lemma = head.lemma_.lower()
    if not known_cue and not lex.is_cue(lemma, head.pos_):
        return None
    children = list(head.children)
    deps = NOUN_CONTENT_DEPS if _nominal(head) else CONTENT_DEPS
    content_tok = next((c for dep in deps for c in children if c.dep_ == dep), None)
    if content_tok is not None and content_tok.dep_ == "dobj" and lex.class_of(lemma).stance == "denied" \
            and content_tok.lemma_.lower() in _denied_things():
        return None  # 'the judge denied the release of ...': a refusal, no denial of a fact
    cue_last = head.i
    attitude = _attitude(head) if lemma == "be" else None
    if attitude is not None:
        cue_last, content_tok = attitude.cue_last, attitude.content
    for child in children:
        # "pointed out", "said Tuesday", "said repeatedly", "said:" -- PolNeAR cues take the particle, a bare
        # day, an adverb right after the verb (52 times in 55 on a train slice) and a colon.
        if child.i == cue_last + 1 and (child.dep_ == "prt" or (child.dep_ == "npadvmod" and child.ent_type_ == "DATE")
                                        or (child.dep_ == "advmod" and child.pos_ == "ADV" and head.pos_ == "VERB")
                                        or (lemma == "put" and child.dep_ == "dobj" and child.lower_ == "it")):
            cue_last = child.i  # ... and "as she put it"
    prep = next((c for c in children if c.dep_ == "prep" and c.i == cue_last + 1), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if prep is not None and pobj is not None:
        if content_tok is None and prep.lower_ in CUE_PREPS:
            # "called for X", "railed at X": the preposition joins the cue, its object is the content.
            cue_last, content_tok = prep.i, pobj
        elif prep.lower_ in JOINED_PREPS and head.pos_ == "VERB" and lemma not in PLAIN_REPORTING \
                and pobj.ent_type_ not in ("DATE", "TIME"):
            cue_last = prep.i  # "said to reporters that ...", "called on Congress to ..."
    after = doc[cue_last + 1] if cue_last + 1 < len(doc) else None
    if after is not None and after.dep_ == "mark" and after.lower_ == "for" and after.head.head.i == head.i:
        cue_last += 1  # "is calling for Trump to be banned": the complementiser 'for' belongs to the cue
    if cue_last + 1 < len(doc) and doc[cue_last + 1].text == ":":
        cue_last += 1
    subject = _from_source(head, children, lex) or _speaker(head, children)
    if subject is not None and subject.lower_ in GENERIC_SPEAKERS:
        return None  # "if you say ...": the generic reader, not someone the article quotes
    described = subject is not None and subject.lower_ == "that" and head.dep_ == "relcl" \
        and head.head.pos_ in ("NOUN", "PROPN")
    if described:
        subject = head.head  # "businesses that warn ...": the noun the clause describes speaks
    if lemma in RAISING_VERBS or (lemma in RAISING_PASSIVES and any(c.dep_ == "auxpass" for c in children)):
        subject = None  # "the race seems to ...": the subject is what the claim is about, not who makes it
    feeling = _feeling(head, children) if lemma in EXPERIENCER_VERBS and head.pos_ == "VERB" else None
    if feeling is not None:
        subject, described = feeling.feeler, False
        content_tok = feeling.cause or (None if content_tok is not None and content_tok.i == subject.i else content_tok)
    inverted = next((c for c in children if c.dep_ in ("dobj", "attr") and c.left_edge.i == head.i + 1), None)
    swallowed = _swallowed_speaker(head, children) if inverted is None and subject is None and _after_quote(head) \
        else None
    if swallowed is not None:
        inverted = swallowed.speaker
        content_tok = None if content_tok is not None and content_tok.i == swallowed.clause.i else content_tok
    if subject is None and inverted is not None and _after_quote(head):
        # '"...," added a local official': after a quote the speaker follows the verb, parsed as its object
        # (the quote itself may be parsed as the verb's clause).
        subject, content_tok = inverted, (None if content_tok is not None and content_tok.i == inverted.i else content_tok)
    stranded = _stranded_speaker(head) if subject is None and not _nominal(head) else None
    if stranded is not None:
        subject = stranded.speaker
        if content_tok is not None and stranded.clause is not None and content_tok.i == stranded.clause.i:
            content_tok = next((c for c in children if c.dep_ in CONTENT_DEPS and c.i > head.i), None)
    source: CharRange | None = None
    floor = -1
    if subject is not None:
        source_tokens = stranded.tokens if stranded is not None else _source_range(subject)
        if described:  # ... without the clause itself
            source_tokens = trim(doc, TokenRange(source_tokens.first, min(source_tokens.last, head.left_edge.i - 1)))
        source = source_tokens.chars(doc)
        if source_tokens.last < head.i:
            floor = source_tokens.last
    content: CharRange | None = None
    if content_tok is not None:
        exclude = {head.i} | ({subject.i} if subject is not None else set())
        content = trim(doc, subtree_range(content_tok, exclude)).chars(doc)
    elif head.dep_ in PARENTHETICAL and head.head.i != head.i and subject is not None:
        content = trim(doc, subtree_range(head.head, {head.i})).chars(doc)
    elif subject is None and not known_cue:
        # Neither words nor a speaker: not reported speech, unless the cue model read the context as a cue
        # ("a widely shared claim", "was seen as ...") -- PolNeAR marks those with the rest of the clause.
        return None
    cue = token_range(doc, _cue_first(head, floor), cue_last)
    rest = None
    if content is None and head.right_edge.i > cue_last:
        # "Everyone but Hewlett said yes", "X has championed ..." with its object elsewhere: PolNeAR still
        # marks a content; the rest of the clause is the nearest guess.
        tail = trim(doc, TokenRange(cue_last + 1, head.right_edge.i))
        rest = tail.chars(doc) if not doc[tail.first].is_punct or doc[tail.first].text in QUOTE_CHARS else None
    return Found(head=head.i, cue=cue, content=content, source=source,
                 source_head=subject.i if subject is not None else None, lemma=lemma, rest=rest)


def according_to(head: Token) -> Found | None:
    """'according to X, Y happened' / 'Y happened, according to X'."""
    if head.lower_ != "according":
        return None
    to = next((c for c in head.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or pobj is None:
        return None
    doc = head.doc
    source = trim(doc, subtree_range(pobj)).chars(doc)
    clause = head.head if head.head.i != head.i else None
    if clause is None:
        return None
    content = trim(doc, subtree_range(clause, exclude={head.i}))
    if content.last < content.first:
        return None
    return Found(head=head.i, cue=token_range(doc, head.i, to.i), content=content.chars(doc),
                 source=source, source_head=pobj.i, lemma="according")


def label_start(colon: Token) -> int | None:
    """First token of the one-to-four-token name before a colon that opens a line or a sentence, if any."""
    doc = colon.doc
    start = colon.i
    while start > colon.sent.start and colon.i - start < 4 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    opens = start == colon.sent.start or "\n" in doc[start - 1].text_with_ws
    return start if opens and start < colon.i else None


def speaker_label(colon: Token) -> Found | None:
    """Transcript turn or headline: one to four name tokens opening a line, a colon, then the words said."""
    doc = colon.doc
    start = label_start(colon) if colon.text == ":" else None
    if start is None:
        return None
    name = doc[start:colon.i]
    if not all(t.pos_ == "PROPN" or (t.is_upper and t.is_alpha) or (start == 0 and t.is_title) for t in name):
        return None
    if all(t.lower_ in NOT_SPEAKER_LABELS for t in name):
        return None
    # The turn runs to the end of the paragraph, across spaCy's sentence breaks.
    text = parsed_text(doc)
    end = text.find("\n", colon.idx)
    end = len(text) if end < 0 else end
    start = colon.idx + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,"):
        end -= 1  # PolNeAR contents leave out the closing full stop (a quoted one stays inside its marks)
    if end <= start:
        return None
    return Found(head=colon.i, cue=token_range(doc, colon.i, colon.i), content=CharRange(start, end),
                 source=token_range(doc, name.start, name.end - 1), source_head=name.root.i, lemma=":")


def hedge_adverb(adverb: Token, lex: Lexicon) -> Found | None:
    """'the town was reportedly taken': no source, the hedge is the cue, the clause it modifies the content."""
    if adverb.lower_ not in lex.evidential or adverb.dep_ != "advmod":
        return None
    clause = adverb.head
    doc = adverb.doc
    content = trim(doc, subtree_range(clause, exclude={adverb.i}))
    return Found(head=adverb.i, cue=token_range(doc, adverb.i, adverb.i),
                 content=content.chars(doc), source=None, source_head=None,
                 lemma=adverb.lower_, hedge=True)
