"""The browser tests' store: the API tests' invented reports plus two written for the dashboard,
one of them hostile (script and onerror payloads in its title, outlet and text)."""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import shutil
import tempfile
from pathlib import Path

from sitrep.model import Article
from tests.apistore import articles as api_articles

HOSTILE_TITLE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> Clash in Kismayo'
HOSTILE_TEXT = ('KISMAYO, Somalia - <script>window.__xss = 3</script> Government forces clashed with '
                'al-Shabaab fighters near Kismayo in the Lower Juba region on Tuesday, killing six fighters, '
                'a military officer said. <img src=x onerror="window.__xss = 4"> The group denied the '
                'figure, saying none of its fighters died.')


def web_articles() -> list[Article]:
    return [*api_articles(), Article(
        id="t-hostile", text=HOSTILE_TEXT, title=HOSTILE_TITLE, url="javascript:window.__xss = 5",
        outlet='<img src=x onerror="window.__xss = 6">Wire', published=dt.date(2024, 5, 15),
    ), Article(
        id="t-riot", text=("GAROWE, Somalia - Rioters set fire to tyres and blocked roads in Garowe in the Nugaal "
                           "region on Wednesday after a disputed local vote, police said."),
        title="Riot in Garowe", url="https://example.org/garowe", outlet="Coast Wire",
        published=dt.date(2024, 5, 16),
    )]


@functools.lru_cache(maxsize=1)
def web_store_url() -> str:
    from sitrep.settings import Settings
    from sitrep.store import open_store

    folder = tempfile.mkdtemp(prefix="sitrep-web-test-")
    atexit.register(shutil.rmtree, folder, True)  # the store lives for the whole session
    path = Path(folder) / "store.db"
    url = f"sqlite:///{path}"
    open_store(url).ingest(web_articles(), Settings())
    return url
