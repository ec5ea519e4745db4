"""Hostile inputs: each gets a clear error code naming the input, the batch goes on, memory stays bounded.

The small cases live in tests/ingest/hostile/ (made by hand, see its README); the big ones are generated
here in a temporary folder. Each case is read together with one good article, which must come through.
"""

from __future__ import annotations

import gzip
import resource
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitrep.errors import InputProblem
from sitrep.ingest import read_paths
from sitrep.settings import Settings

HERE = Path(__file__).parent / "hostile"
GOOD = ("BAMAKO, Mali - Soldiers clashed with armed men near the town of Gao on Tuesday, the army said. "
        "Three soldiers were wounded in the fighting.")
# Small limits keep the generated cases small and fast; the code paths are those of the defaults.
SETTINGS = Settings(max_article_bytes=200_000)
MAX_GROWTH_MB = 300  # peak RSS may grow by at most this much over a whole case


@dataclass
class Read:
    texts: list[str]
    problems: list[InputProblem]


def read(path: Path, tmp_path: Path) -> Read:
    good = tmp_path / "zz-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reading = read_paths([path, good], settings=SETTINGS)
    texts = [a.text for a in reading.articles()]
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert growth_mb < MAX_GROWTH_MB, f"{path.name}: peak memory grew by {growth_mb:.0f} MB"
    assert GOOD in texts, "the good article after the hostile one must come through"
    return Read([t for t in texts if t != GOOD], reading.problems)


def single_problem(result: Read, code: str, path: Path) -> InputProblem:
    assert [p.code for p in result.problems] == [code], result.problems
    problem = result.problems[0]
    assert problem.source.startswith(str(path)), problem
    return problem


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    single_problem(read(path, tmp_path), "E002", path)


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "news.txt.gz"
    path.write_bytes(gzip.compress(GOOD.encode() * 50)[:-40])
    single_problem(read(path, tmp_path), "E002", path)


def test_truncated_gzip_of_json_lines_keeps_the_lines_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    lines = "".join(f'{{"id": "a{i}", "text": "Minutes {i}: the council of ward {i} met about {i * 7} wells."}}\n'
                    for i in range(200))
    path.write_bytes(gzip.compress(lines.encode())[:-200])
    result = read(path, tmp_path)
    assert [p.code for p in result.problems] == ["E002"]
    assert 0 < len(result.texts) < 200


def test_gzip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    limit = 40 * SETTINGS.max_article_bytes
    with gzip.open(path, "wb", compresslevel=9) as handle:  # ~16 KB on disk, 20x the limit inside
        for _ in range(20 * limit // (1 << 20)):
            handle.write(b"a" * (1 << 20))
    problem = single_problem(read(path, tmp_path), "E002", path)
    assert "bomb" in problem.reason


def test_xml_entity_expansion_in_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "laughs.rss"
    path.write_bytes((HERE / "billion_laughs.rss").read_bytes())
    result = read(path, tmp_path)
    # The entities are never expanded (feedparser's sanitiser leaves them out); the rest of the item is read.
    assert all("lol" * 100 not in text and len(text) < 1000 for text in result.texts)
    assert all(p.source.startswith(str(path)) for p in result.problems)


def test_html_nested_ten_thousand_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 10_000 + GOOD.replace("Gao", "Kidal") + "</div>" * 10_000
                    + "</body></html>", encoding="utf-8")
    result = read(path, tmp_path)
    # Either the text comes out or the page is refused with a code; never a crash.
    assert result.texts or [p.code for p in result.problems] == ["E009"]


def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_bytes(b"word " * 2_000_000)
    single_problem(read(path, tmp_path), "E007", path)


def test_ten_megabyte_json_line_among_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"text": "The first report: a bridge opened in the capital on Monday."}\n')
        handle.write('{"text": "' + "word " * 2_000_000 + '"}\n')
        handle.write('{"text": "The third report: floods closed two schools in the north."}\n')
    result = read(path, tmp_path)
    assert [(p.code, p.source) for p in result.problems] == [("E007", f"{path}:2")]
    assert len(result.texts) == 2


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(GOOD.encode() + b"\x00\x00" + GOOD.encode())
    single_problem(read(path, tmp_path), "E002", path)


def test_mixed_encodings(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Caf\u00e9 in Bamako: ".encode() + "na\u00efve r\u00e9sum\u00e9".encode("cp1252") + GOOD.encode())
    single_problem(read(path, tmp_path), "E004", path)


def test_right_to_left_and_zero_width_characters_are_read(tmp_path: Path) -> None:
    path = tmp_path / "rtl.txt"
    text = "\u202eSoldiers\u200b clashed\u200d with\u2066 armed\u2069 men near Gao on Tuesday, the army said.\ufeff"
    path.write_text(text, encoding="utf-8")
    result = read(path, tmp_path)
    assert result.problems == [] and len(result.texts) == 1


def test_csv_with_a_million_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("text," + ",".join(f"c{i}" for i in range(1_000_000)) + "\n")
        handle.write('"A bridge opened in the capital on Monday."' + "," * 1_000_000 + "\n")
    problem = single_problem(read(path, tmp_path), "E005", path)
    assert "columns" in problem.reason


@pytest.mark.parametrize("name", sorted(p.name for p in HERE.iterdir() if p.suffix != ".md"))
def test_committed_cases_never_crash(name: str, tmp_path: Path) -> None:
    result = read(HERE / name, tmp_path)
    assert all(p.code.startswith("E0") for p in result.problems)
