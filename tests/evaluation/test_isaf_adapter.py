"""The ISAF adapter on hand-written press releases in the ISAF style (loads the spaCy model once)."""

from __future__ import annotations

import pytest

from sitrep.dates.resolve import DateResolver
from sitrep.evaluation.isaf_adapter import IsafFields, isaf_fields
from sitrep.evaluation.isaf_labels import province_label, provinces_in, target_groups
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser
from sitrep.quantities.extract import QuantityExtractor

pytestmark = pytest.mark.slow


def fields(nlp, text: str) -> IsafFields:  # type: ignore[no-untyped-def]
    doc = Parser(nlp)(Document(article=Article.from_text(text)))
    for stage in (DateResolver(), QuantityExtractor()):
        doc = stage(doc)
    return isaf_fields(doc)


def test_detention_release(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Joint Command - Afghanistan\nKABUL, Afghanistan (March 4, 2012)\n"
            "A combined security force detained a Haqqani network commander and two suspected insurgents in "
            "Zurmat district, Paktia province, yesterday. The commander was detained without incident.")
    got = fields(nlp, text)
    assert got.start_date == "2012-03-03"
    assert got.province == ["paktya"]
    assert got.target_group == ["haqqani"]
    assert (got.min_killed, got.min_captured) == (0, 3)
    assert got.event_type == ["detention"]


def test_kill_and_capture_release_with_a_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, Afghanistan (June 9, 2011)\nA combined Afghan and coalition patrol killed a Taliban "
            "commander and detained several suspected insurgents in Konar province Tuesday. Two more suspects "
            "were also detained.")
    got = fields(nlp, text)
    assert got.start_date == "2011-06-07"
    assert got.province == ["kunar"]
    assert got.target_group == ["taliban"]
    assert got.min_killed == 1
    assert got.min_captured == 5
    assert got.event_type == ["captureandkill"]


def test_air_strike_release(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, Afghanistan (Oct. 2, 2010)\nCoalition aircraft conducted a precision air strike in "
            "Kunduz province yesterday, killing three insurgents.")
    got = fields(nlp, text)
    assert got.event_type == ["airstrike"]
    assert got.min_killed == 3


def test_retold_figures_are_not_added(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, Afghanistan (May 2, 2011)\nA patrol killed two insurgents in Zabul province yesterday. "
            "Both fighters died when they shot at the patrol.")
    assert fields(nlp, text).min_killed == 2


def test_province_spellings_and_kabul_only_as_a_province() -> None:
    assert provinces_in("KABUL, Afghanistan - In Oruzgan province and Sar-e Pul ...") == ["uruzgan", "sar-e pul"]
    assert provinces_in("Kabul province") == ["kabul"]
    assert province_label("Paktia Province") == "paktya"


def test_a_specific_network_replaces_the_taliban_umbrella() -> None:
    assert target_groups("a Taliban-affiliated Haqqani network leader") == ["haqqani"]
    assert target_groups("a Taliban leader") == ["taliban"]
    assert target_groups("Let us see; the leader was in Lashkar Gah") == []


def test_background_figures_are_left_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, Afghanistan (Aug. 2, 2011)\nA patrol detained a Taliban leader in Helmand province yesterday. "
            "The leader planned an IED attack that killed four soldiers. Forces have held more than 40 "
            "insurgents in the province this year.")
    got = fields(nlp, text)
    assert (got.min_killed, got.min_captured) == (0, 1)
    assert got.event_type == ["detention"]


def test_a_second_pasted_release_is_not_counted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, Afghanistan (Aug. 2, 2011)\nA patrol detained two suspected insurgents in Zabul province "
            "yesterday. The patrol found no weapons in the compound and left the area without incident.\n----\n"
            "UPDATE\nKABUL, Afghanistan (Aug. 4, 2011)\nForces detained five men in Kandahar province today.")
    got = fields(nlp, text)
    assert got.min_captured == 2
    assert got.province == ["zabul"]


def test_the_announcement_day_is_not_the_operation_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, Afghanistan (Sept. 19, 2012)\nAfghan officials and the coalition today confirmed "
            "that a Taliban commander died during a raid in Zabul province, Monday. He was killed when he fired on the force.")
    assert fields(nlp, text).start_date == "2012-09-17"


def test_a_follow_up_release_gives_the_checked_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, Afghanistan (Dec. 1, 2012)\nYesterday, in Zabul province, a patrol held two "
            "suspected insurgents while looking for a Taliban leader. The leader is said to plant mines "
            "on the district's roads. The men were taken for questioning.\n\n"
            "KABUL, Afghanistan (Dec. 3, 2012)\nOfficials confirmed today that the Taliban leader was among "
            "the men held in the operation in Zabul province Saturday.")
    assert fields(nlp, text).start_date == "2012-12-01"
    # A follow-up about a later day than the first release is another operation.
    later = text.replace("Saturday", "Sunday")
    assert fields(nlp, later).start_date == "2012-11-30"
