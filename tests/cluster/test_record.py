"""build_cluster_record(): the merge policy on invented member reports."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.cluster import build_cluster_record
from sitrep.cluster.record import explain_merged
from sitrep.model.cluster import ArticleMeta, MemberReport
from sitrep.model.records import Count, Span
from tests.cluster.factory import actor, claim, event, place


def member(eid: str, published: str, url: str, **fields: object) -> MemberReport:
    town = fields.pop("town", "Millbrook")
    day = fields.pop("day", "2020-03-07")
    return MemberReport(event=event(eid, town, day, **fields),  # type: ignore[arg-type]
                        article=ArticleMeta(id="a" + eid, url=url, published=dt.date.fromisoformat(published)))


def test_a_later_independent_toll_supersedes_an_earlier_one() -> None:
    record = build_cluster_record("ce1", [
        member("e1", "2020-03-07", "https://herald.example.com/1", killed=1, injured=3),
        member("e2", "2020-03-09", "https://gazette.example.net/2", killed=2, injured=2),
    ])
    assert (record.fatalities.low, record.fatalities.best, record.fatalities.high) == (1, 2, 2)
    assert record.injured.best == 2
    assert record.sources == 2
    assert record.first_reported == dt.date(2020, 3, 7)
    assert record.last_updated == dt.date(2020, 3, 9)
    assert [r.article_id for r in record.reports] == ["ae1", "ae2"]


def test_a_party_figure_bounds_only_high_until_confirmed() -> None:
    party = member("e1", "2020-03-07", "https://herald.example.com/1", killed=40,
                   claims=[claim("fatalities", "Rebel Front", party=True, index=0)])
    record = build_cluster_record("ce1", [party])
    assert (record.fatalities.best, record.fatalities.high) == (None, 40)
    assert record.claims_by_side["party"][0].claimant == "Rebel Front"
    independent = member("e2", "2020-03-08", "https://gazette.example.net/2", killed=12,
                         claims=[claim("fatalities", "Town Hospital", party=False, index=0)])
    record = build_cluster_record("ce1", [party, independent])
    assert (record.fatalities.low, record.fatalities.best, record.fatalities.high) == (12, 12, 40)
    assert record.contested
    assert "fatalities" in record.contested_reasons[0]


def test_a_denied_event_is_contested() -> None:
    record = build_cluster_record("ce1", [
        member("e1", "2020-03-07", "https://herald.example.com/1", claims=[claim("event", "Rebel Front", True)]),
        member("e2", "2020-03-08", "https://gazette.example.net/2",
               claims=[claim("event", "Army", True, stance="denied")]),
    ])
    assert record.contested
    assert record.contested_reasons == ["whether it happened: denied by Army"]


def test_date_and_place_are_the_most_precise_consistent() -> None:
    coarse = member("e1", "2020-03-07", "https://herald.example.com/1")
    coarse.event.location = place("Millbrook", precision=3)
    coarse.event.date_precision = 2
    record = build_cluster_record("ce1", [
        coarse,
        member("e2", "2020-03-08", "https://gazette.example.net/2", town="Harlow", day="2020-03-06"),
        member("e3", "2020-03-09", "https://post.example.org/3", town="Harlow", day="2020-03-06"),
        member("e4", "2020-03-10", "https://daily.example.org/4", town="Riverside Bay", day="2020-03-06"),
    ])
    assert record.date == dt.date(2020, 3, 6) and record.date_precision == 1
    assert record.location is not None and record.location.name == "Harlow"


def test_actors_keep_their_roles_and_wire_copies_count_once() -> None:
    first = member("e1", "2020-03-07", "https://herald.example.com/1", actor1=actor("Gunmen"))
    second = member("e2", "2020-03-08", "https://gazette.example.net/2", actor2=actor("Gunmen"))
    first.article.origin = second.article.origin = "wire:ap"
    record = build_cluster_record("ce1", [first, second])
    assert record.sources == 1 and record.origins == ["wire:ap"]
    assert record.actors[0].actor.name == "Gunmen"
    assert record.actors[0].roles == ["actor1", "actor2"] and record.actors[0].reports == 2
    assert record.fatalities == Count()


def test_an_empty_cluster_is_an_error() -> None:
    with pytest.raises(ValueError):
        build_cluster_record("ce1", [])


def test_a_figure_several_reports_agree_on_is_not_overridden_by_one() -> None:
    site = "https://herald.example.com/"
    agreeing = [member(f"e{i}", f"2020-03-0{i + 7}", site + str(i), killed=1) for i in (1, 2)]
    record = build_cluster_record("ce1", [*agreeing, member("e3", "2020-03-10", site + "3", killed=3)])
    assert (record.fatalities.low, record.fatalities.best, record.fatalities.high) == (1, 1, 3)
    # as often given: the later figure supersedes (a toll that rose)
    rose = [member(f"e{i}", f"2020-03-1{i}", site + f"r{i}", killed=2) for i in (4, 5)]
    assert build_cluster_record("ce1", [*agreeing, *rose]).fatalities.best == 2


def test_an_incident_recalled_in_passing_gives_no_figure_beside_a_report_about_it() -> None:
    site = "https://herald.example.com/"
    about = member("e1", "2020-03-07", site + "1", killed=2, prominence="main")
    recalled = member("e2", "2020-05-01", site + "2", killed=5, prominence="background")
    assert build_cluster_record("ce1", [about, recalled]).fatalities.best == 2
    assert build_cluster_record("ce1", [recalled]).fatalities.best == 5


def test_the_date_is_voted_by_reports_about_the_incident_weighed_by_precision() -> None:
    undated = member("e3", "2020-03-08", "https://post.example.org/3", day="2020-03-08")
    undated.event.date_precision = 2  # no day in its text: its publication date stands in, half a vote
    recalls = [member(f"r{i}", "2020-03-09", f"https://daily{i}.example.org/r", day="2020-03-05") for i in (1, 2)]
    for report in recalls:
        report.event.prominence = "background"  # an earlier incident recalled: no vote while others are about it
    record = build_cluster_record("ce1", [
        member("e1", "2020-03-07", "https://herald.example.com/1", day="2020-03-07"),
        member("e2", "2020-03-08", "https://gazette.example.net/2", day="2020-03-08"),
        undated, *recalls,
    ])
    assert record.date == dt.date(2020, 3, 8) and record.date_precision == 1



def dated(eid: str, published: str, day: str, words: str) -> MemberReport:
    """A report whose day was read from ``words`` (the date's span)."""
    report = member(eid, published, f"https://site{eid}.example.org/{eid}", day=day)
    report.event.date_span = Span(start=0, end=len(words), text=words)
    return report


@pytest.mark.parametrize(("loose", "sure"), [
    # 'last night' read from a publication date against 'Saturday morning' in a report of the same day
    (("2021-06-05", "2021-06-04", "last night"), ("2021-06-05", "2021-06-05", "Saturday morning")),
    # 'overnight' read back to the day before, against the weekday a report of that morning names
    (("2021-06-07", "2021-06-06", "overnight"), ("2021-06-07", "2021-06-07", "Monday morning")),
    # a holiday named a week after it (another one recalled), against the weekday of a fresh report
    (("2021-07-11", "2021-07-04", "Fourth of July"), ("2021-07-08", "2021-07-06", "Tuesday")),
    # a weekday five days back (the same weekday of the week before, when the publication date is late)
    (("2021-06-15", "2021-06-10", "Thursday night"), ("2021-06-13", "2021-06-12", "Saturday")),
])
def test_a_day_loosely_read_from_the_publication_date_loses_a_tie(
        loose: tuple[str, str, str], sure: tuple[str, str, str]) -> None:
    record = build_cluster_record("ce1", [dated("e1", *loose), dated("e2", *sure)])
    assert record.date == dt.date.fromisoformat(sure[1])


def test_a_day_written_out_or_a_weekday_of_the_last_days_keeps_its_full_vote() -> None:
    # ties between sure days still go to the earliest
    record = build_cluster_record("ce1", [dated("e1", "2021-06-20", "2021-06-12", "June 12"),
                                          dated("e2", "2021-06-14", "2021-06-13", "Sunday night")])
    assert record.date == dt.date(2021, 6, 12)
    record = build_cluster_record("ce1", [dated("e1", "2021-07-05", "2021-07-04", "the Fourth of July"),
                                          dated("e2", "2021-07-06", "2021-07-05", "Monday")])
    assert record.date == dt.date(2021, 7, 4)
    # two loose votes outweigh one sure vote
    record = build_cluster_record("ce1", [dated("e1", "2021-06-05", "2021-06-04", "last night"),
                                          dated("e2", "2021-06-05", "2021-06-04", "late last night"),
                                          dated("e3", "2021-06-05", "2021-06-05", "Saturday")])
    assert record.date == dt.date(2021, 6, 4)


def test_the_explanation_says_why_a_day_votes_less() -> None:
    lines = explain_merged([dated("e1", "2021-06-05", "2021-06-04", "last night"),
                            dated("e2", "2021-06-15", "2021-06-04", "Friday")])
    assert "2021-06-04 1.6 [ae1 (read from the publication day), ae2 (weekday 11 days back)]" in lines[1]

def test_a_report_counting_only_the_wounded_votes_that_none_died() -> None:
    site = "https://herald.example.com/"
    record = build_cluster_record("ce1", [
        member("e1", "2020-03-07", site + "1", killed=1, injured=2),
        member("e2", "2020-03-08", site + "2", injured=2),  # 'two men were shot and wounded': no death
        member("e3", "2020-03-09", site + "3", injured=2),
    ])
    assert (record.fatalities.low, record.fatalities.best, record.fatalities.high) == (0, 0, 1)
    # no report gives a death toll: no figure, not a zero
    wounded_only = [member(f"e{i}", f"2020-03-0{i + 6}", site + str(i), injured=2) for i in (1, 2)]
    assert build_cluster_record("ce1", wounded_only).fatalities == Count()


def test_equally_supported_figures_give_the_later_toll_and_the_fewer_wounded() -> None:
    site = "https://herald.example.com/"
    first = member("e1", "2020-03-07", site + "1", killed=1, injured=3)
    later = member("e2", "2020-03-09", site + "2", killed=2, injured=2)  # a wounded victim died
    record = build_cluster_record("ce1", [first, later])
    assert (record.fatalities.best, record.injured.best) == (2, 2)
    overcounted = member("e3", "2020-03-10", site + "3", killed=2, injured=4)
    assert build_cluster_record("ce1", [first, overcounted]).injured.best == 3


def test_a_report_unsure_of_its_figure_votes_half() -> None:
    site = "https://herald.example.com/"
    unsure = member("e2", "2020-03-09", site + "2", killed=3)
    unsure.event.fatalities = Count(low=1, best=3, high=3, reported=unsure.event.fatalities.reported)
    record = build_cluster_record("ce1", [member("e1", "2020-03-07", site + "1", killed=1), unsure])
    assert (record.fatalities.low, record.fatalities.best, record.fatalities.high) == (1, 1, 3)


def test_the_explanation_lists_each_value_s_votes() -> None:
    site = "https://herald.example.com/"
    unsure = member("e3", "2020-03-10", site + "3", killed=5)
    unsure.event.fatalities = Count(low=1, best=5, high=5)
    lines = explain_merged([member("e1", "2020-03-07", site + "1", killed=1, injured=2),
                            member("e2", "2020-03-08", site + "2", injured=2), unsure])
    assert lines[0].startswith("reports about the incident (prominence main) vote: 3 of 3;")
    assert lines[1].startswith("date 2020-03-07 (ties: the earliest):") and "2020-03-07 3 [ae1, ae2, ae3]" in lines[1]
    assert lines[2].startswith("fatalities best 0 ")  # 1 and 0 equally supported: the later report's
    assert "ae2 (none told)" in lines[2] and "5 0.5 [ae3 (unsure: 1-5)]" in lines[2]
    assert lines[3].startswith("injured best 2 ") and "2 2 [ae1, ae2]" in lines[3]


def test_a_victim_who_died_since_moves_the_earlier_reports_votes() -> None:
    site = "https://herald.example.com/"
    wounded = [member(f"e{i}", f"2020-03-0{i + 6}", site + str(i), injured=2) for i in (1, 2)]
    died = member("e3", "2020-03-12", site + "3", killed=1, injured=1)  # as many shot, one of them dead
    record = build_cluster_record("ce1", [*wounded, died])
    assert (record.fatalities.best, record.injured.best) == (1, 1)
    assert (record.injured.low, record.injured.high) == (1, 2)
    other = member("e4", "2020-03-12", site + "4", killed=1, injured=3)  # more people shot: not an update
    assert build_cluster_record("ce1", [*wounded, other]).fatalities.best == 0


def test_a_report_a_year_on_updates_no_figure() -> None:
    site = "https://herald.example.com/"
    wounded = [member(f"e{i}", f"2020-03-0{i + 6}", site + str(i), injured=2) for i in (1, 2)]
    trial = member("e3", "2021-04-02", site + "3", killed=1, injured=1)  # 'one count of murder, one of assault'
    assert build_cluster_record("ce1", [*wounded, trial]).fatalities.best == 0
