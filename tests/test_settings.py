import pytest

from sitrep.errors import SitrepError
from sitrep.settings import Settings, settings_from_pairs, settings_table


def test_table_lists_every_setting_with_its_default() -> None:
    table = {row["name"]: row for row in settings_table()}
    assert table["max_article_bytes"]["default"] == Settings().max_article_bytes
    assert all(row["help"] for row in table.values())


def test_pairs_are_converted_to_the_field_type() -> None:
    settings = settings_from_pairs(["max_article_bytes=10", "min-event-score=0.7"])
    assert settings.max_article_bytes == 10 and settings.min_event_score == 0.7


@pytest.mark.parametrize("pair", ["nope=1", "max_article_bytes=ten", "max_article_bytes"])
def test_bad_pairs_raise_e014(pair: str) -> None:
    with pytest.raises(SitrepError) as info:
        settings_from_pairs([pair])
    assert info.value.code == "E014"
