"""The outlet's home unit read from its domain (geo.outlet), on the tiny test gazetteer."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.outlet import outlet_home, outlet_host
from tests.geo.conftest import build_gazetteer, geocoded


def test_the_host_is_read_through_an_archive_copy() -> None:
    assert outlet_host("http://web.archive.org/web/20160101000000/http://www.example.com/a/b") == "www.example.com"
    assert outlet_host("https://news.example.org/story") == "news.example.org"
    assert outlet_host(None) == ""


def test_a_town_or_state_in_the_domain_names_the_home_unit(small_gazetteer: Gazetteer) -> None:
    home = outlet_home(small_gazetteer, "http://web.archive.org/web/2016/http://www.athensbanner.com/news/x")
    assert home is not None and home.admin1_code == "US.GA" and home.place.name == "Athens"
    ohio = outlet_home(small_gazetteer, "https://www.ohio.com/crime/2015/shooting")
    assert ohio is not None and ohio.admin1_code == "US.OH"
    assert outlet_home(small_gazetteer, "https://myalliance.com/x") is not None  # a prefix before the name


def test_no_home_from_a_name_that_is_no_one_place_or_a_word_of_papers(small_gazetteer: Gazetteer) -> None:
    # Washington is a state and the capital elsewhere; 'dublinn' would leave a single letter.
    assert outlet_home(small_gazetteer, "https://www.washingtonpost.com/local") is None
    assert outlet_home(small_gazetteer, "https://www.dublinn.com/") is None
    assert outlet_home(small_gazetteer, "https://www.example.com/ohio-shooting") is None  # the path says nothing
    assert outlet_home(small_gazetteer, "https://www.athens.gr/") is None  # a country's own domain



# Two namesake towns in two states (ids made up; GeoNames dump format, see conftest.PLACES).
SALEMS = [
    ("9100001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9100002", "Oregon", "Oregon", "", "44.0", "-120.5", "A", "ADM1", "US", "", "OR", "", "4200000"),
    ("9100003", "Massachusetts", "Massachusetts", "", "42.3", "-71.8", "A", "ADM1", "US", "", "MA", "", "7000000"),
    ("9100004", "Salem", "Salem", "", "44.94", "-123.04", "P", "PPLA", "US", "", "OR", "047", "175000"),
    ("9100005", "Salem", "Salem", "", "42.52", "-70.90", "P", "PPLA2", "US", "", "MA", "009", "44000"),
]


@pytest.fixture(scope="module")
def salems(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("salems"), SALEMS)


def test_the_outlets_state_reads_a_namesake_there(salems: Gazetteer) -> None:
    text = "A man was shot on Sunday night outside a bar in Salem, police said."
    local = geocoded(text, salems, "http://web.archive.org/web/2015/http://www.massachusettsnews.com/local/bar-shooting")
    assert local.outlet_unit == "Massachusetts" and local.toponyms[0].place.admin1 == "Massachusetts"
    other = geocoded(text, salems, "https://www.example.com/local/bar-shooting")
    assert other.outlet_unit is None and other.toponyms[0].place.admin1 == "Oregon"
