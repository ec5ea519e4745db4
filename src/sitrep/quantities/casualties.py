"""Killed, injured and captured figures read from the dependency parse.

For each trigger word (casualty_triggers.tsv) we find the noun(s) naming the people affected --
the object of an active verb ('killed five civilians'), the subject of a passive ('five civilians were
killed') or of 'die', the noun a participle modifies ('18 insurgents killed'), the 'of' object of a
noun ('the deaths of 12') -- follow coordination ('a commander and another militant') and 'along with',
and read each noun's count with :func:`~sitrep.quantities.noun_counts.count_noun`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitrep.quantities.lexicon import Trigger, casualty_triggers, materiel_words, not_people
from sitrep.quantities.noun_counts import RELATIVE_PRONOUNS, NounCount, NumberIndex, count_noun, ordinal_place
from sitrep.resources import read_lines

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

POS_GROUPS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
# Prepositions that add people to the ones already named: 'the leader along with three associates'.
ADDING_PREPS = frozenset({"along", "together"})
# Prepositions that also open a clause ('after the boy was shot'): the parser may take its subject for their object.
CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "as"})
HABITUAL = frozenset({"often", "frequently", "regularly", "routinely", "usually", "sometimes", "repeatedly"})
# 'shot' and 'stabbed' count everyone hit (kind "hit"): the dead among them too, unless the words say it was
# fatal ('fatally shot', 'shot dead', 'shot to death'), which makes them killed.
HIT = "hit"
FATAL_WORDS = frozenset({"fatally", "mortally", "dead", "death", "fatal", "deadly"})
# Verbs whose subject bears the wounds their object names ('three men suffered gunshot wounds').
BEARING_VERBS = frozenset({"suffer", "sustain", "receive", "have"})
# A plural pronoun that 'have' wounds: the people told before ('they have minor injuries'), counted there.
PLURAL_PRONOUNS = frozenset({"they", "we"})


@dataclass(frozen=True)
class CasualtyFigure:
    kind: str
    count: NounCount
    trigger: int  # token index of the trigger word
    subject: CharRange | None = None  # the trigger's (or its governing verb's) subject, if any
    # A death after wounds ('later died', 'died at the hospital', 'succumbed to his injuries'): someone an article
    # may have counted among the injured first.
    after_wounds: bool = False
    # The attacker's own death ('killed two people and then himself', 'police killed the gunman'): it adds to the
    # victims' toll (:func:`mark_perpetrators`).
    perpetrator: bool = False


@dataclass(frozen=True)
class CharRange:
    start: int
    end: int


def _triggers_of(token: Token) -> tuple[Trigger, ...]:
    group = POS_GROUPS.get(token.pos_)
    if group is None:
        return ()
    found = casualty_triggers().get((token.lemma_.lower(), group), ())
    if not found and group == "verb":
        # spaCy sometimes tags the participle 'wounded' as an adjective and vice versa.
        found = casualty_triggers().get((token.lower_, "adj"), ())
    kept = tuple(t for t in found if t.with_prep is None or _governs(token, t.with_prep, t.with_object))
    if not kept and group == "verb" and token.lemma_.lower() in _words("striking_verbs") and _wounding_strike(token):
        return (Trigger(HIT, "object"),)
    return kept


@functools.cache
def _words(name: str) -> frozenset[str]:
    """A word list of data/quantities/: care_verbs (taking the hurt to care: 'taken to the hospital for injuries'),
    shooting_words ('hit during the shooting'), striking_verbs, body_parts, projectile_words."""
    return frozenset(read_lines(f"quantities/{name}.txt"))


def _is_projectile(noun: Token) -> bool:
    """'a bullet', 'gunfire', 'one of the bullets'."""
    if noun.lower_ in _words("projectile_words"):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in _words("projectile_words") for g in c.children)
               for c in noun.children)


def _wounding_strike(verb: Token) -> bool:
    """A verb of striking (data/quantities/striking_verbs.txt) that tells of a wound: what struck was fired ('a bullet
    hit the boy', 'grazed by a stray round'), or a passive blow landed on a part of the body ('was hit in the leg',
    'struck once in the lower body', data/quantities/body_parts.txt). 'Hit by a car', 'struck the wall' are not."""
    # 'The bullet went through his thigh and hit the boy': the second verb shares the first one's subject.
    shared = [c for c in verb.head.children if c.dep_ == "nsubj"] if verb.dep_ == "conj" and not any(
        c.dep_ == "nsubj" for c in verb.children) else []
    if verb.dep_ == "acl" and _is_projectile(verb.head):
        return True  # 'fired a shot hitting a 73-year-old man'
    for child in [*verb.children, *shared]:
        if child.dep_ == "nsubj" and _is_projectile(child):
            return True
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "with") and any(
                _is_projectile(g) for g in child.children if g.dep_ == "pobj"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "during") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _words("shooting_words") for g in child.children):
            return True  # 'was also hit during the shooting'
    passive = _is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj", "xcomp", "oprd", "relcl"))
    return passive and any(child.dep_ == "prep" and child.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lower_ in _words("body_parts") for g in child.children) for child in verb.children)


def _governs(token: Token, prep: str, obj: str | None) -> bool:
    return any(c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep and (obj is None or any(g.lower_ == obj for g in c.children))
               for c in token.children)


# Words that open a clause asking whether something happened: 'not able to say if the man had died', 'don't know if
# he's dead or alive', 'unclear whether anyone was hurt'. Such a clause reports no casualty; nor does a condition.
QUESTION_MARKS = frozenset({"if", "whether"})
# Links from a predicate word to the clause it is the predicate of ('he's dead': dead -> 's).
_PREDICATE_LINKS = frozenset({"acomp", "attr", "oprd", "xcomp", "conj"})


def _in_question(token: Token) -> bool:
    """A casualty word in a clause opened by 'if' or 'whether'."""
    node = token
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in node.children):
            return True
        if node.dep_ not in _PREDICATE_LINKS or node.head.i == node.i:
            return False
        node = node.head
    return False


@functools.lru_cache(maxsize=1)
def _wound_words() -> frozenset[str]:
    return frozenset(read_lines("quantities/died_of_wounds.txt"))


def died_of_wounds(token: Token) -> bool:
    """'later died', 'died at the hospital', 'died of his injuries', 'succumbed to his wounds'
    (data/quantities/died_of_wounds.txt)."""
    words = _wound_words()
    # 'pronounced dead at the hospital': the words hang on the verb 'dead' is the predicate of.
    heads = [token, token.head] if token.dep_ in ("acomp", "oprd", "xcomp") else [token]
    # Not a verb of another people's lot beside it ('left a girl dead and her grandmother wounded').
    near = [*heads, *(c for h in heads for c in h.children if c.dep_ != "conj"),
            *(g for h in heads for c in h.children if c.dep_ == "prep" for g in c.children)]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in near)


def _quoted(token: Token) -> bool:
    """The word stands inside a quotation its sentence opened before it and has not closed."""
    before = token.sent.doc[token.sent.start:token.i].text
    opened = before.count("\u201c") - before.count("\u201d")
    return opened > 0 or (before.count('"') % 2 == 1)


def _is_unrealised(token: Token) -> bool:
    """'an operation to arrest a leader', 'attempting to capture', 'will be killed', 'not able to say if the man
    had died': not something that happened.

    A perfect infinitive ('claim to have killed 200') reports a past act and is kept.
    """
    if _in_question(token):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in token.children):
        return True  # 'his attacks often killed civilians': a habit, not a reported event
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" and a.lower_ not in ("did",) for a in auxes):
        return True  # 'will be killed', 'could capture': a threat or a possibility
    if token.tag_ != "VB":
        return False
    words = {a.lower_ for a in auxes}
    return "to" in words and "have" not in words


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _patients(token: Token, trigger: Trigger) -> list[Token]:
    children = list(token.children)
    if trigger.patient == "of":
        return [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if trigger.patient == "head":
        # '12 dead': the number itself, or the noun an adjective modifies ('three wounded insurgents').
        nums = [c for c in children if c.dep_ == "nummod"]
        if nums:
            return nums
        if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN"):
            return [token.head]
        if token.i > 0 and token.nbor(-1).like_num:
            return [token.nbor(-1)]
        if token.dep_ in ("acomp", "oprd", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
            # 'was pronounced dead', 'were found wounded', 'left two people dead': whom the verb says it of.
            found = [c for c in token.head.children if c.dep_ in ("nsubjpass", "dobj")]
            if not found and not _triggers_of(token.head):
                found = [c for c in token.head.children if c.dep_ == "nsubj"]
            found = [f for f in found if f.i < token.i]
            if found and all(f.lower_ in RELATIVE_PRONOUNS for f in found) and token.head.dep_ == "relcl":
                return [token.head.head]  # 'five people were shot, including one who was pronounced dead'
            return found
        # 'left one person dead and three more injured': the parser makes the second adjective a conjunct with
        # the count as its own subject.
        counted = [c for c in children if c.dep_ in ("nsubj", "npadvmod") and c.like_num and c.i < token.i]
        if counted and token.dep_ == "conj":
            return counted
        return [token] if token.pos_ == "NOUN" else []
    if trigger.patient == "bearer":
        if any(c.lower_ == "no" for c in children):
            return []
        verb = token.head
        if token.dep_ == "pobj" and (verb.lower_ == "with" or (
                verb.lower_ == "for" and verb.head.lemma_.lower() in _words("care_verbs"))):
            return _with_wounds(verb)  # 'taken to the hospital for non-life-threatening injuries'
        if token.dep_ == "pobj" and verb.lower_ == "from" and verb.head.lemma_.lower() in BEARING_VERBS:
            verb = verb.head  # 'suffering from gunshot wounds'
        elif token.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in BEARING_VERBS:
            return []
        if any(c.dep_ == "neg" for c in verb.children):
            return []  # 'did not have any injuries'
        if verb.lemma_.lower() == "have" and any(c.dep_ == "nsubj" and c.lower_ in PLURAL_PRONOUNS for c in verb.children):
            return []  # 'they have non-life-threatening injuries': those told before, no count of their own
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not found and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]  # 'another man suffering from gunshot wounds'
        if found and all(f.lower_ in RELATIVE_PRONOUNS for f in found) and verb.dep_ == "relcl":
            return [verb.head]  # 'four victims who had sustained gunshot wounds'
        return found
    if trigger.patient == "subject":
        found = [c for c in children if c.dep_ == "nsubj"]
    elif _is_passive(token):
        # A place or organisation name as subject is usually a dateline the parser took into the sentence
        # ('KABUL, Afghanistan (Dec. 31) A leader ... was arrested'): look for the real one.
        found = [c for c in children if c.dep_ == "nsubjpass" and is_people(c)
                 and not (c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "GPE", "LOC", "FAC"))] or _stray_subject(token)
    else:
        found = [c for c in children if c.dep_ in ("dobj", "obj")]
        if not found and (token.tag_ == "VBN" or (token.dep_ == "conj" and not any(
                c.dep_ in ("aux", "auxpass") for c in children))) and not any(c.lemma_ == "have" for c in children):
            # Elliptical passive: 'five were killed and twenty-one wounded', '18 dead, one wounded'; the parser
            # sometimes hangs the number as a modifier of the participle ('left one dead and six injured').
            found = [c for c in children if c.dep_ == "nsubj" or (c.dep_ == "npadvmod" and c.like_num and c.i < token.i)]
    if not found and (token.dep_ in ("xcomp", "oprd") or _predicate_participle(token)) and token.head.pos_ in ("VERB", "AUX"):
        # 'Four people were found shot to death', 'left two men shot', 'a robbery that left six people injured' (the
        # last participle parsed as an adverbial clause): whom the governing verb says it of.
        found = [c for c in token.head.children if c.dep_ in ("nsubjpass", "dobj") and c.i < token.i]
    if found and all(f.lower_ in RELATIVE_PRONOUNS for f in found) and token.dep_ == "relcl":
        return [token.head]  # 'insurgents who were killed'
    if found:
        return found
    has_subject = any(c.dep_ == "nsubj" for c in children)
    if token.dep_ in ("acl", "amod") and not has_subject and token.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and (
            token.tag_ != "VBG"):  # 'police shooting in Vegas': the police do the shooting
        # '18 insurgents killed', 'the two detained men'; 'the release of demonstrators detained' is about
        # the demonstrators.
        of_object = [g for c in token.head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
        return of_object or [token.head]
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is not None and after.like_num and (after.head.i < after.i or after.head.i == after.i) and not _is_passive(token):
        return [after]  # 'a shooting that killed 1 and injured 4', where the parser hung the 4 elsewhere
    shared = [g for c in children if c.dep_ == "conj" and c.pos_ == "VERB" for g in c.children
              if g.dep_ in ("dobj", "obj")]
    if shared and not _is_passive(token):
        return shared  # 'killing and wounding several people': both verbs take the one object
    head = token.head
    if (token.dep_ == "conj" and head.pos_ == "VERB" and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("nsubj", "dobj", "obj") for c in (*children, *head.children))):
        return [head.head]  # 'a boy shot and killed Monday': the second participle shares the first one's noun
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        # 'were identified and detained': the second verb shares the first one's passive subject; 'fell from the
        # roof and died', 'turned the gun on himself and died': a verb whose subject is the patient shares the
        # first one's subject.
        head = token.head
        passive = _is_passive(head) or any(c.dep_ == "auxpass" for c in token.children)
        dep = "nsubjpass" if passive else "nsubj" if trigger.patient == "subject" else "dobj"
        return [c for c in head.children if c.dep_ == dep]
    return []


def _predicate_participle(token: Token) -> bool:
    """A past participle with no subject of its own that the parser hung as an adverbial clause on the verb before it
    ('left six people injured'): it says what became of that verb's object."""
    return token.dep_ == "advcl" and token.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in token.children)


