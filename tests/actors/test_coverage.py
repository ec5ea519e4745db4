"""The actor dictionary covers the conflicts sitrep is built for with real actor sets, not a handful each.

Counts are rows of data/actors/actors.tsv by their country column. Ukraine and Russia count together (one
war); the Sahel is Mali, Burkina Faso and Niger together plus the Sahel's transnational jihadist groups.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sitrep.actors.dictionary import ACTOR_TYPES, actor_entries, entries_by_name

MINIMUM = 30
CONFLICTS: dict[str, frozenset[str]] = {
    "Afghanistan": frozenset({"AF"}),
    "Syria": frozenset({"SY"}),
    "Iraq": frozenset({"IQ"}),
    "Yemen": frozenset({"YE"}),
    "Ukraine/Russia": frozenset({"UA", "RU"}),
    "Sahel": frozenset({"ML", "BF", "NE"}),
    "Somalia": frozenset({"SO"}),
    "Nigeria": frozenset({"NG"}),
    "Myanmar": frozenset({"MM"}),
}
# Groups of the Sahel war whose home country column is another country or none.
SAHEL_TRANSNATIONAL = frozenset({"al-Qaeda in the Islamic Maghreb"})


def rows_per_conflict() -> dict[str, int]:
    per_country = Counter(e.country for e in actor_entries())
    counts = {conflict: sum(per_country[c] for c in isos) for conflict, isos in CONFLICTS.items()}
    counts["Sahel"] += sum(1 for e in actor_entries() if e.name in SAHEL_TRANSNATIONAL)
    return counts


def test_every_required_conflict_has_dozens_of_actors() -> None:
    counts = rows_per_conflict()
    short = {conflict: n for conflict, n in counts.items() if n < MINIMUM}
    assert not short, f"fewer than {MINIMUM} actors: {short}"


def test_each_conflict_has_state_and_non_state_actors() -> None:
    for conflict, isos in CONFLICTS.items():
        inters = {e.inter for e in actor_entries() if e.country in isos}
        assert 1 in inters and inters & {2, 3, 4}, conflict


def test_types_and_inter_codes_agree() -> None:
    for entry in actor_entries():
        assert ACTOR_TYPES[entry.inter] == entry.type, entry.name


def test_every_row_cites_its_source() -> None:
    from sitrep.resources import read_table

    for row in read_table("actors/actors.tsv"):
        assert row["source"].strip(), row["name"]


def test_new_actors_have_the_expected_types() -> None:
    expected = {
        "Hazara Ethnic Militia (Afghanistan)": 4,
        "Operation Enduring Freedom": 8,
        "Sultan Murad Division": 2,
        "Police Forces of Syria (2024-)": 1,
        "Kata'ib al-Imam Ali": 3,
        "Tishreen Movement": 6,
        "Hashid Tribal Militia (Yemen)": 4,
        "Police Forces of Yemen (Houthi)": 1,
        "Military Forces of Somalia (2004-2012)": 1,
        "Murusade Clan Militia": 4,
        "Irigwe Ethnic Militia (Nigeria)": 4,
        "EndSARS Movement": 6,
        "Kawthoolei Army": 2,
        "National League for Democracy": 6,
        "Da Vinci Wolves": 1,
        "Anti-Corruption Foundation": 6,
        "Movement for Oneness and Jihad in West Africa": 2,
        "Police Forces of Niger": 1,
    }
    for name, inter in expected.items():
        assert entries_by_name()[name].inter == inter, name


def test_successive_governments_do_not_overlap() -> None:
    """Somalia's transitional government handed over to the federal government in August 2012."""
    tfg = entries_by_name()["Military Forces of Somalia (2004-2012)"].period
    fgs = entries_by_name()["Military Forces of Somalia"].period
    assert tfg.contains(dt.date(2009, 5, 1)) and not fgs.contains(dt.date(2009, 5, 1))
    assert fgs.contains(dt.date(2012, 9, 1)) and not tfg.contains(dt.date(2012, 9, 1))
