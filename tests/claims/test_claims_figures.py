"""Best fatality figures and conflicts, grouped by whom each figure counts (hand-built events)."""

from __future__ import annotations

from sitrep.claims.assess import ClaimAssessor
from sitrep.claims.party import same_actor, same_side
from sitrep.model import Actor, Article, Attribution, Count, Event, Flag, Quantity, make_span
from sitrep.pipeline.document import Document

TEXT = ("The rebels claim to have killed 60 soldiers. The army said it killed 17 rebels. "
        "A hospital official said 25 soldiers died.")
ARMY = "Military Forces of Somalia"
REBELS = "al-Shabaab"


def span(words: str):  # type: ignore[no-untyped-def]
    start = TEXT.index(words)
    return make_span(TEXT, start, start + len(words))


REBEL_CLAIM = Attribution(content=span("to have killed 60 soldiers"), stance="claimed", source=span("The rebels"),
                          cue=span("claim"), claimant=REBELS, commitment=0.5)
ARMY_CLAIM = Attribution(content=span("it killed 17 rebels"), stance="claimed", source=span("The army"),
                         cue=span("said"), claimant=ARMY, commitment=0.7)
HOSPITAL = Attribution(content=span("25 soldiers died"), stance="claimed", source=span("A hospital official"),
                       cue=span("said"), claimant="hospital official", commitment=0.7)
SOLDIERS_60 = Quantity(kind="killed", value=60, about=ARMY, span=span("60 soldiers"))
REBELS_17 = Quantity(kind="killed", value=17, about="Unidentified Armed Group (Somalia)", span=span("17 rebels"))
SOLDIERS_25 = Quantity(kind="killed", value=25, about="Somali National Army", span=span("25 soldiers"))


def assessed(figures: list[Quantity], attributions: list[Attribution]) -> Event:
    doc = Document(article=Article.from_text(TEXT, outlet="Daily Example"))
    doc.sentences = [span("The rebels claim to have killed 60 soldiers."), span("The army said it killed 17 rebels."),
                     span("A hospital official said 25 soldiers died.")]
    doc.attributions = attributions
    doc.events = [Event(id="e1", article_ids=[doc.article.id], event_type="Battles", sub_event_type="Armed clash",
                        actor1=Actor(name=REBELS), actor2=Actor(name=ARMY),
                        assoc_actors=[Actor(name="Unidentified Armed Group (Somalia)")],
                        fatalities=Count(reported=figures), evidence=doc.sentences)]
    (event,) = ClaimAssessor().match(doc)
    return event


def flags(event: Event, code: str) -> list[Flag]:
    return [f for f in event.flags if f.code == code]


def test_country_words_do_not_make_one_actor() -> None:
    assert not same_actor(ARMY, "Unidentified Armed Group (Somalia)")
    assert not same_actor(ARMY, "Civilians (Somalia)")
    assert same_actor(ARMY, "Somali National Army")  # an alias
    assert same_side(ARMY, "Police Forces of Somalia")  # the state's forces are one side
    assert not same_side(ARMY, "Military Forces of Kenya")


def test_figures_about_different_groups_add_up_and_do_not_conflict() -> None:
    event = assessed([SOLDIERS_60, REBELS_17], [REBEL_CLAIM, ARMY_CLAIM])
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (77, 77, 77)
    assert not flags(event, "contested")
    enemy = flags(event, "party_claim_on_enemy")
    assert enemy and "every figure for Military Forces of Somalia is a party's claim" in enemy[0].reason
    assert "lowest (17)" in enemy[0].reason


def test_same_group_two_claimants_is_contested_and_the_lowest_is_best() -> None:
    army_says = Attribution(content=span("it killed 17 rebels"), stance="claimed", source=span("The army"),
                            cue=span("said"), claimant=ARMY)
    own_losses = REBELS_17.model_copy(update={"about": "Somali troops"})  # the army on its own losses
    event = assessed([SOLDIERS_60, own_losses], [REBEL_CLAIM, army_says])
    assert event.fatalities.best == 17 and event.fatalities.low == 17 and event.fatalities.high == 60
    (contested,) = flags(event, "contested")
    assert "60 (al-Shabaab)" in contested.reason and "17 (Military Forces of Somalia)" in contested.reason
    (enemy,) = flags(event, "party_claim_on_enemy")
    assert "not taken as best" in enemy.reason


def test_party_claim_set_aside_for_an_independent_figure() -> None:
    event = assessed([SOLDIERS_60, SOLDIERS_25], [REBEL_CLAIM, HOSPITAL])
    assert event.fatalities.best == 25 and event.fatalities.high == 60
    (enemy,) = flags(event, "party_claim_on_enemy")
    assert "60" in enemy.reason and "not taken as best while an independent figure exists" in enemy.reason
    assert flags(event, "contested")  # a party's 60 against an independent 25 for the same group


def test_independent_figure_higher_than_the_party_claim_still_wins() -> None:
    higher = SOLDIERS_25.model_copy(update={"value": 90})
    assert assessed([SOLDIERS_60, higher], [REBEL_CLAIM, HOSPITAL]).fatalities.best == 90


