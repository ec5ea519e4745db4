"""World regions, former country names, sibling admin1 units, proposals kept (invented examples)."""

from __future__ import annotations

from sitrep.geo.candidates import Candidate
from sitrep.geo.context import Context, name_context
from sitrep.geo.countries import _mainland_centre, former_names
from sitrep.geo.gazetteer import Entry, Hit
from sitrep.geo.recognise import Mention
from sitrep.geo.regions import _point, _vector, short_name
from sitrep.geo.resolve import Resolution, Resolver


def test_short_names_of_regions() -> None:
    assert short_name("Western Africa") == "West Africa"
    assert short_name("Middle Africa") == "Central Africa"
    assert short_name("Polynesia") is None


def test_region_centre_stays_whole_across_the_antimeridian() -> None:
    vectors = [_vector(-15.0, 175.0, 1.0), _vector(-15.0, -175.0, 1.0)]
    lat, lon = _point(tuple(sum(v[i] for v in vectors) for i in range(3)))  # type: ignore[arg-type]
    assert abs(abs(lon) - 180.0) < 1e-6 and -15.5 < lat < -14.5


def test_former_names_go_to_their_one_successor() -> None:
    # name, alpha2, alpha3, geonameid, official, -, aliases, numeric, flag, ISO 3166-3, regions, groupings
    rows = [["Ruritania, Kingdom of", "RT", "RTA", "", "", "", "Old Ruritania", "", "", "RTZZ|1990|", "", ""],
            ["Split Union", "SQ", "SQU", "", "", "", "", "", "", "SQHH|1991|split up", "", ""],
            ["Zembla", "ZZ", "ZMB", "1", "", "", "", "", "", "", "", ""]]
    assert former_names(rows) == {"ZZ": ["Old Ruritania", "Ruritania"]}


def test_mainland_cut_at_the_antimeridian() -> None:
    def square(lon0: float, lon1: float) -> list[list[float]]:
        return [[lon0, -18.0], [lon1, -18.0], [lon1, -17.0], [lon0, -17.0]]

    geojson = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [
        [square(177.0, 180.0)], [square(-180.0, -179.5)]]}}]}
    centre = _mainland_centre(geojson)
    assert centre is not None and centre[1] > 178.0


def _unit(place: int, admin1: str) -> Entry:
    return Entry(id=place, gid=f"test:{place}", name=admin1, feature="admin1", country_code=admin1[:2],
                 admin1_code=admin1, admin2_code=None, iso_code=None, population=1_000_000,
                 lat=0.0, lon=0.0, approx=False)


def test_other_units_of_a_country_support_a_unit_reading() -> None:
    names = [name_context("ruritania east", _unit(1, "RT.E"), []), name_context("ruritania west", _unit(2, "RT.W"), [])]
    context = Context(names)
    unit = _unit(3, "RT.N")
    assert context.support(unit, "north", siblings=True).local > context.support(unit, "north").local
    assert context.support(_unit(4, "ZZ.N"), "north", siblings=True).local == 0.0


def _proposal(entry: Entry, kind: int, named_place: bool = False) -> Resolution:
    cand = Candidate(Hit(entry, kind, entry.name.lower()))
    return Resolution(Mention(0, len(entry.name), entry.name, "gazetteer"), [cand], cand, named_place=named_place)


def _place(feature: str, population: int) -> Entry:
    return Entry(id=9, gid="test:9", name="Zenda", feature=feature, country_code="RT", admin1_code="RT.E",
                 admin2_code="RT.E.1", iso_code=None, population=population, lat=0.0, lon=0.0, approx=False)


def test_a_proposal_the_ner_calls_a_place_elsewhere_is_kept() -> None:
    town = _place("city", 5_000)
    assert not Resolver._accept_proposal(_proposal(town, 1))
    assert Resolver._accept_proposal(_proposal(town, 1, named_place=True))


def test_a_populous_district_by_its_own_name_is_kept() -> None:
    assert Resolver._accept_proposal(_proposal(_place("admin2", 500_000), 0))
    assert not Resolver._accept_proposal(_proposal(_place("admin2", 5_000), 0))


def test_supplement_rows_state_their_provenance() -> None:
    import re

    from sitrep.resources import read_table

    for row in read_table("geo/supplement.tsv"):
        lat, lon = float(row["lat"]), float(row["lon"])
        assert row["provenance"] and -90 <= lat <= 90 and -180 <= lon <= 180, row["name"]
        extent = re.search(r"latitude (\S+) to (\S+), longitude (\S+) to (\S+?)[ ;]", row["provenance"])
        if extent:  # a point given as the centre of an extent is that centre
            south, north, west, east = map(float, extent.groups())
            assert abs(lat - (south + north) / 2) < 0.01, row["name"]
            if west <= east:
                assert abs(lon - (west + east) / 2) < 0.01, row["name"]


def test_a_great_namesake_city_goes_before_its_province() -> None:
    from sitrep.geo.candidates import _towns_before_their_units

    def cand(feature: str, population: int, prior: float) -> Candidate:
        entry = Entry(id=population, gid=f"test:{population}", name="Zenda", feature=feature, country_code="RT",
                      admin1_code="RT.Z", admin2_code=None, iso_code=None, population=population,
                      lat=0.0, lon=0.0, approx=False)
        return Candidate(Hit(entry, 0, "zenda"), prior=prior)

    province, city, town = cand("admin1", 30_000_000, 7.5), cand("city", 12_000_000, 4.3), cand("city", 50_000, 2.8)
    _towns_before_their_units([province, city])
    assert city.prior > province.prior
    _towns_before_their_units([province, town])
    assert town.prior < province.prior


def test_a_qualified_part_of_a_foreign_unit_needs_its_country() -> None:
    from sitrep.geo.resolve import _part_of_a_unit

    unit = Entry(id=5, gid="test:5", name="Zenda", feature="admin1", country_code="RT", admin1_code="RT.Z",
                 admin2_code=None, iso_code=None, population=1_000_000, lat=0.0, lon=0.0, approx=False)

    def reading(text: str, matched: str) -> Resolution:
        cand = Candidate(Hit(unit, 1 if matched != text.lower() else 0, matched))
        return Resolution(Mention(0, len(text), text, "ner"), [cand], cand)

    assert _part_of_a_unit(reading("Central Zenda", "zenda"))
    assert _part_of_a_unit(reading("Western", "western"))
    assert not _part_of_a_unit(reading("Zenda", "zenda"))


def test_a_town_goes_before_a_smaller_namesake_unit() -> None:
    from sitrep.geo.candidates import _towns_before_smaller_units

    def cand(feature: str, population: int, prior: float, country: str) -> Candidate:
        entry = Entry(id=population, gid=f"test:{population}", name="Zenda", feature=feature, country_code=country,
                      admin1_code=f"{country}.Z", admin2_code=None, iso_code=None, population=population,
                      lat=0.0, lon=0.0, approx=False)
        return Candidate(Hit(entry, 0, "zenda"), prior=prior)

    parish, town, village = cand("admin1", 80_000, 5.9, "RT"), cand("city", 600_000, 3.5, "ZZ"), cand("city", 900, 1.8, "ZZ")
    _towns_before_smaller_units([parish, town, village])
    assert town.prior > parish.prior and village.prior < parish.prior


def test_former_states_name_current_countries_with_a_basis() -> None:
    import pycountry

    from sitrep.resources import read_table

    for row in read_table("geo/former_states.tsv"):
        assert pycountry.countries.get(alpha_2=row["iso"]) is not None and row["basis"] and row["aliases"]
