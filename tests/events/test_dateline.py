"""A dateline says where a report was filed, not where its incident happened (events/merge.py)."""

import datetime as dt

import pytest

import sitrep

pytestmark = pytest.mark.slow

REPORT = ("GAROWE, Somalia - Al-Shabaab fighters attacked an army base in the Mudug region on Friday, "
          "the group said.\n\nA regional spokesman said four soldiers were killed in the fighting near the "
          "town of Galkayo.")


def test_a_dateline_city_does_not_split_one_incident() -> None:
    events = sitrep.extract(REPORT, published=dt.date(2024, 2, 10))
    assert len(events) == 1
    assert events[0].fatalities.best == 4