def test_an_unnamed_total_is_a_floor_for_the_groups() -> None:
    total = Quantity(kind="killed", value=100, span=span("A hospital official"))
    event = assessed([SOLDIERS_60, REBELS_17, total], [REBEL_CLAIM, ARMY_CLAIM])
    assert event.fatalities.best == 100
    assert len(event.fatalities.reported) == 3  # nothing dropped


def test_a_denied_figure_does_not_count_toward_best() -> None:
    text = "The rebels said they killed 61 soldiers. The rebels denied that 17 of their fighters were killed."

    def at(words: str):  # type: ignore[no-untyped-def]
        start = text.index(words)
        return make_span(text, start, start + len(words))

    boast = Attribution(content=at("they killed 61 soldiers"), stance="claimed", source=at("The rebels"),
                        cue=at("said"), claimant=REBELS, commitment=0.5)
    second = text.index("The rebels denied")
    denial = Attribution(content=at("17 of their fighters were killed"), stance="denied",
                         source=make_span(text, second, second + len("The rebels")), cue=at("denied"),
                         claimant=REBELS, commitment=0.2)
    doc = Document(article=Article.from_text(text, outlet="Daily Example"))
    doc.sentences = [at("The rebels said they killed 61 soldiers."),
                     at("The rebels denied that 17 of their fighters were killed.")]
    doc.attributions = [boast, denial]
    figures = [Quantity(kind="killed", value=61, about=ARMY, span=at("61 soldiers")),
               Quantity(kind="killed", value=17, about=REBELS, span=at("17 of their fighters"))]
    doc.events = [Event(id="e1", article_ids=[doc.article.id], event_type="Battles", sub_event_type="Armed clash",
                        actor1=Actor(name=REBELS), actor2=Actor(name=ARMY), fatalities=Count(reported=figures),
                        evidence=doc.sentences)]
    (event,) = ClaimAssessor().match(doc)
    assert [c.stance for c in event.claims if c.fact == "fatalities"] == ["claimed", "denied"]
    # 61 + 17 = 78 would add a figure its own party denies; the high figure still shows it.
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (61, 61, 78)


def test_a_partys_figure_on_its_enemy_that_the_enemy_denies_is_not_counted() -> None:
    text = "The rebels said they killed 61 soldiers. The army denied the claim, saying it killed 17 rebels."

    def at(words: str):  # type: ignore[no-untyped-def]
        start = text.index(words)
        return make_span(text, start, start + len(words))

    boast = Attribution(content=at("they killed 61 soldiers"), stance="claimed", source=at("The rebels"),
                        cue=at("said"), claimant=REBELS, commitment=0.5)
    denial = Attribution(content=at("the claim"), stance="denied", source=at("The army"), cue=at("denied"),
                         claimant=ARMY, commitment=0.2)
    answer = Attribution(content=at("it killed 17 rebels"), stance="claimed", source=at("The army"),
                         cue=at("saying"), claimant=ARMY, commitment=0.5)
    doc = Document(article=Article.from_text(text, outlet="Daily Example"))
    doc.sentences = [at("The rebels said they killed 61 soldiers."),
                     at("The army denied the claim, saying it killed 17 rebels.")]
    doc.attributions = [boast, denial, answer]
    figures = [Quantity(kind="killed", value=61, about=ARMY, span=at("61 soldiers")),
               Quantity(kind="killed", value=17, about=REBELS, span=at("17 rebels"))]
    doc.events = [Event(id="e1", article_ids=[doc.article.id], event_type="Battles", sub_event_type="Armed clash",
                        actor1=Actor(name=REBELS), actor2=Actor(name=ARMY), fatalities=Count(reported=figures),
                        evidence=doc.sentences)]
    (event,) = ClaimAssessor().match(doc)
    # The army's own losses rest on its enemy's word, which it denies: only the 17 counts; 78 stays the high.
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (17, 17, 78)
    assert any("denies it" in f.reason for f in flags(event, "party_claim_on_enemy"))


def test_a_bare_plural_is_no_count() -> None:
    from sitrep.claims.figures import is_bare, without_bare

    text = "Police said the kidnappers were captured and several hostages were freed; 4 guards died."
    bare = Quantity(kind="captured", value=3, low=2, vague=True, span=make_span(text, 12, 26))
    several = Quantity(kind="captured", value=3, low=3, vague=True, span=make_span(text, 45, 61))
    four = Quantity(kind="killed", value=4, span=make_span(text, 74, 82))
    assert (bare.span.text, several.span.text, four.span.text) == ("the kidnappers", "several hostages", "4 guards")
    assert is_bare(bare) and not is_bare(several) and not is_bare(four)
    assert without_bare(Count(low=2, best=3, high=3, reported=[bare])).best is None
    assert without_bare(Count(low=3, best=3, high=3, reported=[bare, several])).best == 3


def test_a_bare_plural_adds_nothing_to_the_fatalities() -> None:
    words = "60 soldiers"
    bare = Quantity(kind="killed", value=3, low=2, vague=True, about=ARMY, span=span("soldiers"))
    event = assessed([bare], [])
    assert event.fatalities.best is None and event.fatalities.reported == [bare]
    event = assessed([bare, Quantity(kind="killed", value=60, about=ARMY, span=span(words))], [])
    assert event.fatalities.best == 60