def _with_wounds(with_: Token) -> list[Token]:
    """Who has the wounds of 'with gunshot wounds': the person the phrase describes ('a man with a gunshot wound'),
    the one a verb found so ('found two men with gunshot wounds'), or the subject of a verb of going ('walked into
    the hospital with a gunshot wound')."""
    head = with_.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
        # Not the place the phrase follows ('showed up at a hospital with gunshot wounds', 'found in the 200 block
        # with gunshot wounds'): the parser's misreading; the wounds are those of whom the verb tells.
        head = head.head.head
    elif head.pos_ in ("NOUN", "PROPN") and with_.dep_ == "prep":
        return [] if head.dep_ == "pobj" else [head]
    if head.pos_ not in ("VERB", "AUX"):
        return []
    found = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    return found or [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _stray_subject(verb: Token) -> list[Token]:
    """The subject of a passive the parser hung elsewhere ('In a separate event in Afghanistan, a leader and
    an insurgent were captured', where 'leader' comes out as an apposition): the nearest noun before the
    auxiliary that heads no prepositional phrase."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if aux is None:
        return []
    for token in reversed(verb.doc[verb.sent.start:aux.i]):
        aged = token.lower_ in ("old", "olds") and token.i == aux.i - 1  # 'after a 4-year-old was shot'
        # 'after 5-year-old boy was shot': the parser took the clause's subject for the object of 'after'.
        clause_opener = token.dep_ == "pobj" and token.head.lower_ in CLAUSE_PREPOSITIONS and token.i == aux.i - 1
        if (token.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or aged) and is_people(token) and (
                token.dep_ in ("appos", "nsubj", "nsubjpass", "dep", "npadvmod") or aged or clause_opener
                or (token.i == aux.i - 1 and aux.tag_ == "VBG")):
            return [token]  # the last case: 'resulted in six Afghans being killed'

        if (token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound")) or token.lower_ in (";", ":"):
            break  # another clause: its nouns are not this verb's subject
    return []


def _expand(noun: Token, trigger_token: Token) -> Iterator[Token]:
    """The noun, its conjuncts, and people added with 'along with' / 'together with'."""
    yield noun
    # A list of named people with their ages ('Juwan Edwards, 15, Leroy Shaw, 15, and Tamir Hamilton, 19, were
    # injured'): the parser makes each name an apposition of the one before and the last a conjunct.
    listed = _named_list(noun)
    yield from listed
    if listed:
        noun = listed[-1]
    # Hyphenated words come out of the parser as coordinations ('sub-commander'): skip those.
    # A conjunct with its own participle reports something else: 'two bombers killed and ten hostages freed'.
    # So does one with a casualty word of its own before it: 'two dead civilians and one wounded civilian'.
    yield from (c for c in noun.conjuncts if c.i > noun.i and c.nbor(-1).text not in ("-", "–")
                and not any((g.dep_ in ("acl", "relcl") and g.pos_ == "VERB") or (g.dep_ == "amod" and _triggers_of(g))
                            for g in c.children))
    # 'along with' may hang anywhere below the verb ('arrested a commander who ran a cell in the valley,
    # along with two of his fighters'), but not below another casualty word, whose people those are.
    for prep in trigger_token.subtree:
        if (prep.dep_ == "prep" and prep.lower_ == "with" and prep.i > 0 and prep.nbor(-1).lower_ in ADDING_PREPS
                and prep.nbor(-1).dep_ == "advmod" and _governed_by(prep, trigger_token)):
            yield from (g for g in prep.children if g.dep_ == "pobj")  # 'was shot along with three others'
            continue
        if prep.dep_ != "prep" or prep.lower_ not in ADDING_PREPS or not _governed_by(prep, trigger_token):
            continue
        for with_ in prep.children:
            yield from (g for g in with_.children if g.dep_ == "pobj")
            if with_.dep_ == "pobj":
                yield with_


def _named_list(noun: Token) -> list[Token]:
    """The names after ``noun`` in a list the parser read as a chain of appositions ending in a conjunct."""
    def aged(name: Token) -> bool:  # 'Leroy Shaw, 15,'
        return name.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.like_num for c in name.children)

    def counted(person: Token) -> bool:  # 'a man', '49-year-old woman', 'two teens'
        return any(c.dep_ in ("det", "nummod", "amod") and (c.dep_ != "amod" or c.lower_ in ("old", "olds"))
                   for c in person.children)

    if noun.pos_ == "NOUN" and noun.tag_ == "NN" and counted(noun):  # not 'four people — two women and two men'
        # 'A 59-year-old man, 49-year-old woman and 53-year-old man suffered gunshot wounds': an apposition that
        # goes on with a conjunct is a list of people, not another name of the first.
        listed = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "NOUN" and counted(c)]
        if listed and any(c.dep_ == "conj" and counted(c) for c in listed[0].children):
            return listed[:1]
        return []
    chain: list[Token] = []
    node = noun
    while noun.pos_ == "PROPN" and aged(noun):
        following = [c for c in node.children if c.dep_ == "appos" and c.pos_ == "PROPN" and aged(c)
                     and c.ent_type_ not in ("GPE", "LOC", "FAC")]
        if not following:
            break
        node = following[0]
        chain.append(node)
    return chain if chain and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in node.children) else []



def _governed_by(token: Token, trigger: Token) -> bool:
    """True when ``token`` hangs below ``trigger`` outside its subject ('Afghan forces, along with coalition
    troops, detained ...' adds no detainee) and no other casualty word stands between them."""
    node = token.head
    while node.i != trigger.i and node.head.i != node.i:
        if (node.pos_ in ("VERB", "NOUN") and _triggers_of(node)) or node.dep_ in ("nsubj", "agent", "csubj"):
            return False
        node = node.head
    return node.i == trigger.i


def is_people(noun: Token) -> bool:
    if not noun.text[0].isalnum() or noun.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    if not noun.whitespace_ and noun.i + 1 < len(noun.doc) and noun.nbor(1).text in ("-", "–"):
        return False  # 'sub' of 'sub-commander': the word after the hyphen is the head
    lower = noun.lower_
    if lower in not_people() or noun.lemma_.lower() in not_people() or lower in materiel_words():
        return False
    if noun.like_num or noun.pos_ == "NUM":
        # 'one of the family dogs': whom the number counts is its 'of' object.
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return all(is_people(g) for g in of)
    return True


def uncounted(noun: Token) -> bool:
    """People no casualty tally counts: 'her unborn baby' (data/quantities/uncounted_modifiers.txt). Still the
    verb's people, so no other noun is taken for them."""
    return any(c.dep_ == "amod" and c.lower_ in _words("uncounted_modifiers") for c in noun.children)


def _subject_span(token: Token) -> CharRange | None:
    """Characters of the subject of the trigger or of the verbs above it ('forces claim to have killed')."""
    node: Token | None = token
    for _ in range(4):
        if node is None:
            break
        for c in node.children:
            if c.dep_ in ("nsubj", "agent"):
                return CharRange(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        node = node.head if node.head.i != node.i else None
    return None


def hit_kind(token: Token) -> str | None:
    """What a 'shot'/'stabbed' figure counts: "killed" when the words say it was fatal, None when another
    casualty verb of the same people says it ('shot and killed', 'shot and wounded'), else "hit"."""
    if _fatal_next(token):
        return "killed"
    for child in token.children:
        if (child.lower_ in FATAL_WORDS and not _negated_word(child)) or (
                child.dep_ == "prep" and any(g.lower_ in FATAL_WORDS for g in child.children)):
            return "killed"
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX", "ADJ") and _triggers_of(child) and not (
                _has_object(token) and _has_object(child)):
            return None  # not 'shot a student and then killed herself': each verb has its own people
    if token.dep_ == "conj" and _triggers_of(token.head):
        return None  # 'killed or shot': the first verb's figure stands
    return HIT


def _other_than_the_doer(noun: Token, verb: Token) -> bool:
    """'another teen' as the object of an active verb whose subject is a person ('the boy', 'he accidentally shot
    another teen'): someone other than the doer."""
    return (noun.dep_ in ("dobj", "obj", "pobj") and not _is_passive(verb)
            and noun.left_edge.lower_ == "another"
            and any(c.dep_ == "nsubj" and ((c.pos_ in ("NOUN", "PROPN") and is_people(c)) or c.lower_ in ("he", "she"))
                    for c in verb.children))


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _fatal_next(token: Token) -> bool:
    """'shot dead', 'stabbed to death' read from the words themselves: the parser sometimes hangs 'dead' on a
    later word ('were shot dead Saturday': dead -> Saturday)."""
    doc = token.doc
    after = [t.lower_ for t in doc[token.i + 1:token.i + 3]]
    return after[:1] == ["dead"] or after == ["to", "death"]


def _said_fatal(token: Token) -> bool:
    """A wound word the text calls fatal or mortal ('a fatal gunshot wound', 'mortally wounded')."""
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in FATAL_WORDS and not _negated_word(c)
               for c in token.children)


def _negated_word(token: Token) -> bool:
    """'non-fatal', 'non fatal': the prefix the tokenizer split off."""
    before = token.doc[max(token.i - 2, 0):token.i]
    return any(t.lower_ in ("non", "non-") for t in before)


def _fatal_share(token: Token, numbers: NumberIndex) -> list[CasualtyFigure]:
    """'four people were shot, one fatally': the dead among those hit."""
    found = []
    # 'one fatally' hangs on the verb or, set off by commas, on the people hit ('Four teens, one fatally, were shot').
    people = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj", "obj")]
    for child in [*token.children, *(c for p in people for c in p.children if c.dep_ == "appos")]:
        if child.pos_ == "NUM" and any(g.lower_ in FATAL_WORDS for g in child.children):
            count = count_noun(child, numbers)
            if count is not None:
                found.append(CasualtyFigure("killed", count, token.i, _subject_span(token)))
    return found


def _shares_number(noun: Token, count: NounCount, numbers: NumberIndex) -> bool:
    """'Five men and women were injured': the bare 'women' (no figure of its own, not even 'several') is
    counted in the five, not again."""
    bare = numbers.first_within(noun.left_edge.idx, noun.idx + len(noun.text)) is None
    return bare and noun.dep_ == "conj" and count.vague and noun.head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "nummod" or c.like_num for c in noun.head.children)


