from datetime import date

import pytest

from sitrep.ingest.html import article_from_html
from sitrep.ingest.problems import Rejected

PAGE = """<!DOCTYPE html><html><head><title>Bridge blown up | The Test Herald</title>
<meta property="og:site_name" content="The Test Herald">
<meta property="og:title" content="Bridge blown up">
<meta name="date" content="2019-11-02"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Bridge blown up</h1>
<p>Retreating fighters blew up the only bridge over the river on Friday, cutting the road to the
capital, a military spokesman said.</p>
<p>Engineers said repairs would take at least three weeks, and that a ferry would carry supplies.</p>
</article><footer>Copyright The Test Herald. All rights reserved.</footer></body></html>"""


def test_main_text_and_metadata() -> None:
    article = article_from_html(PAGE, "page.html")
    assert "blew up the only bridge" in article.text
    assert "All rights reserved" not in article.text
    assert article.title == "Bridge blown up"
    assert article.outlet == "The Test Herald"
    assert article.published == date(2019, 11, 2)
    assert article.source_path == "page.html"


def test_page_without_text_is_e009() -> None:
    with pytest.raises(Rejected) as info:
        article_from_html("<html><head><title>T</title></head><body><div></div></body></html>", "empty.html")
    assert info.value.problem.code == "E009" and info.value.problem.source == "empty.html"
