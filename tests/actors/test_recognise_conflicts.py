"""Aliases of each required conflict resolve to the right canonical actor (invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.actors.recognise import ActorRecogniser
from sitrep.model import ActorMention, Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser

pytestmark = pytest.mark.slow


def names(nlp, text: str, published: dt.date) -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """Mention text -> (canonical name, actor type)."""
    doc = Parser(nlp)(Document(article=Article.from_text(text, published=published)))
    mentions: list[ActorMention] = ActorRecogniser().match(doc)
    return {m.span.text: (m.actor.name, m.actor.type) for m in mentions}


CASES = [
    # Afghanistan
    ("Kuchi militiamen attacked a Hazara village in Wardak province.", dt.date(2016, 6, 2),
     "Kuchi militiamen", "Kuchi Ethnic Militia (Afghanistan)", "identity militia"),
    ("APPF guards repelled an attack on a supply convoy in Kandahar.", dt.date(2013, 4, 9),
     "APPF guards", "Afghan Public Protection Force", "state forces"),
    # Syria
    ("The Sultan Murad Division shelled a village near Afrin.", dt.date(2019, 3, 1),
     "Sultan Murad Division", "Sultan Murad Division", "rebel group"),
    ("Fighters of Faylaq al-Sham stormed a checkpoint in Idlib.", dt.date(2017, 8, 1),
     "Faylaq al-Sham", "Sham Legion", "rebel group"),
    # Iraq
    ("Kataib Imam Ali fighters clashed with militants near Tikrit.", dt.date(2015, 3, 10),
     "Kataib Imam Ali fighters", "Kata'ib al-Imam Ali", "political militia"),
    ("Tishreen protesters blocked a bridge in Baghdad.", dt.date(2019, 11, 2),
     "Tishreen protesters", "Tishreen Movement", "protesters"),
    # Yemen
    ("Murad tribesmen repelled a Houthi assault in Marib.", dt.date(2021, 2, 15),
     "Murad tribesmen", "Murad Tribal Militia (Yemen)", "identity militia"),
    ("Houthi security forces arrested a journalist in Sanaa.", dt.date(2020, 7, 1),
     "Houthi security forces", "Police Forces of Yemen (Houthi)", "state forces"),
    # Ukraine / Russia
    ("The Da Vinci Wolves repelled a Russian assault near Bakhmut.", dt.date(2023, 1, 20),
     "Da Vinci Wolves", "Da Vinci Wolves", "state forces"),
    ("Police detained dozens of Navalny supporters in Moscow.", dt.date(2021, 1, 23),
     "Navalny supporters", "Anti-Corruption Foundation", "protesters"),
    # Sahel
    ("MUJAO fighters attacked an army post near Gao.", dt.date(2012, 11, 5),
     "MUJAO fighters", "Movement for Oneness and Jihad in West Africa", "rebel group"),
    ("Nigerien gendarmes arrested three smugglers near Agadez.", dt.date(2019, 5, 5),
     "Nigerien gendarmes", "Police Forces of Niger", "state forces"),
    # Somalia
    ("TFG troops fought Murusade clan militia in Mogadishu.", dt.date(2009, 5, 3),
     "TFG troops", "Military Forces of Somalia (2004-2012)", "state forces"),
    ("TFG troops fought Murusade clan militia in Mogadishu.", dt.date(2009, 5, 3),
     "Murusade clan militia", "Murusade Clan Militia", "identity militia"),
    # Nigeria
    ("Irigwe youths attacked a settlement in Bassa.", dt.date(2018, 9, 1),
     "Irigwe youths", "Irigwe Ethnic Militia (Nigeria)", "identity militia"),
    ("EndSARS protesters marched through Lagos.", dt.date(2020, 10, 12),
     "EndSARS protesters", "EndSARS Movement", "protesters"),
    # Myanmar
    ("The Kawthoolei Army seized a junta outpost in Karen State.", dt.date(2023, 4, 1),
     "Kawthoolei Army", "Kawthoolei Army", "rebel group"),
    ("Soldiers opened fire on NLD supporters in Mandalay.", dt.date(2021, 3, 3),
     "NLD supporters", "National League for Democracy", "protesters"),
]


@pytest.mark.parametrize(("text", "published", "mention", "name", "kind"), CASES)
def test_new_alias_resolves(nlp, text: str, published: dt.date, mention: str, name: str,  # type: ignore[no-untyped-def]
                            kind: str) -> None:
    got = names(nlp, text, published)
    assert got.get(mention) == (name, kind), got


def test_somali_army_follows_the_government_of_the_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Somali soldiers attacked al-Shabaab positions near Afgoye."
    assert names(nlp, text, dt.date(2009, 6, 1))["Somali soldiers"][0] == "Military Forces of Somalia (2004-2012)"
    assert names(nlp, text, dt.date(2019, 6, 1))["Somali soldiers"][0] == "Military Forces of Somalia"


def test_shared_asayish_follows_the_article_country(nlp) -> None:  # type: ignore[no-untyped-def]
    iraqi = names(nlp, "In Erbil, Iraq, the Asayish arrested two Iraqi men.", dt.date(2020, 2, 1))
    assert iraqi["Asayish"][0] == "Police Forces of Iraq (Kurdistan Regional Government)"
    syrian = names(nlp, "In Qamishli, Syria, the Asayish arrested two Syrian men.", dt.date(2020, 2, 1))
    assert syrian["Asayish"][0] == "Asayish"


def test_longer_names_win_over_shorter_aliases_inside_them(nlp) -> None:  # type: ignore[no-untyped-def]
    got = names(nlp, "PUK Peshmerga clashed with KDP forces near Kirkuk.", dt.date(2017, 10, 16))
    assert got["PUK Peshmerga"][0] == "Patriotic Union of Kurdistan"
    assert got["KDP forces"][0] == "Kurdistan Democratic Party"
    got = names(nlp, "End SARS protesters gathered in Abuja.", dt.date(2020, 10, 12))
    assert got["End SARS protesters"][0] == "EndSARS Movement"


def test_ordinary_phrases_are_not_new_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    """Aliases are kept to distinctive names: everyday phrases near them name no dictionary actor."""
    text = ("The factory shipped zero units in March. Writers of the Enlightenment movement praised liberty. "
            "The exchange Kraken reported record trading on the platform.")
    got = names(nlp, text, dt.date(2022, 5, 1))
    assert not [m for m, (name, _) in got.items() if "Zero" in name or "Enlightenment" in name
                or "Kraken" in name or "Platform" in name], got