REFLEXIVES = frozenset({"himself", "herself", "themselves", "self"})


@functools.lru_cache(maxsize=1)
def _weapon_words() -> frozenset[str]:
    return frozenset(read_lines("quantities/weapon_words.txt"))


def _turned_on_self(sentence: SpacySpan, numbers: NumberIndex) -> list[CasualtyFigure]:
    """'before turning the gun on himself': the shooter's death (kept only beside his victims, :func:`mark_perpetrators`)."""
    found = []
    for token in sentence:
        if token.lemma_.lower() != "turn" or not any(c.dep_ == "dobj" and c.lower_ in _weapon_words()
                                                     for c in token.children):
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.lower_ in REFLEXIVES:
                        count = count_noun(noun, numbers)
                        if count is not None:
                            found.append(CasualtyFigure("killed", count, token.i, _subject_span(token)))
    return found


@functools.lru_cache(maxsize=1)
def _condition_words() -> frozenset[str]:
    return frozenset(read_lines("quantities/condition_words.txt"))


def _in_condition(sentence: SpacySpan, numbers: NumberIndex) -> list[CasualtyFigure]:
    """'The boy is in critical condition', 'two men were taken to a hospital in stable condition', 'a woman in
    serious condition': people whose condition a hospital grades were hurt (data/quantities/condition_words.txt):
    counted as those hit are, the dead among them taken out by the event's toll."""
    found = []
    for token in sentence:
        if token.lemma_.lower() != "condition" or token.dep_ != "pobj" or token.head.lower_ != "in" or not any(
                c.dep_ in ("amod", "compound") and c.lower_ in _condition_words() for c in token.children):
            continue
        head = token.head.head
        if any(c.dep_ == "neg" for c in head.children) or _is_unrealised(head):
            continue
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("pobj",):
            people = [head]
        elif head.pos_ in ("VERB", "AUX"):
            # 'leaves one boy in critical condition', 'found him in serious condition'; 'is in stable condition'
            people = [c for c in head.children if c.dep_ in ("dobj", "obj")] or [
                c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not people and head.dep_ == "conj":
                people = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            people = []
        for noun in people:
            if noun.lower_ in RELATIVE_PRONOUNS and noun.head.dep_ == "relcl":
                noun = noun.head.head
            if not is_people(noun) or noun.lower_ in REFLEXIVES:
                continue
            count = count_noun(noun, numbers)
            if count is not None:
                found.append(CasualtyFigure(HIT, count, token.i, _subject_span(head)))
    return found


def _same_doer(one: CasualtyFigure, two: CasualtyFigure, doc: Doc | None) -> bool:
    """Whether the doer of ``one`` did ``two`` to others: ``two`` is active and has the same subject, or one word hangs
    below the other ('killed her daughters before killing herself', where the parse gives the second no subject)."""
    if doc is not None and _is_passive(doc[two.trigger]):
        return False  # 'killed himself after his friend was shot': not said to be his doing
    if one.subject is not None and one.subject == two.subject:
        return True
    if doc is None:
        return False
    first, second = doc[one.trigger], doc[two.trigger]
    return first.is_ancestor(second) or second.is_ancestor(first)


def _of_own_subject(figure: CasualtyFigure) -> bool:
    """A figure whose people are its verb's own subject ('the 14-year-old ... died')."""
    subject = figure.subject
    return subject is not None and subject.start <= figure.count.start and figure.count.end <= subject.end


def mark_perpetrators(figures: list[CasualtyFigure], reflexive: set[int], doc: Doc | None = None) -> list[CasualtyFigure]:
    """The attacker's own death among a sentence's figures: a death of 'himself' whose subject killed or shot others
    in the same sentence ('shot and killed her two daughters before killing herself', 'before turning the gun on
    himself'). A lone 'shot herself' is the victim's own wound or death, no attacker's. (A death of 'the gunman' or
    'the suspect' is left a victim's figure: in a police shooting he is the only one killed.) ``reflexive``: the
    indices of the figures whose noun is a reflexive pronoun."""
    marked = []
    for i, figure in enumerate(figures):
        if figure.kind == "killed" and i in reflexive:
            # Not a figure of the doer's own fate ('she turned the gun on herself and died': her death, told twice).
            others = [f for j, f in enumerate(figures) if j not in reflexive and f.kind in ("killed", HIT)
                      and not (_of_own_subject(f) and f.subject == figure.subject)]
            if any(_same_doer(figure, f, doc) for f in others):
                figure = replace(figure, perpetrator=True)
        marked.append(figure)
    return marked


def _wounded_then_dead(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """The dead of a sentence that also names them wounded or hit ('the boy who was critically wounded Friday died on
    Saturday', 'the wounded man died'): the same people, wounded first, so a death after wounds (``after_wounds``);
    the wounded figure stays, and the event takes the death out of the wounded (events.assemble)."""
    hurt = {f.count.start for f in figures if f.kind in ("injured", HIT)}
    return [replace(f, after_wounds=True) if f.kind == "killed" and f.count.start in hurt else f for f in figures]


def read_casualties(sentence: SpacySpan, numbers: NumberIndex) -> list[CasualtyFigure]:
    """Casualty and capture figures in one parsed sentence (kind ``hit``: everyone shot or stabbed)."""
    figures: list[CasualtyFigure] = []
    seen: set[tuple[str, int]] = set()
    reflexive: set[int] = set()
    for token in sentence:
        for trigger in _triggers_of(token):
            if any(c.dep_ == "neg" for c in token.children) or _is_unrealised(token):
                continue  # 'no civilians were killed' is caught on the noun, 'were not killed' here
            if token.lemma_.lower() in _words("feeling_verbs") and _quoted(token) and not _is_passive(token):
                # '"It has hurt our community," she said': a feeling, not a wound ('"Nobody was hurt," police said'
                # is one).
                continue
            if trigger.kind == HIT:
                kind = hit_kind(token)
                if kind is None:
                    continue
                trigger = Trigger(kind, trigger.patient, trigger.with_prep, trigger.with_object)
                figures.extend(_fatal_share(token, numbers))
            elif trigger.kind == "injured" and _said_fatal(token):
                # 'sustained a fatal wound', 'mortally wounding him': the wound killed.
                trigger = Trigger("killed", trigger.patient, trigger.with_prep, trigger.with_object)
            for patient in _patients(token, trigger):
                for noun in _expand(patient, token):
                    if (trigger.kind, noun.i) in seen or not is_people(noun) or uncounted(noun):
                        continue
                    count = count_noun(noun, numbers)
                    if count is None or _shares_number(noun, count, numbers):
                        continue
                    if trigger.kind == "injured" and count.value > 1 and ordinal_place(noun) == count.value:
                        # 'a second man was critically injured' (after one killed): the second person told of, one
                        # wounded; an ordinal counts a toll of the dead only.
                        count = replace(count, value=1, low=1, high=1)
                    if trigger.kind == HIT and _other_than_the_doer(noun, token):
                        # 'the boy accidentally shot another teen': other than the shooter, not one more victim
                        # ('another man was shot' counts one besides those told before: events.fields)
                        count = replace(count, start=noun.idx if noun.lower_ == "another" else
                                        min((c.idx for c in noun.children if c.i > noun.left_edge.i), default=noun.idx))
                    seen.add((trigger.kind, noun.i))
                    if noun.lower_ in REFLEXIVES:
                        reflexive.add(len(figures))
                    figures.append(CasualtyFigure(trigger.kind, count, token.i, _subject_span(token),
                                                  trigger.kind == "killed" and died_of_wounds(token)))
    figures = _wounded_then_dead(figures)
    told = {f.count.start for f in figures}
    figures += [f for f in _in_condition(sentence, numbers) if f.count.start not in told]
    turned = _turned_on_self(sentence, numbers)
    reflexive.update(range(len(figures), len(figures) + len(turned)))
    marked = mark_perpetrators(figures + turned, reflexive, sentence.doc)
    # Turning a gun on oneself with no victims beside it is left to the words that say what became of him.
    return marked[:len(figures)] + [f for f in marked[len(figures):] if f.perpetrator]
