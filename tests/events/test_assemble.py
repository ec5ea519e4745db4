"""Event assembly on hand-built documents: no spaCy, no other stage needed."""

from __future__ import annotations

import datetime as dt

from sitrep.events.assemble import EventAssembler
from sitrep.events.fields import summarise
from sitrep.model import (
    Actor,
    ActorMention,
    Article,
    DateMention,
    EventMention,
    Place,
    Quantity,
    QuantityMention,
    Toponym,
)
from sitrep.pipeline.document import Document


def make_doc(sentences: list[str], published: dt.date | None = dt.date(2020, 3, 10)) -> Document:
    text = " ".join(sentences)
    doc = Document(article=Article.from_text(text, published=published))
    at = 0
    for sentence in sentences:
        doc.sentences.append(doc.span(at, at + len(sentence)))
        at += len(sentence) + 1
    return doc


def span_of(doc: Document, words: str, after: int = 0):  # type: ignore[no-untyped-def]
    start = doc.text.index(words, after)
    return doc.span(start, start + len(words))


def mention(doc: Document, words: str, name: str, role: str | None, inter: int = 2, after: int = 0) -> ActorMention:
    span = span_of(doc, words, after)
    actor = Actor(name=name, inter=inter, known=True, spans=[span])
    return ActorMention(doc.sentence_index(span.start), span, actor, role)


def event(doc: Document, sent: int, code: str, score: float = 0.8) -> EventMention:
    return EventMention(sent, code, "", score)


def kunduz_doc() -> Document:
    doc = make_doc(["Taliban fighters attacked a checkpoint in Kunduz on Sunday.",
                    "The attackers killed five soldiers.",
                    "Elsewhere, police arrested two men in Herat."])
    doc.event_mentions = [event(doc, 0, "ARMED_CLASH"), event(doc, 1, "ATTACK", 0.6), event(doc, 2, "ARREST")]
    doc.actors = [mention(doc, "Taliban fighters", "Taliban", "agent"),
                  mention(doc, "attackers", "Taliban", "agent"),
                  mention(doc, "soldiers", "Military Forces of Afghanistan", "patient", inter=1),
                  mention(doc, "police", "Police Forces of Afghanistan", "agent", inter=1)]
    doc.dates = [DateMention(0, span_of(doc, "Sunday"), dt.date(2020, 3, 8), 1, "weekday")]
    kunduz = Place(name="Kunduz", country="Afghanistan", country_code="AF", geo_precision=1)
    doc.toponyms = [Toponym(0, span_of(doc, "Kunduz"), kunduz, 0.9),
                    Toponym(2, span_of(doc, "Herat"), Place(name="Herat", country_code="AF", geo_precision=1))]
    five = Quantity(kind="killed", value=5, about="Military Forces of Afghanistan", span=span_of(doc, "five soldiers"))
    doc.quantities = [QuantityMention(1, five)]
    return doc


def test_mentions_of_one_event_are_merged() -> None:
    events = EventAssembler().match(kunduz_doc())
    assert [e.sub_event_type for e in events] == ["Armed clash", "Arrests"]
    clash = events[0]
    assert clash.actor1 and clash.actor1.name == "Taliban"
    assert [s.text for s in clash.actor1.spans] == ["Taliban fighters", "attackers"]
    assert clash.actor2 and clash.actor2.name == "Military Forces of Afghanistan"
    assert clash.fatalities.best == 5 and clash.fatalities.reported[0].span.text == "five soldiers"
    assert clash.date == dt.date(2020, 3, 8) and clash.date_precision == 1
    assert clash.location and clash.location.name == "Kunduz"
    assert len(clash.evidence) == 2


def test_sequence_marker_and_place_keep_events_apart() -> None:
    events = EventAssembler().match(kunduz_doc())
    arrest = events[1]
    assert arrest.location and arrest.location.name == "Herat"
    assert arrest.actor1 and arrest.actor1.name == "Police Forces of Afghanistan"
    assert arrest.date == dt.date(2020, 3, 8)  # the nearest date told before it


def test_ids_are_stable_and_distinct() -> None:
    first = [e.id for e in EventAssembler().match(kunduz_doc())]
    assert first == [e.id for e in EventAssembler().match(kunduz_doc())]
    assert len(set(first)) == 2


