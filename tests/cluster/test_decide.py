"""decide(): new, join, bridge, vetoes, determinism (invented reports)."""

from __future__ import annotations

import dataclasses

import pytest

from sitrep.cluster import MemoryClusters, decide
from sitrep.cluster.decide import DEFAULT_POLICY, common_keys, pair_scores, vetoed
from tests.cluster.factory import mention

STORE = ("Gunman Darnell Whitcombe opened fire at the Blue Heron Tavern on Alder Street in Millbrook, "
         "killing two patrons, police said.")
STORE_LATER = ("Police named Darnell Whitcombe as the man who opened fire at the Blue Heron Tavern on Alder "
               "Street, where two patrons died.")
OTHER = "A teenager was wounded in a drive-by shooting outside Pinecrest Middle School on Maple Avenue."


def test_a_report_of_a_stored_incident_joins_it() -> None:
    first = mention("e1", "Millbrook", "2020-03-07", STORE, killed=2)
    later = mention("e2", "Millbrook", "2020-03-07", STORE_LATER, published="2020-03-09", killed=2)
    decision = decide(later, {"ce1": [first]})
    assert decision.kind == "join"
    assert decision.cluster_ids == ("ce1",)
    assert decision.scores["ce1"] > 0


def test_an_unrelated_report_founds_a_new_cluster() -> None:
    first = mention("e1", "Millbrook", "2020-03-07", STORE, killed=2)
    other = mention("e2", "Easton Falls", "2020-03-20", OTHER, injured=1)
    assert decide(other, {"ce1": [first]}).kind == "new"
    assert decide(other, {}).kind == "new"


def test_different_towns_on_one_day_never_link() -> None:
    first = mention("e1", "Millbrook", "2020-03-07", STORE, killed=2)
    elsewhere = mention("e2", "Riverside Bay", "2020-03-07", "Two patrons were killed when a gunman opened fire "
                        "at a bar on Ocean Drive, police said.", killed=2)
    assert vetoed(first, elsewhere) == "different towns on one day"
    assert decide(elsewhere, {"ce1": [first]}).kind == "new"


def test_a_misread_town_with_the_same_story_is_no_veto() -> None:
    first = mention("e1", "Millbrook", "2020-03-07", STORE, killed=2)
    misplaced = mention("e2", "Riverside Bay", "2020-03-07", STORE_LATER, killed=2)
    assert vetoed(first, misplaced) is None


def test_a_report_linking_two_clusters_bridges_them_oldest_first() -> None:
    a = mention("e1", "Millbrook", "2020-03-07", STORE, published="2020-03-07", killed=2)
    b = mention("e2", "Millbrook", "2020-03-07", STORE_LATER, published="2020-03-08", killed=2)
    both = mention("e3", "Millbrook", "2020-03-07", STORE + " " + STORE_LATER, published="2020-03-09", killed=2)
    decision = decide(both, {"ce2": [b], "ce1": [a]})
    assert decision.kind == "bridge"
    assert decision.cluster_ids == ("ce1", "ce2")


def test_the_same_input_in_the_same_order_gives_the_same_clusters() -> None:
    mentions = [
        mention("e1", "Millbrook", "2020-03-07", STORE, killed=2),
        mention("e2", "Easton Falls", "2020-03-20", OTHER, injured=1),
        mention("e3", "Millbrook", "2020-03-07", STORE_LATER, published="2020-03-10", killed=2),
    ]
    runs = [MemoryClusters().add_all(mentions) for _ in range(2)]
    assert runs[0] == runs[1] == ["ce1", "ce2", "ce1"]


def test_tolls_that_rise_are_compatible_but_far_apart_ones_are_not() -> None:
    early = mention("e1", "Millbrook", "2020-03-07", STORE, killed=1, injured=2)
    later = mention("e2", "Millbrook", "2020-03-07", STORE, killed=2, injured=1)
    wrong = mention("e3", "Millbrook", "2020-03-07", STORE, killed=9, injured=12)
    assert pair_scores(early, later)["figures"] == 0.0
    assert pair_scores(early, wrong)["figures"] == -1.0


def test_rare_names_in_common_count_once_then_twice() -> None:
    from sitrep.cluster.decide import shared_names
    from sitrep.cluster.vector import name_keys

    first = "Police said Tavoris Quillen, 19, shot Marlon Ebbets outside a store. Police Chief said little."
    later = "Tavoris Quillen pleaded guilty to killing Marlon Ebbets."
    assert name_keys(first) == ("marlon ebbets", "tavoris quillen")
    a = mention("e1", "Harlow", "2020-03-18", first)
    b = mention("e2", "Harlow", "2020-06-18", later)
    c = mention("e3", "Harlow", "2020-06-18", "Tavoris Quillen spoke at a meeting.")
    assert shared_names(a, b) == 1.0
    assert shared_names(a, c) == 0.5
    assert shared_names(b, mention("e4", "Harlow", "2020-06-18", "A man was shot.")) == 0.0


