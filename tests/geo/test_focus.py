"""The text's focus admin1 unit favours its own towns among close readings (no gazetteer file needed)."""

from __future__ import annotations

from sitrep.geo.candidates import Candidate
from sitrep.geo.gazetteer import Entry, Gazetteer, Hit
from sitrep.geo.recognise import Mention
from sitrep.geo.resolve import Resolution, Resolver


def _entry(place: int, name: str, admin1: str, population: int) -> Entry:
    return Entry(id=place, gid=f"test:{place}", name=name, feature="city", country_code=admin1[:2],
                 admin1_code=admin1, admin2_code=None, iso_code=None, population=population,
                 lat=0.0, lon=0.0, approx=False)


def _resolution(text: str, *readings: tuple[Entry, float]) -> Resolution:
    candidates = [Candidate(Hit(entry, 0, text.lower()), prior=score) for entry, score in readings]
    best = max(candidates, key=lambda c: c.score)
    return Resolution(Mention(0, len(text), text, "ner"), candidates, best)


def _run(resolutions: list[Resolution]) -> None:
    # The focus step reads only the resolutions: an unopened gazetteer stands in.
    Resolver(Gazetteer.__new__(Gazetteer))._favour_focus(resolutions)


def test_a_close_reading_in_the_focus_unit_wins() -> None:
    paris = _resolution("Paris", (_entry(1, "Paris", "US.KY", 9000), 3.0), (_entry(2, "Paris", "US.TX", 25000), 2.5))
    tyler = _resolution("Tyler", (_entry(3, "Tyler", "US.TX", 100000), 4.0))
    longview = _resolution("Longview", (_entry(4, "Longview", "US.TX", 80000), 4.0))
    _run([paris, tyler, longview])
    assert paris.best is not None and paris.best.entry.admin1_code == "US.TX"


def test_no_focus_without_a_unit_standing_out() -> None:
    paris = _resolution("Paris", (_entry(1, "Paris", "US.KY", 9000), 3.0), (_entry(2, "Paris", "US.TX", 25000), 2.5))
    tyler = _resolution("Tyler", (_entry(3, "Tyler", "US.TX", 100000), 4.0))
    lexington = _resolution("Lexington", (_entry(5, "Lexington", "US.KY", 300000), 4.0))
    _run([paris, tyler, lexington])
    assert paris.best is not None and paris.best.entry.admin1_code == "US.KY"


def test_a_clear_reading_elsewhere_stays() -> None:
    paris = _resolution("Paris", (_entry(1, "Paris", "FR.11", 2_000_000), 6.0), (_entry(2, "Paris", "US.TX", 25000), 2.5))
    tyler = _resolution("Tyler", (_entry(3, "Tyler", "US.TX", 100000), 4.0))
    longview = _resolution("Longview", (_entry(4, "Longview", "US.TX", 80000), 4.0))
    _run([paris, tyler, longview])
    assert paris.best is not None and paris.best.entry.admin1_code == "FR.11"