def test_patient_from_casualty_figure_when_parse_gives_none() -> None:
    doc = make_doc(["The rebel fighters claim to have killed 40 of them."])
    doc.event_mentions = [event(doc, 0, "ARMED_CLASH")]
    doc.actors = [mention(doc, "The rebel fighters", "National Resistance Front", "agent")]
    figure = Quantity(kind="killed", value=40, about="Taliban", span=span_of(doc, "40 of them"))
    doc.quantities = [QuantityMention(0, figure)]
    doc.actors.append(mention(doc, "them", "Taliban", None))
    clash = EventAssembler().match(doc)[0]
    assert clash.actor1 and clash.actor1.name == "National Resistance Front"
    assert clash.actor2 and clash.actor2.name == "Taliban"
    assert clash.date == dt.date(2020, 3, 10) and clash.date_precision == 2  # publication date stands in


def test_non_acled_codes_make_no_event() -> None:
    doc = make_doc(["An earthquake struck the region."])
    doc.event_mentions = [event(doc, 0, "NATURAL_DISASTER")]
    assert EventAssembler().match(doc) == []


def test_generic_actor_gets_the_country_of_the_place_and_foreign_forces_are_external() -> None:
    doc = make_doc(["Gunmen attacked Russian troops near Bamako."])
    doc.event_mentions = [event(doc, 0, "ARMED_CLASH")]
    gunmen = mention(doc, "Gunmen", "Unidentified Armed Group", "agent", inter=3)
    troops = mention(doc, "Russian troops", "Military Forces of Russia", "patient", inter=1)
    troops.actor.country = "RU"
    doc.actors = [gunmen, troops]
    doc.toponyms = [Toponym(0, span_of(doc, "Bamako"), Place(name="Bamako", country_code="ML", geo_precision=2))]
    clash = EventAssembler().match(doc)[0]
    assert clash.actor1 and clash.actor1.name == "Unidentified Armed Group (Mali)"
    assert clash.actor2 and clash.actor2.inter == 8 and clash.actor2.type == "external forces"


def test_counts_add_groups_and_take_a_groups_full_toll() -> None:
    """Issue #9: one report's figures for one group are partial counts and updated tolls, so the largest is
    best (the lowest stays the low figure); the claims stage keeps ACLED's lowest-credible rule between
    parties (tests/claims)."""
    doc = make_doc(["x"])
    span = doc.span(0, 1)
    figures = [Quantity(kind="killed", value=10, about="A", span=span),
               Quantity(kind="killed", value=14, low=12, high=16, about="A", span=span),
               Quantity(kind="killed", value=3, about="B", span=span)]
    count = summarise(figures)
    assert (count.low, count.best, count.high) == (13, 17, 19)
    assert len(count.reported) == 3
    total = summarise([Quantity(kind="killed", value=20, span=span), *figures])
    assert total.best == 20


def test_protest_actors_follow_acled_order() -> None:
    doc = make_doc(["Police fired on protesters in Basra."])
    doc.actors = [mention(doc, "Police", "Police Forces of Iraq", "agent", inter=1),
                  mention(doc, "protesters", "Protesters (Iraq)", "patient", inter=6)]
    doc.event_mentions = [event(doc, 0, "FORCE_AGAINST_PROTEST")]
    forced = EventAssembler().match(doc)[0]
    assert forced.actor1 and forced.actor1.name == "Police Forces of Iraq"
    assert forced.actor2 and forced.actor2.name == "Protesters (Iraq)"
    doc.event_mentions = [event(doc, 0, "PROTEST_WITH_INTER")]
    dispersed = EventAssembler().match(doc)[0]
    assert dispersed.actor1 and dispersed.actor1.name == "Protesters (Iraq)"
    assert dispersed.actor2 and dispersed.actor2.name == "Police Forces of Iraq"


def test_place_names_inside_actor_names_and_foreign_homonyms_are_skipped() -> None:
    doc = make_doc(["Fighters of the Northern Alliance attacked Charikar.",
                    "They killed ten men near Rivet in Parwan."])
    doc.event_mentions = [event(doc, 1, "ARMED_CLASH")]
    doc.actors = [mention(doc, "Northern Alliance", "National Resistance Front", "agent")]
    af = {"country_code": "AF", "geo_precision": 1}
    doc.toponyms = [Toponym(0, span_of(doc, "Alliance"), Place(name="Alliance", country_code="US", geo_precision=1)),
                    Toponym(0, span_of(doc, "Charikar"), Place(name="Charikar", **af)),
                    Toponym(1, span_of(doc, "Rivet"), Place(name="Rivet", country_code="DZ", geo_precision=1)),
                    Toponym(1, span_of(doc, "Parwan"), Place(name="Parwan", country_code="AF", geo_precision=3)),
                    Toponym(1, span_of(doc, "Parwan"), Place(name="Parwan", country_code="AF", geo_precision=3))]
    clash = EventAssembler().match(doc)[0]
    assert clash.location and clash.location.name == "Parwan"


