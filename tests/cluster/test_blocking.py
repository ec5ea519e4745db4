"""candidate_query(): bounds leaning back in time, a box around the point, the admin1 unit."""

from __future__ import annotations

import datetime as dt

from sitrep.cluster.blocking import BACK_DAYS, FORWARD_DAYS, candidate_query
from tests.cluster.factory import mention


def test_the_window_leans_back_and_the_box_holds_nearby_towns() -> None:
    new = mention("e2", "Millbrook", "2020-03-20", "report")
    query = candidate_query(new)
    assert query.date_from == dt.date(2020, 3, 20) - dt.timedelta(days=BACK_DAYS)
    assert query.date_to == dt.date(2020, 3, 20) + dt.timedelta(days=FORWARD_DAYS)
    assert BACK_DAYS > FORWARD_DAYS
    assert query.country_code == "US"
    assert query.matches(mention("e1", "Harlow", "2020-03-18", "report"))
    assert not query.matches(mention("e1", "Riverside Bay", "2020-03-10", "report"))
    # within a few days, a report placed anywhere in the country is compared (places are misread)
    assert query.matches(mention("e1", "Riverside Bay", "2020-03-18", "report"))
    before = (dt.date(2020, 3, 20) - dt.timedelta(days=BACK_DAYS + 1)).isoformat()
    assert not query.matches(mention("e1", "Harlow", before, "report"))
    assert query.matches(mention("e1", "Harlow", "2019-12-01", "report"))  # a follow-up months later


def test_a_mention_without_a_date_uses_its_publication_date() -> None:
    new = mention("e2", "Millbrook", None, "report", published="2020-03-20")
    assert candidate_query(new).date_to == dt.date(2020, 3, 20) + dt.timedelta(days=FORWARD_DAYS)


def test_a_report_of_the_same_days_placed_in_another_country_is_compared() -> None:
    import dataclasses

    query = candidate_query(mention("e2", "Millbrook", "2020-03-20", "report"))
    abroad = dataclasses.replace(mention("e1", "Harlow", "2020-03-19", "report"), country_code="GB",
                                 admin1="England", lat=51.8, lon=0.1)
    assert query.matches(abroad)  # a misread place: its words decide
    assert not query.matches(dataclasses.replace(abroad, date=dt.date(2020, 3, 1), published=dt.date(2020, 3, 1)))


def test_a_town_of_the_same_name_in_another_state_is_compared_within_the_window() -> None:
    import dataclasses

    from sitrep.cluster.mention import place_key

    assert place_key("Saint-Étienne", 1) == "saint etienne"
    assert place_key("Illinois", 2, "Illinois") is None  # a state is no town
    assert place_key("Millbrook", 3) is None
    new = mention("e2", "Millbrook", "2020-03-20", "report")
    query = candidate_query(new)
    assert query.place_key == "millbrook"
    # the same town name read as a namesake three states away, two months earlier
    namesake = dataclasses.replace(mention("e1", "Millbrook", "2020-01-20", "report"), admin1="Alabama",
                                   lat=32.4, lon=-86.4)
    assert query.matches(namesake)
    assert not query.matches(dataclasses.replace(namesake, place_name="Harlow"))
    before = dt.date(2020, 3, 20) - dt.timedelta(days=BACK_DAYS + 1)
    assert not query.matches(dataclasses.replace(namesake, date=before, published=before))


def test_a_follow_up_years_later_meets_its_incident_through_a_shared_rare_name() -> None:
    import dataclasses

    from sitrep.cluster.blocking import NAME_DAYS
    from sitrep.cluster.replay import MemoryClusters

    first = mention("e1", "Millbrook", "2020-03-20", "Millbrook police said Dorvan Quillfeather, 19, was shot "
                    "on Elm Street on Friday night.", published="2020-03-21")
    assert "dorvan quillfeather" in first.names
    # the sentencing two years on, its town misread as a namesake in another state
    trial = dataclasses.replace(mention("e2", "Riverside Bay", "2022-05-02", "A judge sentenced the man who shot "
                                        "Dorvan Quillfeather to 30 years.", published="2022-05-02"))
    other = mention("e3", "Riverside Bay", "2022-05-02", "A judge sentenced a man to 30 years.",
                    published="2022-05-02")
    query = candidate_query(trial)
    assert query.names == ("dorvan quillfeather",)
    assert not query.in_window(first) and query.named(first) and query.matches(first)
    assert not candidate_query(other).matches(first)
    clusters = MemoryClusters()
    clusters.add(first)
    assert clusters.candidates(trial) == {"ce1": [first]}
    assert clusters.candidates(other) == {}
    much_later = dataclasses.replace(trial, date=first.date + dt.timedelta(days=NAME_DAYS + 1))  # type: ignore[operator]
    assert clusters.candidates(much_later) == {}


def test_a_report_does_not_look_up_the_name_of_its_own_place() -> None:
    from sitrep.cluster.blocking import index_names

    m = mention("e1", "Easton Falls", "2020-03-20", "Shots rang out in Easton Falls, where Dorvan Quillfeather "
                "lives.")
    assert "easton falls" in m.names
    assert index_names(m) == ("dorvan quillfeather",)
