"""Cue phrases match on words or lemmas; actor kind comes from the parse."""

from __future__ import annotations

from sitrep.events.triggers import CueFeatures, find_cues


def _cues(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    sent = next(nlp(text).sents)
    return {h.cue for h in find_cues(sent)}


def _names(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The cue features' names of ``text``'s sentences (actor kinds, who suffers the force...)."""
    sents = list(nlp(text).sents)
    return CueFeatures.from_sentences(sents, [find_cues(s) for s in sents]).names


def test_lemma_matching(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "SUIC_BOMB" in _cues(nlp, "The attacker blew himself up outside the hotel.")
    assert "AIR_STRIKE" in _cues(nlp, "Two airstrikes hit the depot.")


def test_exact_forms_do_not_match_other_senses(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "protest" not in _cues(nlp, "The report was published in March.")
    assert "protest" in _cues(nlp, "Hundreds of students marched to the ministry.")


def test_how_protests_are_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Teachers formed a human chain outside the school board offices.",
                 "Angry residents blocked the main road into the town for six hours.",
                 "Hundreds of nurses gathered outside the ministry with placards.",
                 "Dock workers went on strike on Monday over unpaid wages.",
                 "Students were marching towards the parliament when the rain began."):
        assert "protest" in _cues(nlp, text), text
    assert "protest" not in _cues(nlp, "In March the council gathered evidence on the road project.")


def test_capture_agent_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "territory:state" in _names(nlp, "Government troops recaptured the town from the rebels on Monday.")
    assert "territory:nonstate" in _names(nlp, "The town was captured by insurgents after a week of fighting.")


def test_who_suffers_the_force(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "protest_lethal>crowd" in _names(nlp, "Soldiers opened fire on the demonstrators in the square.")
    assert "kill>crowd" in _names(nlp, "Three protesters died after the rally in the capital.")
    assert "kill>crowd" not in _names(nlp, "Rioters killed a shopkeeper during the unrest.")


def test_territory_handed_over_without_the_word_over(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "NON_VIOL_TERRIT_TRANSFER" in _cues(nlp, "The militia handed control of the port to the army.")


def test_force_on_a_protest_and_protesters_violence_told_without_weapons(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Riot officers used excessive force against the nurses' sit-in, witnesses said.",
                 "Guards brutally beat back the striking miners at the gate.",
                 "Several marchers suffered serious injuries when the rally was broken up."):
        assert "protest_lethal" in _cues(nlp, text), text
    for text in ("Some marchers threw bottles and firecrackers at the riot squad.",
                 "Youths threw projectiles at the line of riot officers.",
                 "Fans clashed with the police after the final whistle.",
                 "Clashes erupted between students and police near the campus gate."):
        assert "protest_riot" in _cues(nlp, text), text
    # Two armed forces clashing name no crowd: the riot cue is kept for clashes with the police.
    assert "protest_riot" not in _cues(nlp, "Government troops clashed with rebel fighters near the dam.")


def test_a_peaceful_protest_met_with_force(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "peaceful+intervene" in _names(nlp, "Police dispersed the peaceful sit-in of the pensioners with tear gas.")
    assert "peaceful+lethal" in _names(nlp, "Soldiers opened fire on villagers marching peacefully to the mine.")
    assert not _names(nlp, "Pensioners marched peacefully to the town hall.") & {"peaceful+intervene", "peaceful+lethal"}
