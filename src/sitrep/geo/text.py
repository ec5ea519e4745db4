"""Name keys: how place names are compared across spellings and transliterations.

Two keys per name. ``name_key`` is the exact key: ASCII-folded, lower-case, with
punctuation and hyphens made spaces, so "Mazar-e-Sharif" and "Mazar e Sharif"
meet. ``skeleton`` is the loose key for transliteration variants: Persian/Arabic
connectors (-e-, -i-, -ye-, al-) dropped, vowels after the first letter dropped,
doubled letters and common consonant alternations (w/v, q/k, ph/f) merged, so
Panjshir / Panjsher and Dasht-e-Rivet / Dasht-e Rewat share a skeleton. The
skeleton is only ever used on candidates a caller has reason to think are places.
"""

from __future__ import annotations

import functools
import re

from unidecode import unidecode

_APOSTROPHES = re.compile(r"[’‘ʻʼ`´'ʿʾ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Connector particles of Persian/Arabic izafa and articles, written many ways in English.
_CONNECTORS = frozenset({"e", "i", "ye", "yi", "al", "el", "ul", "ol", "ad", "ar", "as", "ash", "an", "at", "az"})
# Abbreviations that English texts and gazetteers write both ways.
_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "point": "pt"}
ABBREVIATED = frozenset(_ABBREVIATIONS.values())
_CONSONANT_PAIRS = (("ph", "f"), ("kh", "k"), ("gh", "g"), ("q", "k"), ("ck", "k"), ("w", "v"),
                    ("z", "s"), ("dh", "d"), ("th", "t"), ("c", "k"))
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Exact comparison key: 'Mazar-i-Sharif' -> 'mazar i sharif', 'St. Louis' -> 'st louis'."""
    folded = unidecode(_APOSTROPHES.sub("", name)).lower()
    words = _NON_ALNUM.sub(" ", folded).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


@functools.lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Loose key for transliteration variants: 'Dasht-e-Rivet' and 'Dasht-e Rewat' -> 'dshtrvt'."""
    words = [w for w in name_key(name).split() if w not in _CONNECTORS]
    # A trailing "i"/"e" glued to a word is the same izafa ("Mazari Sharif").
    out = []
    for word in words:
        for old, new in _CONSONANT_PAIRS:
            word = word.replace(old, new)
        word = word[0] + _VOWELS.sub("", word[1:]) if word else word
        out.append(word)
    return _DOUBLES.sub(r"\1", "".join(out))


def is_latin(name: str) -> bool:
    """True for names written in Latin script (the only ones an English text can contain)."""
    return all(ord(ch) < 0x250 or ch in "’‘ʻʼ" for ch in name)


_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul")


def variant_keys(key: str) -> list[str]:
    """Exact keys to try when a name is not found: the Arabic article dropped or added
    ('El-Hodeidah' / 'Hodeidah') and a final -h after a vowel dropped or added ('Hodeidah' /
    'Hodeida'), the two commonest differences between transliterations of one name."""
    words = key.split()
    bases = [key]
    if len(words) > 1 and words[0] in _ARTICLES:
        bases.append(" ".join(words[1:]))
    else:
        bases += [f"al {key}", f"el {key}"]
    out = []
    for base in bases:
        out.append(base)
        if base.endswith("ah") or base.endswith("eh"):
            out.append(base[:-1])
        elif base[-1:] in ("a", "e"):
            out.append(base + "h")
    return [k for k in dict.fromkeys(out) if k != key]
