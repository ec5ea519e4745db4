"""Whether a cue reports an event that took place, read from the parse around its trigger.

News is full of event words that report no event: appeals and calls to arms ("Take up your weapons",
"I call on all of you to fight"), threats, plans and futures ("they will attack", "threatened to storm
the city", "in a bid to force them to surrender"), negations ("there was no fighting", "police did not
intervene"), conditions ("if the rebels attack") and generic statements ("protests are common here").
A cue in such a clause must not make an event on its own. ``non_assertion`` names why a trigger is not
asserted (None when it is): the walk goes up from the trigger through its clause and the non-finite
clauses above it, and stops at the first finite verb, whose tense and mood decide. Hand-made lists of
governing words (data/events/modality.tsv) say which verbs, nouns and adjectives put what they govern
in the future or in someone's intentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.resources import read_kinds

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Determiners and possessives that make a noun phrase definite: "the attack" was told before (or is
# presupposed), so a modal or a threat above it ("will investigate the attack") says nothing about it.
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "whose"})
# Words that may open an imperative sentence before its verb ("Now, take up...", "Please stay...").
IMPERATIVE_OPENERS = frozenset({"now", "so", "then", "please", "and", "just", "do", "n't", "not", "never",
                                "let", "come", "go", "o", "oh"})
MAX_STEPS = 12  # a clause chain longer than this is a parse gone wrong; stop reading it


def governors() -> dict[str, frozenset[str]]:
    """Kind -> lemmas, from data/events/modality.tsv."""
    return read_kinds("events/modality.tsv")


def _words(kind: str) -> frozenset[str]:
    return governors().get(kind, frozenset())


def _is_finite(token: Token) -> bool:
    """A verb with tense of its own (or a modal/tensed auxiliary): the clause's assertion is decided here."""
    if token.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in token.children)


def _is_perfect(token: Token) -> bool:
    """'to have killed', 'may have killed': the event is put in the past, whatever governs it."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)


def _to_infinitive(token: Token) -> bool:
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _is_definite(token: Token) -> bool:
    # "your weapons" is not told before: second person addresses the reader, as appeals do.
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in token.children) \
        or any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


def own_marker(token: Token) -> str | None:
    """What on the token itself takes its event out of what happened: 'not', 'no', a modal, 'if'..."""
    for child in token.children:
        dep, low = child.dep_, child.lower_
        if dep == "neg" or (dep == "det" and low == "no"):
            return "negated"
        if dep in ("aux", "auxpass") and child.lemma_.lower() in _words("modal") and not _is_perfect(token):
            return "modal"
        if dep == "aux" and child.lower_ in _words("counterfactual") and _is_perfect(token):
            return "counterfactual"  # "could have killed": it did not happen; "may have killed" may have
        if dep == "mark" and low in _words("condition"):
            return "conditional"
        if dep == "amod" and child.lemma_.lower() in _words("irrealis_modifier"):
            return "intended"
        if dep == "advmod" and low in _words("frequency") and token.tag_ in ("VBZ", "VBP"):
            return "generic"
        if _figurative_object(child):
            return "figurative"  # "attack the virus", "the fight against poverty"
    if token.tag_ == "VBG" and token.dep_ in ("csubj", "csubjpass") and token.head.lemma_ == "be":
        return "generic"  # "Capturing drones is one of the options"
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be" \
            and any(c.dep_ == "acomp" and c.lemma_.lower() in _words("generic_predicate")
                    for c in token.head.children):
        return "generic"
    return None


def _figurative_object(child: Token) -> bool:
    if child.dep_ == "dobj":
        return child.lemma_.lower() in _words("figurative_object")
    if child.dep_ == "prep" and child.lower_ == "against":
        return any(g.dep_ == "pobj" and g.lemma_.lower() in _words("figurative_object") for g in child.children)
    return False


def _has_to(token: Token) -> bool:
    """A 'to' infinitive of any voice ('to sign', 'to be taken')."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _going_to(child: Token, head: Token) -> bool:
    return head.lower_ == "going" and _to_infinitive(child)


