"""Reading evaluation files: JSONL and CSV records, with E012 for missing or malformed data."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError

Record = dict[str, Any]


def missing_data(path: Path, what: str = "evaluation data") -> SitrepError:
    return SitrepError("E012", f"{what} not found at {path}",
                       "give the path of the data set (see ../shared/data/README.md for the formats)")


def malformed(path: Path, reason: str) -> SitrepError:
    return SitrepError("E012", f"{path}: {reason}", "check the file against the format in ../shared/data/README.md")


def require_file(path: Path) -> Path:
    if not path.is_file():
        raise missing_data(path)
    return path


def read_jsonl(path: Path, required: Iterable[str], limit: int | None = None) -> list[Record]:
    """Records of a JSONL file (blank lines skipped), each checked for the ``required`` keys."""
    keys = tuple(required)
    records: list[Record] = []
    with require_file(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise malformed(path, f"line {number} is not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise malformed(path, f"line {number} is not a JSON object")
            missing = [k for k in keys if k not in record]
            if missing:
                raise malformed(path, f"line {number} lacks {', '.join(missing)}")
            records.append(record)
    return records


def read_csv(path: Path, required: Iterable[str], limit: int | None = None) -> list[Record]:
    """Rows of a CSV file with a header, each checked for the ``required`` columns."""
    keys = tuple(required)
    with require_file(path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [k for k in keys if k not in (reader.fieldnames or [])]
        if missing:
            raise malformed(path, f"the header lacks {', '.join(missing)}")
        return list(_take(reader, limit))


def read_records(path: Path, required: Iterable[str], limit: int | None = None) -> list[Record]:
    """CSV when the suffix is .csv, else JSONL."""
    if path.suffix.lower() == ".csv":
        return read_csv(path, required, limit)
    return read_jsonl(path, required, limit)


def _take(rows: Iterable[Record], limit: int | None) -> Iterator[Record]:
    for i, row in enumerate(rows):
        if limit is not None and i >= limit:
            return
        yield row


def data_file(path: Path, default_name: str = "dev.jsonl") -> Path:
    """``path`` itself when it is a file, else ``path/default_name`` (the dev split of a data folder)."""
    return path / default_name if path.is_dir() else path