def test_a_cluster_is_scored_by_its_median_member_too() -> None:
    import dataclasses

    from sitrep.cluster.decide import DEFAULT_POLICY

    near = mention("e1", "Millbrook", "2020-03-07", STORE, killed=2)
    unlike = [mention(f"e{i}", "Millbrook", "2020-03-07", OTHER, injured=1) for i in (2, 3)]
    new = mention("e9", "Millbrook", "2020-03-07", STORE_LATER, published="2020-03-08", killed=2)
    single = dataclasses.replace(DEFAULT_POLICY, support=0.0)
    best = decide(new, {"c1": [near, *unlike]}, single).scores["c1"]
    assert best == decide(new, {"c1": [near]}).scores["c1"]  # one member: its own score
    supported = decide(new, {"c1": [near, *unlike]}).scores["c1"]
    median = pair_scores(new, unlike[0])["score"]
    assert supported == pytest.approx(best - DEFAULT_POLICY.support * (best - median), abs=1e-3)
    assert supported < best


def test_shared_ages_streets_and_blocks_count() -> None:
    import dataclasses

    from sitrep.cluster.decide import shared_specifics
    from sitrep.cluster.specifics import specific_keys

    first = ("A 19-year-old was shot in the 4500 block of Larkspur Blvd. on Friday. Then Officer Dana Pruitt, "
             "41, arrived.")
    assert specific_keys(first) == ("age:19", "age:41", "block:4500", "street:larkspur boulevard")
    later = "Charges were filed against a man, 23, for shooting the 19-year-old on Larkspur Boulevard."
    a = mention("e1", "Millbrook", "2020-03-07", first)
    b = mention("e2", "Millbrook", "2020-04-20", later, published="2020-04-20")
    assert a.specifics and shared_specifics(a, b) == 1.0
    assert shared_specifics(a, dataclasses.replace(b, specifics=("age:19",))) == 0.5
    assert pair_scores(a, b)["specifics"] == 1.0


def test_a_town_named_in_the_other_title_or_a_namesake_is_not_apart() -> None:
    import dataclasses

    from sitrep.cluster.decide import place_named

    first = mention("e1", "Millbrook", "2020-03-07", STORE, killed=2)
    # the same report's town read as a namesake in another state
    namesake = dataclasses.replace(mention("e2", "Millbrook", "2020-03-08", STORE_LATER, killed=2),
                                   admin1="Oregon", lat=44.0, lon=-121.0)
    assert pair_scores(first, namesake)["place"] == -1.0 and place_named(first, namesake)
    assert pair_scores(first, namesake)["named"] == 1.0
    # placed in a town far away, but its title names the first report's town
    titled = dataclasses.replace(mention("e3", "Riverside Bay", "2020-03-08", STORE_LATER, killed=2),
                                 title="Millbrook tavern gunman named")
    assert place_named(first, titled) and not place_named(first, dataclasses.replace(titled, title="Gunman named"))
    # a title tells the article's main incident, not one it recalls
    assert not place_named(first, dataclasses.replace(titled, prominence="background"))


def test_a_rare_name_in_common_lifts_the_veto_of_different_towns() -> None:
    first = mention("e1", "Millbrook", "2020-03-07", "Quillon Brandeaux was shot dead on a porch near the "
                    "feed mill late Saturday, deputies said; detectives canvassed neighbours, towed a pickup truck "
                    "and asked anyone with doorbell camera footage of the gravel lane to call the tip line.")
    misread = mention("e2", "Riverside Bay", "2020-03-07", "Relatives gathered at a candlelight vigil to "
                      "mourn Quillon Brandeaux, remembered as a gentle mechanic and devoted grandfather who coached "
                      "youth baseball, restored vintage tractors and sang tenor in the Lutheran choir every Sunday.")
    assert first.names and set(first.names) & set(misread.names)
    assert vetoed(first, misread) is None
    assert vetoed(first, misread, dataclasses.replace(DEFAULT_POLICY, veto_named=False)) is not None
    # a name the new report shares with many candidates says nothing: the veto stands
    assert vetoed(first, misread, common=frozenset(first.names)) is not None


