"""origin_key(): archive copies, sub-sites, wire credits and reposts are one origin each."""

from __future__ import annotations

from sitrep.cluster.origin import origin_key, registered_domain, unwrap_archive_url
from sitrep.model import Article


def _article(url: str | None, text: str = "Something happened.", outlet: str | None = None) -> Article:
    return Article(id="a1", text=text, url=url, outlet=outlet)


def test_archive_copies_and_sub_sites_are_their_outlet() -> None:
    url = "http://web.archive.org/web/20170101000000/http://news.example-daily.com:80/story/1"
    assert unwrap_archive_url(url) == "http://news.example-daily.com:80/story/1"
    assert origin_key(_article(url)) == "example-daily.com"
    assert origin_key(_article("https://www.example-daily.com/x")) == "example-daily.com"
    assert registered_domain("https://news.paper.co.uk/a") == "paper.co.uk"


def test_a_wire_credit_makes_the_agency_the_origin() -> None:
    text = "SPRINGVALE, Ohio (AP) - Two people were shot on Sunday."
    assert origin_key(_article("https://a-paper.com/x", text)) == "wire:ap"
    assert origin_key(_article("https://other-paper.com/y", text)) == "wire:ap"


def test_a_repost_is_the_site_it_copies() -> None:
    text = "Two people were shot on Sunday.\n\nhttp://www.town-herald.com/news/shooting-story\n"
    assert origin_key(_article("https://aggregator.example.org/p/1", text)) == "town-herald.com"


def test_without_url_the_outlet_then_the_id() -> None:
    assert origin_key(_article(None, outlet="The Town Herald")) == "the town herald"
    assert origin_key(_article(None)) == "article:a1"
