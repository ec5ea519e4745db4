"""Short reports invented for these tests (no real incident): two of one clash, others apart."""

from __future__ import annotations

import datetime as dt

from sitrep.model import Article

CLASH_A = ("KISMAYO, Somalia - Al-Shabaab fighters attacked an army checkpoint on the outskirts of Kismayo on "
           "Monday, killing four soldiers, a military officer said. The group claimed on its radio station that "
           "it had killed 12 soldiers and seized two pickup trucks.")
CLASH_B = ("Four Somali soldiers were killed when al-Shabaab militants stormed an army checkpoint on the outskirts "
           "of Kismayo on Monday, local officials told reporters. Residents said the gunfight at the checkpoint "
           "lasted two hours before the militants withdrew.")
KIDNAP = ("KADUNA, Nigeria - Gunmen abducted 15 passengers from a bus on the highway near Kaduna on Tuesday, "
          "police said.")
KIDNAP_UPDATED = ("KADUNA, Nigeria - Gunmen abducted 18 passengers from a bus on the highway near Kaduna on "
                  "Tuesday, police said on Wednesday, raising an earlier figure.")
ALLEGATION = ("Opposition leader Marta Kovac alleged on Twitter that the interior ministry was preparing to rig "
              "next month's vote. \"They are stealing our votes in broad daylight,\" she wrote. The ministry did "
              "not respond to a request for comment.")
PROTEST = ("HARARE, Zimbabwe - Hundreds of teachers marched through central Harare on Thursday to demand higher "
           "salaries. Police fired tear gas to disperse the crowd, witnesses said.")


def base_articles() -> list[Article]:
    """The batch every store test starts from (in ingest order)."""
    return [
        Article.from_text(CLASH_A, outlet="Coastal Herald", url="https://coastalherald.example/news/4411",
                          title="Militants hit checkpoint near Kismayo", published=dt.date(2024, 3, 12)),
        Article.from_text(CLASH_B, outlet="Horn Daily", url="https://horndaily.example/2024/03/checkpoint",
                          title="Four soldiers killed near Kismayo", published=dt.date(2024, 3, 12)),
        Article.from_text(KIDNAP, outlet="Lagos Ledger", url="https://lagosledger.example/kaduna-bus",
                          title="Bus passengers abducted", published=dt.date(2024, 4, 3)),
        Article.from_text(ALLEGATION, outlet="Capital Wire", url="https://capitalwire.example/kovac",
                          title="Kovac alleges plan to rig vote", published=dt.date(2024, 5, 10)),
        Article.from_text(PROTEST, outlet="Harare Times", url="https://hararetimes.example/teachers",
                          title="Teachers march for pay", published=dt.date(2024, 6, 6)),
    ]


def updated_kidnap() -> Article:
    """The Kaduna report again (same URL), with a new figure: a new version."""
    return Article.from_text(KIDNAP_UPDATED, outlet="Lagos Ledger", url="https://lagosledger.example/kaduna-bus",
                             title="Bus passengers abducted", published=dt.date(2024, 4, 3))


TOWNS = [("Baidoa", "Somalia"), ("Garowe", "Somalia"), ("Beledweyne", "Somalia"), ("Maiduguri", "Nigeria"),
         ("Zaria", "Nigeria"), ("Sokoto", "Nigeria"), ("Gao", "Mali"), ("Mopti", "Mali"), ("Kidal", "Mali"),
         ("Goma", "DR Congo")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "{town}, {country} - Gunmen attacked a market in {town} on {day}, killing {n} civilians, officials said.",
    "Soldiers clashed with armed fighters near {town} in {country} on {day}; {n} fighters died, the army said.",
    "{town}, {country} - A roadside bomb struck a bus near {town} on {day}, killing {n} people, police said.",
]


def many_articles(count: int) -> list[dict[str, str]]:
    """``count`` varied short reports as JSONL records (for the crash test's subprocess)."""
    records = []
    for i in range(count):
        town, country = TOWNS[i % len(TOWNS)]
        text = TEMPLATES[i % len(TEMPLATES)].format(town=town, country=country, day=WEEKDAYS[i % 5], n=3 + i)
        published = dt.date(2024, 1, 1) + dt.timedelta(days=3 * i)
        records.append({"id": f"crash-{i:03d}", "url": f"https://wire.example/{i}", "outlet": f"Outlet {i % 4}",
                        "published": published.isoformat(), "title": f"Report {i}", "text": text})
    return records