def test_names_shared_with_many_candidate_clusters_count_for_nothing() -> None:
    hospital = "The victim was taken to Ardwyn Kestrelford Hospital, police said."
    new = mention("e9", "Millbrook", "2020-06-20", "A man was shot on Birch Lane. " + hospital)
    candidates = {f"c{i}": [mention(f"e{i}", "Millbrook", f"2020-06-1{i}", f"A woman was shot. {hospital}")]
                  for i in range(3)}
    common = common_keys(new, candidates, 3)
    assert common and common <= set(new.names)
    assert common_keys(new, candidates, 4) == frozenset()
    assert common_keys(new, candidates, 0) == frozenset()
    member = candidates["c0"][0]
    assert pair_scores(new, member)["names"] == 0.5
    assert pair_scores(new, member, common=common)["names"] == 0.0


def test_reports_months_apart_sharing_no_name_or_detail_are_a_towns_next_incident() -> None:
    first = mention("e1", "Millbrook", "2020-03-07", "Four people were shot outside a bar in Millbrook on Saturday.")
    alike = mention("e2", "Millbrook", "2020-06-13", "Four people were shot outside a bar in Millbrook on Saturday.",
                    published="2020-06-14")
    scores = pair_scores(alike, first)
    assert scores["stale"] == 1.0
    assert scores["score"] == pytest.approx(pair_scores(alike, first, dataclasses.replace(DEFAULT_POLICY, stale=0.0))
                                            ["score"] + DEFAULT_POLICY.stale)
    # the trial months later names the victim the first report named
    named = mention("e3", "Millbrook", "2020-03-07", STORE_LATER, killed=2)
    trial = mention("e4", "Millbrook", "2020-09-01", "The man who shot Darnell Whitcombe was convicted.",
                    published="2020-09-01")
    assert pair_scores(trial, named)["names"] and pair_scores(trial, named)["stale"] == 0.0
    # a week apart is no sign of another incident
    soon = mention("e5", "Millbrook", "2020-03-12", "Four people were shot outside a bar in Millbrook.",
                   published="2020-03-13")
    assert pair_scores(soon, first)["stale"] == 0.0


def test_the_one_candidate_that_stands_out_joins_below_the_threshold() -> None:
    # a strict threshold, so that the short report's score (about 1) falls below it
    strict = dataclasses.replace(DEFAULT_POLICY, threshold=3.0, lone_threshold=-2.0, lone_margin=4.0)
    first = mention("e1", "Millbrook", "2020-03-07", STORE, killed=2)
    short = mention("e2", "Millbrook", "2020-03-07", "Two dead in tavern shooting; more details as they come "
                    "in. Watch the evening news, weather and sports.", killed=2)
    assert pair_scores(short, first)["score"] < strict.threshold
    assert decide(short, {"ce1": [first]}, strict).cluster_ids == ("ce1",)
    assert decide(short, {"ce1": [first]}, dataclasses.replace(strict, lone_threshold=None)).kind == "new"
    # a rival incident of the same town scoring close: no candidate stands out
    rival = mention("e3", "Millbrook", "2020-03-06", "A man was wounded outside a tavern on Friday night; the "
                    "evening shift manager called police.", injured=1)
    assert decide(short, {"ce1": [first], "ce3": [rival]}, strict).kind == "new"
    # the one candidate placed in another state is not joined
    away = dataclasses.replace(first, admin1="Indiana", lat=41.5, lon=-86.0, place_name="Gary")
    assert pair_scores(short, away)["score"] >= strict.lone_threshold
    assert decide(short, {"ce1": [away]}, strict).kind == "new"


def test_a_member_sharing_two_rare_names_is_not_pulled_towards_the_median() -> None:
    early = mention("e1", "Millbrook", "2020-03-07", "A man was shot dead outside a house on Friday night, "
                    "police said; no arrest was made.", killed=1)
    named = mention("e2", "Millbrook", "2020-03-07", "Police named the man shot dead on Friday as Quillon "
                    "Brandeaux and charged Darnell Whitcombe with murder.", published="2020-03-09", killed=1)
    trial = mention("e3", "Millbrook", "2020-09-10", "Darnell Whitcombe was sentenced to life in prison on "
                    "Thursday for the murder of Quillon Brandeaux in Millbrook last March.", published="2020-09-10",
                    killed=1)
    best = pair_scores(trial, named)["score"]
    assert pair_scores(trial, early)["score"] < best
    assert decide(trial, {"ce1": [early, named]}).scores["ce1"] == pytest.approx(best, abs=1e-3)
    pulled = decide(trial, {"ce1": [early, named]}, dataclasses.replace(DEFAULT_POLICY, support_names=0))
    assert pulled.scores["ce1"] < best - 1
