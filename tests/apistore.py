"""One small store per test session, built from reports written for these tests (invented events).

Extraction loads spaCy, so the store is built once per process and every test folder
(server/, brief/, watch/) opens the same file.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sitrep.model import Article

# Invented reports: two outlets tell one clash (with a denial), an earlier clash in the same
# province (the previous period of a brief), an air strike in another country, a protest.
REPORTS: tuple[dict[str, Any], ...] = (
    {"id": "t-early", "outlet": "Coast Wire", "url": "https://example.org/a/early", "published": "2024-04-06",
     "title": "Clash near Beledweyne",
     "text": "BELEDWEYNE, Somalia - Clan militiamen clashed with al-Shabaab fighters near Beledweyne in the "
             "Hiiraan region on Thursday, killing five fighters, elders said."},
    {"id": "t-clash-a", "outlet": "Coast Wire", "url": "https://example.org/a/clash", "published": "2024-05-11",
     "title": "Militants attack base in Lower Shabelle",
     "text": "MOGADISHU, Somalia - Al-Shabaab militants attacked a military base near Marka in the Lower "
             "Shabelle region early on Friday, the group said, claiming to have killed more than 40 soldiers. "
             "The Somali National Army denied the claim, saying its forces repelled the assault and killed "
             "12 militants."},
    {"id": "t-clash-b", "outlet": "Horn Daily", "url": "https://example.net/news/marka", "published": "2024-05-11",
     "title": "Army repels attack near Marka",
     "text": "MARKA, Somalia - Somali troops repelled an al-Shabaab assault on a base near Marka on Friday, "
             "an army commander said, adding that 12 militants were killed. Residents said the fighting "
             "lasted two hours."},
    {"id": "t-strike", "outlet": "Sahel Monitor", "url": "https://example.com/strike", "published": "2024-05-20",
     "title": "Air strike in Borno",
     "text": "MAIDUGURI, Nigeria - A military air strike hit a village in Borno State on Sunday, killing "
             "at least eight civilians, residents told reporters."},
    {"id": "t-protest", "outlet": "City Paper", "url": "https://example.org/nairobi", "published": "2024-05-26",
     "title": "Protest in Nairobi",
     "text": "NAIROBI, Kenya - Thousands of people marched through central Nairobi on Saturday to protest "
             "against rising fuel prices. Police fired tear gas and arrested 20 protesters, a police "
             "spokesman said."},
)


def articles() -> list[Article]:
    import datetime as dt

    return [Article(id=r["id"], text=r["text"], title=r["title"], url=r["url"], outlet=r["outlet"],
                    published=dt.date.fromisoformat(r["published"])) for r in REPORTS]


@functools.lru_cache(maxsize=1)
def built_store_url() -> str:
    """Ingest the reports once into a fresh SQLite file; its URL."""
    from sitrep.settings import Settings
    from sitrep.store import open_store

    folder = tempfile.mkdtemp(prefix="sitrep-api-test-")
    atexit.register(shutil.rmtree, folder, True)  # the store lives for the whole session
    path = Path(folder) / "store.db"
    url = f"sqlite:///{path}"
    store = open_store(url)
    store.ingest(articles(), Settings())
    return url
