from datetime import date

import pytest

from sitrep.ingest.dating import dateline_date, parse_published


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("REF-001\n\nHERAT, Afghanistan (Feb. 9, 2011)\nA patrol found a cache.", None, date(2011, 2, 9)),
    ("LAGOS, June 14 (Reuters) - Gunmen kidnapped", 2019, date(2019, 6, 14)),
    ("LAGOS, Sept. 14, 2019 — Gunmen kidnapped", None, date(2019, 9, 14)),
    ("ALEPPO, Syria, 3 March 2016 - Shelling hit", None, date(2016, 3, 3)),
    ("Published 2018\nTRIPOLI, May 2 (AFP) - Clashes", None, date(2018, 5, 2)),
])
def test_dateline_sets_the_date(text: str, hint: int | None, expected: date) -> None:
    assert dateline_date(text, hint) == expected


@pytest.mark.parametrize("text", [
    "LAGOS, June 14 (Reuters) - a dateline without any year anywhere",
    "Gunmen stormed the village. On June 14, 2019 the army came back.",
    "the army said, June 14, 2019 was the worst day",
])
def test_no_dateline_no_guess(text: str) -> None:
    assert dateline_date(text) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-09-04", date(2021, 9, 4)),
    ("2021-09-04T18:30:00Z", date(2021, 9, 4)),
    ("2021-09-04 18:30", date(2021, 9, 4)),
    ("4 Sep 2021", date(2021, 9, 4)),
    ("Sat, 04 Sep 2021 10:00:00 +0000", date(2021, 9, 4)),
    ("2021-02-30", None),
    ("yesterday", None),
    (None, None),
])
def test_published_values(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Field Office Daily Update, Mar. 2, 2012\nOffice - Region\nA patrol found a cache.", date(2012, 3, 2)),
    ("Nov. 8: Patrols in three districts\u2028REF 2010-11-77\u2028A patrol found a cache.", date(2010, 11, 8)),
    ("Cache found\nOffice\u20282010-10-X-1\u2028\u2028HERAT, Afghanistan (Oct. 13) - A patrol", date(2010, 10, 13)),
    ("Police say. A patrol found a cache on Nov. 8, 2010 near the road.\nMore text.", None),
])
def test_other_dateline_positions(text: str, expected: date | None) -> None:
    assert dateline_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The release number gives year and month of issue; a December number over a January dateline.
    ("Field Office\n2010-12-FO-330\nHERAT, Afghanistan (Jan. 1) - A patrol found a cache.", date(2011, 1, 1)),
    ("Field Office\n2011-07-FO-006\nHERAT, Afghanistan (July 3) - A patrol found a cache.", date(2011, 7, 3)),
    # A year the story mentions is a lower bound: the release is written after what it tells.
    ("HERAT, Afghanistan (Jan. 14) - A patrol caught the man behind the attack of June 2011.", date(2012, 1, 14)),
    ("HERAT, Afghanistan (Aug. 14) - A patrol caught the man behind the attack of June 2011.", date(2011, 8, 14)),
    # A weekday written with a day pins the year from that lower bound on (Jan. 12 was a Thursday in 2012).
    ("HERAT, Afghanistan (Jan. 14) - On Thursday, Jan. 12, a patrol caught a man wanted since 2009.",
     date(2012, 1, 14)),
])
def test_the_year_of_a_yearless_dateline(text: str, expected: date) -> None:
    assert dateline_date(text) == expected
