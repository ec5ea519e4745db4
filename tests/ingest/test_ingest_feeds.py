from datetime import date

from sitrep.errors import InputProblem
from sitrep.ingest.feeds import html_to_text, items_from_feed
from sitrep.model import Article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Test Wire</title><link>http://wire.test/</link><description>News</description>
<item><title>Convoy attacked</title><link>http://wire.test/1</link>
<pubDate>Tue, 12 Mar 2019 09:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Gunmen attacked an aid convoy on Monday, killing a driver.</p><p>The agency suspended
deliveries &amp; withdrew its staff.</p><script>track()</script>]]></content:encoded></item>
<item><title>Headline only item</title><link>http://wire.test/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title><id>urn:x</id>
<updated>2020-01-05T00:00:00Z</updated>
<entry><title>Strike on depot</title><id>urn:x:1</id><link href="http://atom.test/1"/>
<updated>2020-01-04T12:00:00Z</updated>
<summary type="html">&lt;b&gt;An air strike&lt;/b&gt; destroyed a fuel depot, residents said.</summary></entry>
</feed>"""


def test_rss_items_are_articles_with_html_stripped() -> None:
    first, second = list(items_from_feed(RSS, "wire.rss"))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == ("Gunmen attacked an aid convoy on Monday, killing a driver.\n"
                          "The agency suspended deliveries & withdrew its staff.")
    assert (first.title, first.url, first.outlet) == ("Convoy attacked", "http://wire.test/1", "Test Wire")
    assert first.published == date(2019, 3, 12)
    assert first.source_path == "wire.rss#item1"
    assert second.text == "Headline only item"


def test_atom_entries() -> None:
    [entry] = list(items_from_feed(ATOM, "feed.atom"))
    assert isinstance(entry, Article)
    assert entry.text == "An air strike destroyed a fuel depot, residents said."
    assert entry.published == date(2020, 1, 4) and entry.url == "http://atom.test/1"


def test_broken_feed_is_e009() -> None:
    [problem] = list(items_from_feed("<rss><channel><title>x", "bad.rss"))
    assert isinstance(problem, InputProblem) and problem.code == "E009"


def test_html_to_text_keeps_paragraphs_apart() -> None:
    assert html_to_text("<p>One.</p><p>Two&nbsp;words</p><br/>Three") == "One.\nTwo\xa0words\nThree"


def test_decoded_text_wins_over_the_prolog_and_urls_are_never_fetched() -> None:
    latin = RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Convoy attacked", "Café attacked")
    first = next(items_from_feed(latin, "wire.rss"))
    assert isinstance(first, Article) and first.title == "Café attacked"
    [problem] = list(items_from_feed("http://feeds.invalid/rss", "url.rss"))
    assert isinstance(problem, InputProblem) and problem.code == "E009"
