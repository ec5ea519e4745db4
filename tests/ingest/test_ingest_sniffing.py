from pathlib import Path

import pytest

from sitrep.ingest.sniffing import Format, sniff_format


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("a.txt", "Rebels attacked", Format.TEXT),
    ("a.jsonl", '{"text": "x"}', Format.JSONL),
    ("a.json", '[{"text": "x"}]', Format.JSON),
    ("a.csv", "id,text\n", Format.CSV),
    ("a.tsv", "id\ttext\n", Format.CSV),
    ("a.html", "<html><body>x</body></html>", Format.HTML),
    ("a.rss", "<?xml version='1.0'?><rss>", Format.FEED),
    ("a.xml", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", Format.FEED),
    ("noext", "<!DOCTYPE html><html>", Format.HTML),
    ("noext", '{"id": 1, "text": "x"}\n{"id": 2', Format.JSONL),
    ("noext", "{curly prose, not JSON}", Format.TEXT),
    ("page.html", "<?xml version='1.0'?><rss version='2.0'>", Format.FEED),
])
def test_format_by_extension_then_content(name: str, head: str, expected: Format) -> None:
    assert sniff_format(Path(name), head) is expected
