"""Agent and patient roles of actor mentions, read from the dependency parse (not from word order).

"Taliban fighters attacked the checkpoint" -> Taliban agent; "five soldiers were killed by insurgents" ->
soldiers patient, insurgents agent; "the rebels claim to have shot 40 of them" -> the
rebels agent (the subject of a claim verb controls the claimed action), "them" patient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.resources import read_kinds

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

AGENT, PATIENT = "agent", "patient"
# The subject of a verb of the aftermath ("Police are investigating the shooting"): it takes no part in the event.
ONLOOKER = "onlooker"

# Dependencies that attach a word to a bigger noun phrase: the role belongs to the phrase's head.
_NP_INTERNAL = {"compound", "amod", "nmod", "poss", "appos", "conj", "nummod", "det", "case", "cc"}
# Verbs of saying: their subject is a source, not an agent, unless it also controls an action
# ("claimed to have killed").
SPEECH_VERBS = {
    "say", "claim", "report", "tell", "announce", "state", "add", "accuse", "confirm", "deny", "allege",
    "write", "tweet", "insist", "note", "explain", "reveal", "believe", "think", "know", "estimate", "quote",
    "blame", "warn", "urge", "call", "communicate", "describe", "assert", "acknowledge", "admit", "post",
}
# Verbs whose grammatical subject undergoes the event ("five soldiers died").
UNDERGOER_VERBS = {"die", "perish", "succumb", "suffer", "sustain", "lose", "fall", "flee", "surrender",
                   "drown", "starve", "disappear", "go"}
# Nouns naming an attack: their possessor or modifier is the attacker ("IS attacks", "the Taliban's raid").
EVENT_NOUNS = {"attack", "assault", "raid", "ambush", "offensive", "bombing", "strike", "airstrike", "shelling",
               "onslaught", "incursion", "advance", "operation", "crackdown", "massacre", "killing", "rocket",
               "drone", "missile", "fire", "attacker", "gunfire", "counterattack", "counteroffensive"}
# A speaker reporting its own deed through a pronoun ("The army said it had killed dozens", "Police said they
# arrested three men"): with one of these verbs in the reported clause, the speaker is its agent.
SELF_REPORT_PRONOUNS = {"it", "we", "they"}
SELF_REPORT_VERBS = {"kill", "attack", "repel", "repulse", "capture", "recapture", "retake", "seize", "destroy",
                     "arrest", "detain", "shoot", "strike", "target", "shell", "bomb", "ambush", "raid", "clash",
                     "fight", "free", "rescue", "neutralise", "neutralize", "eliminate", "down", "storm", "liberate"}


def aftermath_verbs(voice: str = "active") -> frozenset[str]:
    """'investigate', 'respond' (active), 'call', 'dispatch' (passive): data/actors/aftermath_verbs.tsv."""
    return read_kinds("actors/aftermath_verbs.tsv").get(voice, frozenset())


def tells_the_aftermath(verb: Token, voice: str = "active") -> bool:
    """'Police investigated the shooting', 'Police are continuing to investigate it', 'Officers were called to
    the scene': the subject acts after the event, it did not do it nor undergo it."""
    return verb.lemma_.lower() in aftermath_verbs(voice) or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in aftermath_verbs(voice) for c in verb.children)


_PATIENT_PREPS = {"against", "on", "upon", "at", "targeting", "toward", "towards", "into", "with", "onto"}
_AGENT_PREPS = {"by"}


def np_head(token: Token) -> Token:
    """Climb from a word to the head of the noun phrase holding it ('Taliban' in 'Taliban fighters',
    'them' in '200 of them' up to '200', 'Taliban' in 'the terrorists of the Taliban' up to 'terrorists')."""
    for _ in range(8):  # parses are trees; the bound only guards against odd inputs
        head = token.head
        if head is token:
            break
        if token.dep_ in _NP_INTERNAL and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and head.head is not head \
                and head.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            token = head.head
        else:
            break
    return token


def role_of_token(token: Token) -> str | None:
    """Role of the noun phrase whose head is (or holds) ``token``."""
    if token.dep_ in ("compound", "poss", "amod", "nmod") and token.head.lemma_.lower() in EVENT_NOUNS:
        return AGENT
    head = np_head(token)
    # "the six soldiers killed in the blast": a noun with a passive participle after it undergoes it.
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in head.children):
        return PATIENT
    dep = head.dep_
    verb = head.head
    if dep in ("nsubj", "csubj"):
        lemma = verb.lemma_.lower()
        if lemma in SPEECH_VERBS:
            return AGENT if any(c.dep_ == "xcomp" for c in verb.children) or reports_own_deed(verb) else None
        if lemma in UNDERGOER_VERBS:
            return PATIENT
        if lemma == "be":  # copula: "X is a challenge for Y" reports no action by X
            return None
        return ONLOOKER if tells_the_aftermath(verb) else AGENT
    if dep == "nsubjpass" and tells_the_aftermath(verb, "passive"):
        return ONLOOKER
    if dep in ("nsubjpass", "dobj", "obj", "dative", "oprd"):
        return PATIENT
    if dep == "pobj":
        prep = verb.lower_
        if prep in _AGENT_PREPS or verb.dep_ == "agent":
            return AGENT
        if prep in _PATIENT_PREPS:
            return PATIENT
    return None


def reports_own_deed(verb: Token) -> bool:
    """'said it had killed', 'said they arrested': the reported clause's subject is a pronoun for the speaker
    and its verb an act of force."""
    return any(c.dep_ == "ccomp" and c.lemma_.lower() in SELF_REPORT_VERBS
               and any(s.dep_ == "nsubj" and s.lower_ in SELF_REPORT_PRONOUNS for s in c.children)
               for c in verb.children)


def role_of(span: Span) -> str | None:
    role = role_of_token(span.root)
    return role if role is not None else _subject_by_apposition(span.root)


def _subject_by_apposition(token: Token) -> str | None:
    """Parser slip: in "for the Northern Alliance, the Massoud army on Saturday blew up ..." the army is
    read as an apposition inside the fronted phrase and the verb is left without a subject. A phrase in
    apposition before a subjectless verb is that verb's subject."""
    chain = token
    through_appos = False
    for _ in range(12):
        if chain.dep_ == "appos":
            through_appos = True
        if chain.pos_ in ("VERB", "AUX") or chain.head is chain:
            break
        chain = chain.head
    if not through_appos or chain.pos_ != "VERB" or token.i > chain.i:
        return None
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in chain.children)
    return None if has_subject else AGENT


def governing_verb(span: Span) -> Token | None:
    """The verb (or event noun) the mention's phrase attaches to, for grouping mentions by clause."""
    head = np_head(span.root)
    up = head.head
    if head.dep_ == "pobj" and up.head is not up:
        up = up.head
    return up if up is not head else None
