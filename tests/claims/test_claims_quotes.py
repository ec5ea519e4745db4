from sitrep.claims.quotes import find_quotes


def test_curly_quote_with_marks_included() -> None:
    text = "“We took the bridge,” the commander said."
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end] == "“We took the bridge,”"
    assert quote.closed


def test_quote_over_two_paragraphs_reopened_by_a_mark() -> None:
    text = 'She said: "The first part of it.\n\n"And the second part."\n\nNext story.'
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end] == '"The first part of it.\n\n"And the second part."'
    assert quote.paragraphs == 2


def test_quote_left_open_stops_at_paragraph_end() -> None:
    text = 'He wrote, "the roads are closed and nobody can leave\n\nOfficials gave no figure.'
    (quote,) = find_quotes(text)
    assert not quote.closed
    assert text[quote.start:quote.end] == '"the roads are closed and nobody can leave'


def test_fresh_opening_mark_closes_the_open_quote() -> None:
    text = 'It read, "Hold the line. "Do not give up." The end.'
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ['"Hold the line.', '"Do not give up."']


def test_straight_opener_after_comma() -> None:
    text = 'He wrote," roads are blocked," adding more.'
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end] == '" roads are blocked,"'