def governed(child: Token, head: Token) -> str | None:
    """What ``head`` does to the event of ``child`` below it: intends it, prevents it, or nothing."""
    lemma = head.lemma_.lower()
    if _to_infinitive(child) and not _is_perfect(child):
        if lemma in _words("intent") or lemma in _words("intent_noun") or lemma in _words("intent_adjective") \
                or _going_to(child, head):
            return "intended"
        if lemma in _words("negative"):
            return "negated"
    if lemma in ("be", "have") and _has_to(child) and not _is_perfect(child):
        return "intended"  # "are to be taken", "I have to sign"
    if child.dep_ in ("dobj", "xcomp", "ccomp") and lemma in _words("intent"):
        return "intended"
    if child.dep_ == "dobj" and lemma in _words("reaction") and _is_definite(child):
        return "reaction"  # "condemned the attack": told elsewhere, reacted to here
    if child.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
        prep, above = head.lower_, head.head
        above_lemma = above.lemma_.lower()
        if prep in ("for", "of", "on") and (above_lemma in _words("intent") or above_lemma in _words("intent_noun")):
            return "intended"
        if prep == "from" and above_lemma in _words("prevent"):
            return "prevented"
        if prep in ("of", "with", "for", "over") and above_lemma in _words("legal"):
            return "alleged"  # "on charges of murder", "convicted of the bombing"
        if prep == "to" and above_lemma in _words("reaction") and _is_definite(child):
            return "reaction"  # "responded to the bombing"
    if child.dep_ == "dobj" and lemma in _words("prevent"):
        return "prevented"
    return None


def is_imperative(sent: SpacySpan) -> bool:
    """An order or appeal: the root opens the sentence, has no subject and is a bare verb ('Clean your
    provinces of them', 'Don't let them storm the capital'). The small parser tags some sentence-initial
    imperatives as adjectives or nouns; one that takes a direct object is read as a verb."""
    root = sent.root
    if any(c.dep_ in SUBJECTS for c in root.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in root.children):
        return False
    opening = [t for t in sent if t.is_alpha and t.i < root.i]
    if any(t.lower_ not in IMPERATIVE_OPENERS for t in opening):
        return False
    if root.tag_ == "VB":
        return True
    return root.pos_ in ("ADJ", "NOUN", "PROPN") and any(c.dep_ == "dobj" for c in root.children)


CAPTION_LABEL_MAX = 3  # words before the colon of a caption label ("Photo:", "FILE PHOTO:")


def is_caption(sent: SpacySpan) -> bool:
    """A picture caption: a label of caption words and a colon open the sentence ('Photo: Mourners carry
    the coffin of a soldier killed in the fighting'). It shows a scene; the events it names are told elsewhere."""
    words = _words("caption")

    def is_label(tokens: SpacySpan) -> bool:
        alpha = [t for t in tokens if t.is_alpha]
        return 0 < len(alpha) <= CAPTION_LABEL_MAX and all(t.lemma_.lower() in words or t.lower_ in words
                                                           for t in alpha)

    for i, token in enumerate(sent[:CAPTION_LABEL_MAX + 1]):
        if token.text == ":":
            return is_label(sent[:i])
    # The parser may split the label off as a sentence of its own ("FILE PHOTO:").
    doc = sent.doc
    return sent.start > 0 and doc[sent.start - 1].text == ":" and is_label(doc[sent.start - 1].sent)


def is_question(sent: SpacySpan) -> bool:
    """A direct question ('Why do I have to sign?', 'Who fired first?') asks; it reports nothing."""
    words = [t for t in sent if not (t.is_space or t.text in ('"', "'", "”", "’", "»", ")"))]
    return bool(words) and words[-1].text == "?"


def non_assertion(trigger: Token) -> str | None:
    """Why the event of ``trigger`` is not reported as having happened, or None when it is."""
    if is_imperative(trigger.sent):
        return "appeal"
    if is_caption(trigger.sent):
        return "caption"
    if is_question(trigger.sent):
        return "question"
    token = trigger
    for _ in range(MAX_STEPS):
        reason = own_marker(token)
        if reason:
            return reason
        if token.dep_ == "ROOT" or token.head is token or _is_finite(token):
            return None
        head = token.head
        reason = governed(token, head)
        if reason:
            return reason  # "demanded the withdrawal", "threatened attacks"
        # Above its own governor, a told or presupposed event ("the attack") is not put in the future
        # ("will investigate the attack"); a subject is not the complement of its verb.
        if token.pos_ in ("NOUN", "PROPN") and (_is_definite(token) or token.dep_ in SUBJECTS):
            # A bare subject ("Protesters often block the road", "Protesters did not march") takes what
            # its own clause says; a told event ("the attack") is not undone by the clause above it.
            if token.dep_ in SUBJECTS:
                marker = own_marker(head)
                if not _is_definite(token) or marker == "counterfactual":  # "the gunmen could have killed"
                    return marker
            return None
        token = head.head if token.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" else head
    return None


def asserted(span: SpacySpan) -> bool:
    """True when the cue phrase ``span`` (its syntactic head) reports an event that took place."""
    return non_assertion(span.root) is None
