"""The filter table, its parser, its URL form, its click options and in-memory matching."""

from __future__ import annotations

import datetime as dt

import click
import pytest
from click.testing import CliRunner

from sitrep.filters import (
    FIELDS,
    EventFilter,
    FilterError,
    filter_attrs,
    filter_fields,
    filter_options,
    filter_to_params,
    matches,
    parse_filter,
)
from sitrep.model import Claim, Place, Span


def test_every_attribute_has_one_field() -> None:
    assert sorted(f.attr for f in FIELDS) == sorted(filter_attrs())
    assert [row["name"] for row in filter_fields()][:2] == ["from", "to"]


def test_parse_normalises_lists() -> None:
    f = parse_filter({"country": "so, Kenya", "event_type": ["battles"], "sub_event_type": "ARMED_CLASH,air/drone strike",
                      "actor": "al-Shabaab", "from": "2024-01-01", "to": "2024-01-31", "contested": "true",
                      "min_sources": "2", "bbox": "40,-2,52,12", "updated_since": "2024-02-01T00:00:00"})
    assert f.country == ("SO", "KE")
    assert f.event_type == ("Battles",)
    assert f.sub_event_type == ("Armed clash", "Air/drone strike")
    assert f.date_from == dt.date(2024, 1, 1) and f.date_to == dt.date(2024, 1, 31)
    assert f.contested is True and f.min_sources == 2
    assert f.bbox == (40.0, -2.0, 52.0, 12.0)
    assert f.updated_since == dt.datetime(2024, 2, 1, tzinfo=dt.UTC)


def test_attribute_names_are_accepted_and_empty_values_ignored() -> None:
    assert parse_filter({"date_from": "2024-03-01", "q": "", "country": ""}) == EventFilter(
        date_from=dt.date(2024, 3, 1))


@pytest.mark.parametrize(("params", "param"), [
    ({"from": "31/01/2024"}, "from"),
    ({"from": "2024-02-01", "to": "2024-01-01"}, "from"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "10,5,0,6"}, "bbox"),
    ({"bbox": "0,0,200,5"}, "bbox"),
    ({"country": "Narnia"}, "country"),
    ({"event_type": "Skirmishes"}, "event_type"),
    ({"min_sources": "-1"}, "min_sources"),
    ({"contested": "maybe"}, "contested"),
    ({"colour": "red"}, "colour"),
    ({"q": ["a", "b"]}, "q"),
])
def test_malformed_filters_raise_with_param_and_hint(params: dict[str, str], param: str) -> None:
    with pytest.raises(FilterError) as caught:
        parse_filter(params)
    assert caught.value.param == param
    assert caught.value.code == "E015"
    assert caught.value.hint


def test_params_round_trip() -> None:
    f = EventFilter(date_from=dt.date(2024, 1, 1), country=("SO", "KE"), bbox=(40.5, -2.0, 52.0, 12.0),
                    contested=False, min_sources=3, q="air strike", event_type=("Battles",),
                    updated_since=dt.datetime(2024, 2, 1, 6, tzinfo=dt.UTC))
    params = filter_to_params(f)
    assert params["country"] == "SO,KE" and params["contested"] == "false" and params["bbox"] == "40.5,-2,52,12"
    assert params["updated_since"] == "2024-02-01T06:00:00Z"
    assert parse_filter(params) == f
    assert filter_to_params(EventFilter()) == {}


class _Report:
    def __init__(self, title: str, evidence: list[str]) -> None:
        self.title = title
        self.evidence = [Span(start=0, end=len(t), text=t) for t in evidence]


class _Actor:
    def __init__(self, name: str) -> None:
        self.name = name
        self.acled_name = None


class _Cluster:
    """Duck-typed stand-in with the ClusterRecord attributes that filters read."""

    def __init__(self) -> None:
        self.date = dt.date(2024, 1, 10)
        self.location = Place(name="Kismayo", admin1="Lower Juba", country="Somalia", country_code="SO",
                              lat=-0.36, lon=42.55)
        self.event_type = "Battles"
        self.sub_event_type = "Armed clash"
        self.actors = [_Actor("al-Shabaab")]
        span = Span(start=0, end=4, text="said")
        self.claims_by_side = {"party": [Claim(fact="event", claimant="al-Shabaab", claimant_is_party=True,
                                               stance="claimed", span=span)], "non_party": []}
        self.contested = True
        self.sources = 2
        self.reports = [_Report("Clashes near Kismayo", ["Militants attacked a base near Kismayo."])]
        self.last_updated = dt.date(2024, 1, 20)  # news time: the latest report's day, not what updated_since reads
        self.updated_at = dt.datetime(2024, 1, 11, 8, 0)  # store time: when the cluster last changed


@pytest.mark.parametrize(("params", "expected"), [
    ({}, True),
    ({"from": "2024-01-10", "to": "2024-01-10"}, True),
    ({"from": "2024-01-11"}, False),
    ({"country": "Somalia"}, True),
    ({"country": "KE"}, False),
    ({"admin1": "lower juba"}, True),
    ({"bbox": "40,-2,52,12"}, True),
    ({"bbox": "0,0,10,10"}, False),
    ({"event_type": "Battles", "sub_event_type": "Armed clash"}, True),
    ({"sub_event_type": "Attack"}, False),
    ({"actor": "AL-SHABAAB"}, True),
    ({"actor": "Somali Police"}, False),
    ({"claimant": "al-Shabaab", "party_claims": "true"}, True),
    ({"party_claims": "false"}, False),
    ({"contested": "false"}, False),
    ({"min_sources": "2"}, True),
    ({"min_sources": "3"}, False),
    ({"q": "base kismayo"}, True),
    ({"q": "airport"}, False),
    ({"updated_since": "2024-01-11T08:00:00Z"}, True),
    ({"updated_since": "2024-01-12"}, False),
    ({"updated_since": "2024-01-11T08:00:01Z"}, False),
])
def test_matches(params: dict[str, str], expected: bool) -> None:
    assert matches(parse_filter(params), _Cluster()) is expected


def test_click_options_build_one_filter() -> None:
    seen: list[EventFilter] = []

    @click.command()
    @filter_options
    def command(event_filter: EventFilter) -> None:
        seen.append(event_filter)

    runner = CliRunner()
    result = runner.invoke(command, ["--country", "SO", "--country", "KE,ET", "--contested", "--from", "2024-01-01",
                                     "--min-sources", "2", "--sub-event-type", "Armed clash"])
    assert result.exit_code == 0, result.output
    assert seen[-1] == EventFilter(country=("SO", "KE", "ET"), contested=True, date_from=dt.date(2024, 1, 1),
                                   min_sources=2, sub_event_type=("Armed clash",))
    result = runner.invoke(command, ["--no-contested"])
    assert seen[-1] == EventFilter(contested=False)
    result = runner.invoke(command, ["--bbox", "1,2"])
    assert result.exit_code == 2 and "--bbox" in result.output
    assert "--updated-since" in runner.invoke(command, ["--help"]).output


def test_claimants_differing_in_case_are_one_key() -> None:
    from sitrep.filters import cluster_claimants

    cluster = _Cluster()
    span = Span(start=0, end=4, text="said")
    cluster.claims_by_side["non_party"] = [Claim(fact="event", claimant="Friends", stance="claimed", span=span),
                                           Claim(fact="event", claimant="friends", stance="claimed", span=span)]
    assert {name.lower() for name in cluster_claimants(cluster)} == {"al-shabaab", "friends"}