def test_back_reference_and_nearby_spellings_keep_one_event() -> None:
    doc = make_doc(["Suicide bombers struck a camp in Borno on Tuesday, killing 20 people.",
                    "The attack took place in the town of Mandara, near Maiduguri.",
                    "Fighters attacked Golweyn and the army fought back in Golwayn."])
    doc.event_mentions = [event(doc, 0, "SUIC_BOMB"), event(doc, 1, "ATTACK", 0.6)]
    doc.toponyms = [Toponym(0, span_of(doc, "Borno"), Place(name="Borno", feature="city", lat=11.8, lon=13.1)),
                    Toponym(1, span_of(doc, "Mandara"), Place(name="Mandara", feature="city", lat=11.5, lon=13.5))]
    events = EventAssembler().match(doc)
    assert len(events) == 1 and events[0].sub_event_type == "Suicide bomb" and len(events[0].evidence) == 2
    from sitrep.events.merge import _same_place

    assert _same_place(Place(name="Golweyn", lat=1.57, lon=44.38), Place(name="Golwayn", lat=1.60, lon=44.40))
    assert not _same_place(Place(name="Kabul", lat=34.5, lon=69.2), Place(name="Herat", lat=34.3, lon=62.2))


def test_marching_civilians_are_protesters() -> None:
    doc = make_doc(["Hundreds of students marched in Lahore."])
    students = mention(doc, "students", "Civilians (Pakistan)", "agent", inter=7)
    students.actor.country = "PK"
    doc.actors = [students]
    doc.event_mentions = [event(doc, 0, "PEACE_PROTEST")]
    protest = EventAssembler().match(doc)[0]
    assert protest.actor1 and protest.actor1.name == "Protesters (Pakistan)" and protest.actor1.inter == 6
    assert protest.actor1.spans[0].text == "students"


def test_unresolved_figure_takes_the_pronoun_mention() -> None:
    doc = make_doc(["The rebel fighters claim to have killed 40 of them."])
    doc.event_mentions = [event(doc, 0, "ARMED_CLASH")]
    doc.actors = [mention(doc, "The rebel fighters", "National Resistance Front", "agent"),
                  mention(doc, "them", "Taliban", None)]
    figure = Quantity(kind="killed", value=40, about="?unresolved", span=span_of(doc, "40 of them"))
    doc.quantities = [QuantityMention(0, figure)]
    clash = EventAssembler().match(doc)[0]
    assert clash.actor2 and clash.actor2.name == "Taliban"


def test_battle_between_two_subjects() -> None:
    doc = make_doc(["Hezbollah and Jabhat al-Nusra fought near Arsal."])
    doc.actors = [mention(doc, "Hezbollah", "Hezbollah", "agent", inter=3),
                  mention(doc, "Jabhat al-Nusra", "Jabhat al-Nusra", "agent")]
    doc.event_mentions = [event(doc, 0, "ARMED_CLASH")]
    clash = EventAssembler().match(doc)[0]
    assert clash.actor1 and clash.actor1.name == "Hezbollah"
    assert clash.actor2 and clash.actor2.name == "Jabhat al-Nusra" and clash.assoc_actors == []


def test_dateline_place_is_where_the_report_was_filed_not_the_event_site() -> None:
    from sitrep.events.fields import dateline_end

    text = "MOGADISHU, Somalia - Militants attacked a base in the Middle Shabelle region on Friday."
    assert text[:dateline_end(text)].startswith("MOGADISHU, Somalia -")
    release = "2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nA force detained two insurgents."
    assert "KABUL" in release[:dateline_end(release)]
    assert dateline_end("Militants attacked a base in Somalia on Friday, officials said.") == 0


def test_unnamed_civilians_take_the_event_country_unless_their_words_name_one() -> None:
    from sitrep.actors.resolve import names_country
    from sitrep.events.actors import _finish
    from sitrep.model import Actor, Place, make_span

    text = "Russian jets killed seven civilians and three Afghan civilians in Idlib."
    place = Place(name="Idlib", country="Syria", country_code="SY")
    plain = Actor(name="Civilians (Russia)", type="civilians", inter=7, country="RU", known=True,
                  spans=[make_span(text, 25, 34)])
    named = Actor(name="Civilians (Afghanistan)", type="civilians", inter=7, country="AF", known=True,
                  spans=[make_span(text, 45, 60)])
    assert not names_country(plain) and names_country(named)
    assert _finish(plain, place, None).name == "Civilians (Syria)"
    assert _finish(named, place, None).name == "Civilians (Afghanistan)"


