"""The outlet's home town from the table of outlets (data/geo/outlet_homes.tsv) and what it decides."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, geocoded

# Namesake towns in several states (ids made up; GeoNames dump format, see conftest.PLACES).
TOWNS = [
    ("9200001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9200002", "Kentucky", "Kentucky", "", "37.5", "-85.3", "A", "ADM1", "US", "", "KY", "", "4500000"),
    ("9200003", "Mississippi", "Mississippi", "", "32.7", "-89.7", "A", "ADM1", "US", "", "MS", "", "3000000"),
    ("9200004", "New Jersey", "New Jersey", "", "40.2", "-74.7", "A", "ADM1", "US", "", "NJ", "", "9000000"),
    ("9200005", "Louisville", "Louisville", "", "38.25", "-85.76", "P", "PPLA2", "US", "", "KY", "111", "600000"),
    ("9200006", "Jackson", "Jackson", "", "32.30", "-90.18", "P", "PPLA", "US", "", "MS", "049", "150000"),
    ("9200007", "Jackson", "Jackson", "", "40.10", "-74.36", "P", "PPL", "US", "", "NJ", "029", "55000"),
    ("9200008", "Ohio", "Ohio", "", "40.25", "-82.75", "A", "ADM1", "US", "", "OH", "", "11800000"),
    ("9200009", "Lancaster", "Lancaster", "", "39.71", "-82.60", "P", "PPL", "US", "", "OH", "045", "40000"),
    ("9200010", "Indonesia", "Indonesia", "", "-5.0", "120.0", "A", "PCLI", "ID", "", "00", "", "270000000"),
    ("9200011", "Metro", "Metro", "", "-5.11", "105.31", "P", "PPLA2", "ID", "", "15", "", "150000"),
]


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("outlet_towns"), TOWNS)


def test_a_stations_call_letters_give_its_home_town(towns: Gazetteer) -> None:
    from sitrep.geo.outlet import outlet_home

    home = outlet_home(towns, "http://web.archive.org/web/2016/http://www.wlky.com:80/news/story-123")
    assert home is not None and home.admin1_code == "US.KY" and home.town is not None and home.town.name == "Louisville"
    # a page deeper in a listed domain is the same outlet's
    assert outlet_home(towns, "https://homicide.wlky.com/x") is not None


def test_the_home_towns_market_reads_a_namesake(towns: Gazetteer) -> None:
    text = "It happened on a quiet street in south Jackson on Friday morning."
    local = geocoded(text, towns, "https://www.msnewsnow.com/story/1/teen-shot")
    assert [t.place.admin1 for t in local.toponyms] == ["Mississippi"]
    assert local.outlet_place is not None and local.outlet_place.name == "Jackson"
    # grounded in the outlet's host name, a span of the URL
    assert [(s.field, s.text) for s in local.outlet_place.spans] == [("url", "www.msnewsnow.com")]


def test_the_outlets_span_slices_its_url_also_through_an_archive() -> None:
    from sitrep.geo.outlet import outlet_span
    from sitrep.model import span_source

    url = "http://web.archive.org/web/2016/http://www.WLKY.com:80/news/story-123"
    span = outlet_span(url)
    assert span is not None and span.field == "url" and span.text == "www.WLKY.com"
    assert span_source(span, "", None, url)[span.start:span.end] == span.text
    assert outlet_span(None) is None and outlet_span("not a url") is None


def test_metro_alone_names_no_town(towns: Gazetteer) -> None:
    doc = geocoded("Metro police said a man was shot in the leg near Lancaster, Ohio.", towns, None)
    assert "Metro" not in [t.span.text for t in doc.toponyms]


def test_a_networks_city_site_gives_its_home_town(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A network's city site ('pittsburgh.cbslocal.com') is listed with its market's town: read from the
    domain alone, the name would give the place but no home town (a domain may be a paper's name)."""
    from sitrep.geo.outlet import outlet_home

    rows = [*TOWNS,
            ("9200012", "Pennsylvania", "Pennsylvania", "", "40.9", "-77.8", "A", "ADM1", "US", "", "PA", "", "13000000"),
            ("9200013", "Pittsburgh", "Pittsburgh", "", "40.44", "-79.99", "P", "PPLA2", "US", "", "PA", "003",
             "300000")]
    gazetteer = build_gazetteer(tmp_path_factory.mktemp("outlet_network"), rows)
    home = outlet_home(gazetteer, "https://pittsburgh.cbslocal.com/2016/05/01/man-shot/")
    assert home is not None and home.town is not None and home.town.name == "Pittsburgh"
    # a row that knows only the state
    state_only = outlet_home(gazetteer, "http://newjersey.news12.com/story/1")
    assert state_only is not None and state_only.admin1_code == "US.NJ" and state_only.town is None


def test_a_small_town_of_the_outlets_market_is_read_by_its_name_alone(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A town too small to be read alone is read near the outlet's home town: a station names the towns of its
    market once, often in its police's name ('Pellston police said ...', which the NER takes for an organisation);
    a station far off reads nothing there."""
    rows = [*TOWNS,
            ("9200014", "Pellston", "Pellston", "", "38.40", "-85.60", "P", "PPL", "US", "", "KY", "111", "4000")]
    gazetteer = build_gazetteer(tmp_path_factory.mktemp("outlet_market"), rows)
    text = "Pellston police said three people were hurt Friday."
    local = geocoded(text, gazetteer, "http://www.wlky.com/news/story-123")
    names = [t.place.name for t in local.toponyms if t.place is not None]
    assert names == ["Pellston"]
    far = geocoded(text, gazetteer, "https://www.msnewsnow.com/story/1/teen-shot")
    assert [t.place.name for t in far.toponyms if t.place is not None] == []
