"""Ingest: files, folders, JSONL/CSV, HTML and feeds into Articles."""

from sitrep.ingest.reading import Reading, read_paths

__all__ = ["Reading", "read_paths"]
