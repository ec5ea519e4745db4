"""Structured inputs: JSONL, JSON and CSV records with id, url, outlet/source, published, title, text.

Each reader yields Articles and, for records it cannot use, InputProblems naming ``path:line``; one bad
record never stops the rest of the file.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterator, Mapping
from datetime import date

from sitrep.errors import InputProblem
from sitrep.ingest.dating import dateline_date, parse_published
from sitrep.ingest.problems import Rejected
from sitrep.model import Article
from sitrep.resources import read_table

Item = Article | InputProblem
# Far more than any article record has; a header past it is a broken or hostile file.
MAX_CSV_COLUMNS = 1000


@functools.lru_cache(maxsize=1)
def field_names() -> dict[str, tuple[str, ...]]:
    """Article field -> the column names that may hold it, in order of preference."""
    names: dict[str, list[str]] = {}
    for row in read_table("ingest/record_fields.tsv"):
        names.setdefault(row["field"], []).append(row["name"])
    return {field: tuple(options) for field, options in names.items()}


def _pick(record: Mapping[str, object], field: str) -> object:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in field_names()[field]:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def _optional_str(value: object) -> str | None:
    if isinstance(value, dict):  # {"id": "bbc", "name": "BBC News"}: news APIs nest the outlet
        value = value.get("name") or value.get("title") or value.get("id")
    return (str(value).strip() or None) if value is not None else None


def article_from_record(record: Mapping[str, object], source: str, published: date | None) -> Article:
    """An Article from one record; raises :class:`Rejected` (E006) when it holds no text."""
    text = _pick(record, "text")
    if not isinstance(text, str) or not text.strip():
        names = ", ".join(field_names()["text"])
        raise Rejected("E006", source, f"record has no text (looked for a non-empty field: {names})")
    year_hint = published.year if published else None
    own_date = parse_published(_pick(record, "published"))
    return Article.from_text(
        text,
        id=_optional_str(_pick(record, "id")),
        url=_optional_str(_pick(record, "url")),
        outlet=_optional_str(_pick(record, "outlet")),
        title=_optional_str(_pick(record, "title")),
        published=own_date or dateline_date(text, year_hint) or published,
        source_path=source,
    )


def _from_record(record: object, source: str, published: date | None) -> Item:
    if not isinstance(record, dict):
        return InputProblem("E005", source, f"expected a JSON object, got {type(record).__name__}")
    try:
        return article_from_record(record, source, published)
    except Rejected as rejected:
        return rejected.problem


def items_from_jsonl(text: str, path: str, published: date | None) -> Iterator[Item]:
    """One article per non-blank line; a line that is not JSON is an E005 problem naming its number."""
    # Split on "\n" only: str.splitlines() also breaks on U+2028, U+0085 and form feeds, which JSON
    # strings may hold raw.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputProblem("E005", source, f"malformed JSON line: {exc}")
            continue
        yield _from_record(record, source, published)


def items_from_json(text: str, path: str, published: date | None) -> Iterator[Item]:
    """A JSON array of records or a single record; a file that is JSON lines is read as such."""
    try:
        document = json.loads(text)
    except ValueError:
        yield from items_from_jsonl(text, path, published)
        return
    records = document if isinstance(document, list) else [document]
    if isinstance(document, dict) and _pick(document, "text") is None:
        records = _nested_records(document) or records
    for number, record in enumerate(records, start=1):
        yield _from_record(record, f"{path}[{number}]", published)


def _nested_records(document: dict[str, object]) -> list[object] | None:
    """The first list of objects in a wrapper such as ``{"status": "ok", "articles": [...]}``."""
    for value in document.values():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return value
    return None


def guess_delimiter(header: str) -> str:
    """The delimiter of a CSV header line: the most frequent of comma, semicolon, tab and bar."""
    return max(",;\t|", key=header.count)


def items_from_csv(text: str, path: str, published: date | None, delimiter: str | None = None) -> Iterator[Item]:
    """One article per row; a file without a text column is one E006 problem.

    Without a ``delimiter``, the header line decides (spreadsheets in many locales write ``;``).
    """
    delimiter = delimiter or guess_delimiter(text.split("\n", 1)[0])
    # The csv module refuses fields over 128 KiB by default; articles are capped by max_article_bytes.
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if len(columns) > MAX_CSV_COLUMNS:
        yield InputProblem("E005", path, f"CSV has {len(columns)} columns, over the limit of {MAX_CSV_COLUMNS} "
                                         "(a record of an article has a few); skipped")
        return
    if not set(columns) & set(field_names()["text"]):
        yield InputProblem("E006", path, f"CSV has no text column (columns: {', '.join(columns) or 'none'}; "
                                         f"name one of: {', '.join(field_names()['text'])})")
        return
    line = reader.line_num  # lines read so far: the next row starts on the line after
    try:
        for row in reader:
            yield _from_record(row, f"{path}:{line + 1}", published)
            line = reader.line_num
    except csv.Error as exc:
        yield InputProblem("E005", f"{path}:{line + 1}", f"malformed CSV, rest of file skipped: {exc}")
