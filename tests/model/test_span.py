from sitrep.model import Article, make_span


def test_make_span_slices_the_text() -> None:
    span = make_span("The Taliban attacked.", 4, 11)
    assert span.text == "Taliban"
    assert (span.start, span.end) == (4, 11)


def test_make_span_clamps_offsets() -> None:
    span = make_span("abc", -3, 99)
    assert (span.start, span.end, span.text) == (0, 3, "abc")


def test_article_id_is_a_content_hash() -> None:
    a = Article.from_text("Fighting in Kunduz.", outlet="Wire")
    b = Article.from_text("Fighting in Kunduz.", outlet="Wire")
    c = Article.from_text("Fighting in Kandahar.", outlet="Wire")
    assert a.id == b.id != c.id
