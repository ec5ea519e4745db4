"""Page stamps, datelines without a place, a weekday's day in brackets, a weekday
named by a calendar day in a text of last week (eighth session; invented texts)."""

from __future__ import annotations

import datetime as dt

from sitrep.dates.resolve import DateResolver
from sitrep.model import Article, DateMention
from sitrep.pipeline.document import Document

PUBLISHED = dt.date(2019, 3, 13)  # a Wednesday


def resolve(text: str) -> dict[str, DateMention]:
    return {m.span.text: m for m in DateResolver().match(Document(article=Article.from_text(text, published=PUBLISHED)))}


def test_a_date_opening_its_line_with_a_clock_after_a_comma_is_a_stamp() -> None:
    got = resolve("Two hurt in Easton\n\nMarch 12, 2019, 11:11 AM\n\nTwo men were shot late Monday.")
    assert got["March 12, 2019"].kind == "dateline"
    assert got["Monday"].value == dt.date(2019, 3, 11)


def test_a_police_log_date_with_its_clock_dates_the_case() -> None:
    got = resolve("Date: Monday, March 11, 2019, 10:55 PM\n\nLocation: 100 Main St.\n\nOffense: Assault")
    assert got["March 11, 2019"].kind != "dateline"


def test_a_date_and_a_dash_opening_a_line_is_a_dateline() -> None:
    got = resolve("Shooting on Elm Street\n\nMarch 12, 2019 - Police are investigating a shooting that wounded "
                  "a man about 5:50 a.m. on Sunday (March 10).")
    assert got["March 12, 2019"].kind == "dateline"
    assert got["March 10"].kind == "explicit" and got["March 10"].value == dt.date(2019, 3, 10)
    assert "Sunday" not in got  # the weekday names the day written beside it


def test_a_text_of_last_week_names_its_weekday_by_the_calendar_day() -> None:
    got = resolve("Police arrested a man on Tuesday in last week's shooting. The victim was shot on March 1 "
                  "and died in hospital. Friday's shooting was the third this month.")
    assert got["Friday"].value == dt.date(2019, 3, 1)
    assert got["Tuesday"].value == dt.date(2019, 3, 12)


def test_a_sentence_opening_with_its_weekday_and_date_is_no_dateline() -> None:
    from sitrep.dates.resolve import is_dateline

    text = "On Sunday, February 21st at 2:19 p.m., a girl was shot at a range near Corvale."
    start = text.index("February 21st")
    assert not is_dateline(text, start, start + len("February 21st"))
    wire = "CORVALE, Idaho, February 21 - A girl was shot at a range."
    assert is_dateline(wire, wire.index("February 21"), wire.index("February 21") + len("February 21"))
