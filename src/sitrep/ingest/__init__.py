"""Ingest: files, folders, stdin, JSONL/JSON/CSV, HTML and RSS/Atom feeds into Articles.

Module layout (each step raises or yields an ``InputProblem`` for what it cannot use; the batch goes on):

- ``reading``     -- :class:`Reading`: walks paths and folders; gates each article (size E007, English
                     E008) and drops exact/near duplicates into ``Reading.duplicates``.
- ``files``       -- one file: empty (E003), binary (E002), gzip, size before reading, decode, sniff, dispatch.
- ``decoding``    -- bytes to text: BOMs, UTF-8, charset-normalizer; damaged text is E004.
- ``sniffing``    -- the format, by extension then content.
- ``plaintext``, ``records`` (JSONL/JSON/CSV), ``html`` (trafilatura), ``feeds`` (feedparser): the readers.
- ``dating``      -- publication dates from metadata strings and wire datelines.
- ``language``    -- the stopword-ratio English check.
- ``duplicates``  -- MinHash/LSH near-duplicate index.
- ``problems``    -- :class:`Rejected`, the exception readers raise to refuse an input.
"""

from sitrep.ingest.duplicates import DuplicateLink
from sitrep.ingest.reading import Reading, read_paths

__all__ = ["DuplicateLink", "Reading", "read_paths"]
