from datetime import date

from sitrep.ingest.plaintext import article_from_plain_text

BODY = "Militants ambushed a convoy near the river crossing, killing four guards."


def test_date_line_sets_published_and_is_removed() -> None:
    article = article_from_plain_text(f"date 2020-05-01\n{BODY}", "a.txt", published=date(1999, 1, 1))
    assert article.published == date(2020, 5, 1)
    assert article.text == BODY


def test_dateline_beats_the_fallback_and_stays_in_the_text() -> None:
    text = f"MOGADISHU, Somalia (Oct. 3, 2017)\n{BODY}"
    article = article_from_plain_text(text, "a.txt", published=date(2017, 12, 31))
    assert article.published == date(2017, 10, 3)
    assert article.text == text


def test_fallback_published_when_nothing_in_the_text() -> None:
    assert article_from_plain_text(BODY, "a.txt", published=date(2017, 1, 2)).published == date(2017, 1, 2)
    assert article_from_plain_text(BODY, "a.txt").published is None
