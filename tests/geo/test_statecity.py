"""Admin1 points from the countries-states-cities database (read from the installed package)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitrep.geo import gazetteer as store
from sitrep.geo.countries import _country_point
from sitrep.geo.sources import insert
from sitrep.geo.statecity import country_points, place_admin1, state_points


def _unit(conn: sqlite3.Connection, name: str, country: str, code: str, iso: str | None) -> int:
    place = insert(conn, gid=f"test:{code}", name=name, feature="admin1", country_code=country, admin1_code=code,
                   iso_code=iso, lat=0.0, lon=0.0, approx=1, source="test")
    store.add_names(conn, place, set(), name)
    return place


def test_units_take_the_database_points(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "g.sqlite")
    store.create(conn)
    ontario = _unit(conn, "Ontario", "CA", "CA.08", "CA-ON")  # matched by ISO 3166-2 code
    queensland = _unit(conn, "Queensland", "AU", "AU.04", None)  # matched by its name within the country
    new_york = _unit(conn, "New York", "US", "US.NY", "US-NY")
    nowhere = _unit(conn, "Nowhereland", "AU", "AU.99", None)
    # The database's point for New York State is New York City's: a large town's point is no unit centre.
    insert(conn, gid="test:nyc", name="New York City", feature="city", country_code="US", admin1_code="US.NY",
           population=8_000_000, lat=40.71, lon=-74.01, source="test")
    store.index(conn)
    assert place_admin1(conn) == 2
    points = {row[0]: (row[1], row[2], row[3]) for row in conn.execute("SELECT id, lat, lon, source FROM places")}
    assert round(points[ontario][0]) == 50 and round(points[ontario][1]) == -86
    assert "countrystatecity" in points[ontario][2]
    assert round(points[queensland][0]) == -22 and round(points[queensland][1]) == 145
    assert points[new_york][:2] == (0.0, 0.0) and points[nowhere][:2] == (0.0, 0.0)


def test_package_data_is_read() -> None:
    assert len(state_points()) > 5000
    assert country_points()["AF"] == (33.0, 65.0)


def test_archipelago_keeps_its_conventional_point() -> None:
    # Three islands of equal size: no mainland, so the conventional point stands.
    square = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]
    islands = [[[[x + shift, y] for x, y in square]] for shift in (0.0, 10.0, 20.0)]
    geojson = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": islands}}]}
    assert _country_point({"latlng": [5.0, 5.0], "geoJSON": geojson}) == [5.0, 5.0]
    # A mainland with an island off its coast and a far-off territory: midway between the conventional
    # point and the centroid of the mainland with its coastal island.
    big = [[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0]]
    coastal = [[x + 4.5, y + 1.5] for x, y in square]
    far = [[x + 40.0, y + 40.0] for x, y in square]
    geojson = {"features": [{"geometry": {"type": "MultiPolygon",
                                          "coordinates": [[big], [coastal], [far]]}}]}
    lat, lon = _country_point({"latlng": [4.0, 4.0], "geoJSON": geojson})
    assert lat is not None and lon is not None
    assert abs(lat - 3.0) < 0.01 and 3.05 < lon < 3.2  # the coastal island counts, the far one not
    assert _country_point({}, (33.0, 65.0)) == [33.0, 65.0]


def test_older_gazetteers_are_removed(tmp_path: Path) -> None:
    from sitrep.geo.build import remove_older

    current = tmp_path / store.FILE_NAME
    old = tmp_path / "gazetteer-v1.sqlite"
    other = tmp_path / "notes.txt"
    for path in (current, old, other):
        path.write_text("x", encoding="utf-8")
    remove_older(current)
    assert current.exists() and other.exists() and not old.exists()
    custom = tmp_path / "mine.sqlite"
    old.write_text("x", encoding="utf-8")
    remove_older(custom)  # a gazetteer set by the user elsewhere leaves its folder alone
    assert old.exists()


def test_reference_points_are_whole_rows() -> None:
    from sitrep.geo.countries import REFERENCE_POINTS
    from sitrep.resources import read_table

    rows = read_table(REFERENCE_POINTS)
    assert rows and all(len(row["iso"]) == 2 and row["source"] for row in rows)
    assert all(-90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180 for row in rows)
