"""Situation briefs: templated, deterministic summaries in which every sentence cites its events."""

from sitrep.brief.builder import build_brief
from sitrep.brief.model import Brief, Reference, Section, Sentence
from sitrep.brief.render import brief_html, brief_json, brief_markdown

__all__ = ["Brief", "Reference", "Section", "Sentence", "brief_html", "brief_json", "brief_markdown", "build_brief"]
