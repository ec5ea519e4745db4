"""Which event cues report something done: sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.events.modality import is_imperative, non_assertion


def _reason(nlp, text: str, word: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == word)
    return non_assertion(token)


@pytest.mark.parametrize(("text", "word", "reason"), [
    ("The rebels threatened to attack the city on Monday.", "attack", "intended"),
    ("The army will launch an offensive next week.", "offensive", "modal"),
    ("There was no fighting in the valley on Sunday.", "fighting", "negated"),
    ("Police did not disperse the marchers.", "disperse", "negated"),
    ("If the militia storms the town, thousands could flee.", "storms", "conditional"),
    ("I call on all of you to rise up and fight.", "fight", "intended"),
    ("Militia leaders warned of attacks on the market.", "attacks", "intended"),
    ("They moved in a bid to force the garrison to surrender.", "surrender", "intended"),
    ("The commander said his men were ready to storm the base.", "storm", "intended"),
    ("Troops stopped the mob from burning the church.", "burning", "prevented"),
    ("Officials feared an imminent assault on the capital.", "assault", "intended"),
    ("Clashes are common along the disputed border.", "clashes", "generic"),
    ("Photo: Villagers inspect a house destroyed in the shelling near the river.", "shelling", "caption"),
    ("FILE PHOTO: Soldiers patrol after an attack on the market.", "attack", "caption"),
    ("Without the guards, the gunmen could have killed dozens of worshippers.", "killed", "counterfactual"),
    ("But for the locked gate, the gunmen would have shot many more.", "gunmen", "counterfactual"),
    ("Demonstrators usually march to the square on the anniversary.", "demonstrators", "generic"),
    ("The minister condemned the attack on the convoy.", "attack", "reaction"),
    ("The governor responded to the bombing with a curfew.", "bombing", "reaction"),
    ("The farmer is on trial on charges of murder.", "murder", "alleged"),
    ("Doctors say the new drug will help them attack the virus.", "attack", "figurative"),
    ("Volunteers hand out leaflets to combat the symptoms of the flu.", "combat", "figurative"),
    ("Why do we have to sign the agreement today?", "sign", "question"),
    ("The new guns are to be deployed on the northern border.", "deployed", "intended"),
    ("Jamming signals is one of the options, and shooting down drones is another.", "shooting", "generic"),
])
def test_unreported_events(nlp, text: str, word: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    assert _reason(nlp, text, word) == reason


@pytest.mark.parametrize(("text", "word"), [
    ("Rebels attacked an army post near the river on Tuesday.", "attacked"),
    ("The fighters claim to have killed 40 soldiers in the valley.", "killed"),
    ("The strike may have killed a dozen civilians, officials said.", "killed"),
    ("The UN will investigate the attack on the convoy.", "attack"),
    ("No one was killed when the bomb exploded.", "exploded"),
    ('"We captured the bridge at dawn," the commander said.', "captured"),
    ("Police fired tear gas to disperse the crowd.", "fired"),
])
def test_reported_events(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert _reason(nlp, text, word) is None


@pytest.mark.parametrize(("text", "imperative"), [
    ("Take up your weapons and drive them out.", True),
    ("Don't let them storm the capital.", True),
    ("Now, defend your villages.", True),
    ("Troops took the town on Monday.", False),
    ("Taliban fighters captured in Kunar", False),
])
def test_imperatives(nlp, text: str, imperative: bool) -> None:  # type: ignore[no-untyped-def]
    assert is_imperative(next(iter(nlp(text).sents))) is imperative
