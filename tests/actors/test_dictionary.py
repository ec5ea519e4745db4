import datetime as dt
from collections import Counter

from sitrep.actors.dictionary import (
    actor_entries,
    entries_by_name,
    generic_entries,
    generic_name,
    is_acronym,
    is_weak,
    joint_phrases,
    parse_period,
    variants,
)


def test_every_row_is_well_formed() -> None:
    names = [e.name for e in actor_entries()]
    assert len(names) == len(set(names)), "canonical names are unique"
    for entry in actor_entries():
        assert 1 <= entry.inter <= 8 and entry.type and entry.aliases
    for joint in joint_phrases():
        assert all(name in entries_by_name() for name in joint.actors)


def test_required_conflicts_are_covered() -> None:
    per_country = Counter(e.country for e in actor_entries())
    for iso in ("AF", "SY", "IQ", "YE", "UA", "ML", "SO", "NG", "MM"):
        assert per_country[iso] >= 5, iso
    assert "Military Forces of Russia" in entries_by_name()
    assert "National Resistance Front" in entries_by_name()


def test_periods_are_month_precise() -> None:
    period = parse_period("2002-2021-08")
    assert period.contains(dt.date(2021, 8, 14)) and not period.contains(dt.date(2021, 9, 4))
    assert parse_period("2021-08-").contains(dt.date(2030, 1, 1))
    assert not parse_period("2021-08-").contains(dt.date(2021, 7, 31))
    assert parse_period("").contains(dt.date(1900, 1, 1))


def test_spelling_variants_and_case_rules() -> None:
    assert "People's Defense Force" in variants("People's Defence Force")
    assert "al Shabaab" in variants("al-Shabaab")
    assert is_acronym("PDF") and is_acronym("IS-K") and not is_acronym("Taliban")
    assert is_weak("resistance forces") and not is_weak("Afghan forces")


def test_generic_names_follow_acled_conventions() -> None:
    police = next(g for g in generic_entries() if g.template.startswith("Police"))
    assert generic_name(police, "NG") == "Police Forces of Nigeria"
    assert generic_name(police, None) == "Police Forces"
    armed = next(g for g in generic_entries() if g.template.startswith("Unidentified"))
    assert generic_name(armed, "ML") == "Unidentified Armed Group (Mali)"


def test_undated_articles_take_their_era_from_dated_actors() -> None:
    from sitrep.actors.resolve import infer_era

    isaf = entries_by_name()["International Security Assistance Force"]
    day = infer_era([isaf])
    assert day is not None and 2001 <= day.year <= 2014
    assert infer_era([entries_by_name()["Taliban"]]) is None  # open-ended periods say nothing


def test_generic_forces_take_the_dictionary_name_of_their_country() -> None:
    from sitrep.actors.resolve import generic_actor
    from sitrep.model import Span

    army = next(g for g in generic_entries() if g.template.startswith("Military"))
    span = Span(start=0, end=4, text="army")
    assert generic_actor(army, "GB", span).name == "Military Forces of the United Kingdom"
    assert generic_actor(army, "AF", span, dt.date(2012, 1, 1)).name == "Military Forces of Afghanistan (2004-2021)"
    assert generic_actor(army, "AF", span, dt.date(2023, 1, 1)).name == "Military Forces of Afghanistan (2021-)"


def test_shared_aliases_never_tie_within_one_country_and_period() -> None:
    """Two rows sharing an alias must differ by country or by active period, or the choice is arbitrary.
    (Wagner and the Africa Corps that replaced it did overlap: 'Russian mercenaries' is ambiguous.)"""
    from collections import defaultdict

    def overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
        return (a.start or (0, 0)) <= (b.end or (9999, 12)) and (b.start or (0, 0)) <= (a.end or (9999, 12))

    allowed = {frozenset({"Wagner Group", "Africa Corps"})}
    rows = defaultdict(dict)
    for entry in actor_entries():
        for alias in entry.aliases:
            rows[alias.lower()][entry.name] = entry
    for alias, named in rows.items():
        entries = list(named.values())
        for i, a in enumerate(entries):
            for b in entries[i + 1:]:
                if a.country == b.country and overlap(a.period, b.period):
                    assert frozenset({a.name, b.name}) in allowed, alias