def test_bare_police_take_the_event_country_soldiers_do_not() -> None:
    from sitrep.events.actors import _finish
    from sitrep.model import Actor, Place, make_span

    text = "Police beat the marchers. Soldiers shelled the town."
    place = Place(name="Nairobi", country="Kenya", country_code="KE")
    police = Actor(name="Police Forces of Somalia", type="state forces", inter=1, country="SO", known=True,
                   spans=[make_span(text, 0, 6)])
    soldiers = Actor(name="Military Forces of Somalia", type="state forces", inter=1, country="SO", known=True,
                     spans=[make_span(text, 26, 34)])
    assert _finish(police, place, None).name == "Police Forces of Kenya"
    assert _finish(soldiers, place, None).inter == 8  # an army abroad stays itself, as external forces


def test_a_confident_place_abroad_is_kept_in_a_story_about_another_country() -> None:
    doc = make_doc(["Jets struck Aleppo.", "Shells hit Homs.", "Police dispersed a march in Nairobi."])
    doc.event_mentions = [event(doc, 2, "PROTEST_WITH_INTER")]
    sy = {"country_code": "SY", "geo_precision": 1}
    nairobi = Toponym(2, span_of(doc, "Nairobi"), Place(name="Nairobi", country_code="KE", geo_precision=1),
                      score=0.9, role="event_site", source="ner")
    doc.toponyms = [Toponym(0, span_of(doc, "Aleppo"), Place(name="Aleppo", **sy)),
                    Toponym(1, span_of(doc, "Homs"), Place(name="Homs", **sy)), nairobi]
    protest = EventAssembler().match(doc)[0]
    assert protest.location and protest.location.name == "Nairobi"


def test_a_denial_never_types_the_incident_it_is_about() -> None:
    from sitrep.events.merge import Cluster
    from sitrep.model import EventMention

    cluster = Cluster()
    cluster.add(EventMention(0, "ARMED_CLASH", "Battles", 0.94))
    cluster.add(EventMention(1, "ATTRIB", "Non-ACLED", 0.97))  # "The RSF denied the figure, ..."
    assert cluster.primary.sub_event_type == "ARMED_CLASH"


def test_a_riot_without_a_crowd_is_a_clash_or_an_attack() -> None:
    from sitrep.events.actors import EventActors, riot_without_crowd
    from sitrep.model import Actor

    army = Actor(name="Military Forces of Chad", inter=1)
    rebels = Actor(name="UFDD", inter=2)
    civilians = Actor(name="Civilians (Chad)", inter=7)
    rioters = Actor(name="Rioters (Chad)", inter=5)
    assert riot_without_crowd(EventActors(army, rebels)) == "ARMED_CLASH"
    assert riot_without_crowd(EventActors(rebels, civilians)) == "ATTACK"
    assert riot_without_crowd(EventActors(rioters, army)) is None
    assert riot_without_crowd(EventActors(army, rebels, [rioters])) is None
    assert riot_without_crowd(EventActors(army, rioters)) is None
    assert riot_without_crowd(EventActors(army, None)) is None


def test_a_bare_claim_after_a_blast_names_its_perpetrator() -> None:
    def blast(second: str, trigger: str) -> Document:
        doc = make_doc(["A roadside bomb killed three soldiers near Dolow on Sunday.", second])
        claim = EventMention(1, "ATTRIB", "Non-ACLED", 0.9, trigger=span_of(doc, trigger))
        doc.event_mentions = [EventMention(0, "REM_EXPLOS", "Explosions/Remote violence", 0.9,
                                           trigger=span_of(doc, "bomb")), claim]
        doc.actors = [mention(doc, "soldiers", "Military Forces of Somalia", "patient", inter=1),
                      mention(doc, "Al Shabaab", "Al Shabaab", None)]
        return doc

    claimed = EventAssembler()(blast("Al Shabaab claimed responsibility.", "claimed responsibility")).events
    assert len(claimed) == 1 and claimed[0].actor1 is not None and claimed[0].actor1.name == "Al Shabaab"
    # A denial names no perpetrator, and neither sentence alone makes a second event.
    denied = EventAssembler()(blast("Al Shabaab denied responsibility.", "denied")).events
    assert len(denied) == 1 and (denied[0].actor1 is None or denied[0].actor1.name != "Al Shabaab")
