import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import read_paths
from sitrep.ingest.reading import files_under
from sitrep.settings import Settings

STORY = ("Gunmen on motorbikes attacked a village market in the east of the country on Thursday, killing "
         "seven traders and burning dozens of stalls, the district chief said. The army sent troops to the "
         "area and said it had arrested two suspects in a nearby forest.")
OTHER = ("Thousands of students marched to the parliament on Monday to protest against a rise in tuition "
         "fees, and police used tear gas to disperse them when some of them threw stones at the gates.")
SPANISH = ("Hombres armados atacaron un mercado del pueblo en el este del país el jueves, matando a siete "
           "comerciantes y quemando decenas de puestos, dijo el jefe del distrito. El ejército envió tropas "
           "a la zona y dijo que había detenido a dos sospechosos.")


def _read(paths: list[Path], **settings: object):  # type: ignore[no-untyped-def]
    reading = read_paths(paths, settings=Settings().replace(**settings))
    return reading, list(reading.articles())


def _codes(reading) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {Path(p.source.split(":")[0]).name: p.code for p in reading.problems}


def test_folder_recursively_with_every_format(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(f"date 2023-02-01\n{STORY}")
    (tmp_path / "sub" / "b.jsonl").write_text(json.dumps({"id": "j1", "text": OTHER}) + "\n")
    (tmp_path / "sub" / "deeper" / "c.csv").write_text('id,text\nc1,"Rebels shot down a helicopter."\n')
    (tmp_path / ".hidden.txt").write_text("ignored")
    reading, articles = _read([tmp_path])
    assert [a.source_path for a in articles] == [str(tmp_path / "a.txt"), str(tmp_path / "sub/b.jsonl:1"),
                                                 str(tmp_path / "sub/deeper/c.csv:2")]
    assert articles[0].published == date(2023, 2, 1)
    assert not reading.problems


def test_missing_path_is_e001_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    reading, articles = _read([tmp_path / "gone.txt", tmp_path / "a.txt"])
    assert len(articles) == 1
    [problem] = reading.problems
    assert problem.code == "E001" and problem.source.endswith("gone.txt")


def test_binary_and_empty_files_are_skipped_with_problems(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)))
    (tmp_path / "blob").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    reading, articles = _read([tmp_path])
    assert len(articles) == 1
    assert _codes(reading) == {"photo.jpg": "E002", "blob": "E002", "empty.txt": "E003", "blank.txt": "E003"}


def test_invalid_utf8_is_e004(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(STORY.encode() + "Café".encode() + b"\xc3\x28 \xa0\xa1")
    reading, articles = _read([tmp_path])
    assert not articles and _codes(reading) == {"bad.txt": "E004"}


def test_twenty_megabyte_article_is_e007_with_size_limit_and_setting(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("w") as handle:
        for _ in range(20 * 1024 * 1024 // len(STORY) + 1):
            handle.write(STORY)
    (tmp_path / "small.txt").write_text(OTHER)
    reading, articles = _read([tmp_path])
    assert [Path(a.source_path or "").name for a in articles] == ["small.txt"]
    [problem] = reading.problems
    assert problem.code == "E007" and problem.source.endswith("huge.txt")
    assert "21.0 MB" in problem.reason and "5000000" in problem.reason and "max_article_bytes" in problem.reason


def test_size_limit_applies_to_each_record_and_is_configurable(tmp_path: Path) -> None:
    lines = [json.dumps({"text": STORY}), json.dumps({"text": OTHER})]
    (tmp_path / "in.jsonl").write_text("\n".join(lines))
    reading, articles = _read([tmp_path], max_article_bytes=len(OTHER) + 1)
    assert [a.source_path for a in articles] == [f"{tmp_path}/in.jsonl:2"]
    assert [p.code for p in reading.problems] == ["E007"]


def test_non_english_is_e008_and_not_processed(tmp_path: Path) -> None:
    (tmp_path / "es.txt").write_text(SPANISH)
    (tmp_path / "headline.txt").write_text("Rebels seize Kidal airport")
    reading, articles = _read([tmp_path])
    assert [Path(a.source_path or "").name for a in articles] == ["headline.txt"]
    [problem] = reading.problems
    assert problem.code == "E008" and "not English" in problem.reason and "'es'" in problem.reason


def test_near_duplicates_are_linked_not_yielded(tmp_path: Path) -> None:
    (tmp_path / "1-wire.txt").write_text(STORY)
    (tmp_path / "2-paper.txt").write_text("date 2023-01-01\n" + STORY + " Additional reporting by staff.")
    (tmp_path / "3-same.jsonl").write_text(json.dumps({"id": "x", "text": STORY}))
    (tmp_path / "4-other.txt").write_text(OTHER)
    reading, articles = _read([tmp_path])
    assert [Path(a.source_path or "").name for a in articles] == ["1-wire.txt", "4-other.txt"]
    assert [(Path(d.source).name, d.exact) for d in reading.duplicates] == [("2-paper.txt", False),
                                                                           ("3-same.jsonl:1", True)]
    assert {d.duplicate_of for d in reading.duplicates} == {articles[0].id}
    assert not reading.problems


def test_stdin_is_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(f"date 2022-08-08\n{STORY}".encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stream)
    reading, [article] = _read([Path("-")])
    assert article.source_path == "-" and article.published == date(2022, 8, 8)


def test_html_and_feed_files_by_content(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(f"<!DOCTYPE html><html><body><article><p>{STORY}</p></article></body></html>")
    (tmp_path / "news.xml").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>"
        f"<item><title>T</title><description>{OTHER}</description></item></channel></rss>")
    reading, articles = _read([tmp_path])
    assert [a.text for a in articles] == [OTHER, STORY]
    assert articles[0].outlet == "W"


def test_files_under_sorts_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    assert [p.name for p in files_under(tmp_path)] == ["a.txt", "b.txt"]


def test_gzipped_jsonl_is_read_and_damaged_gzip_is_e002(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "z1", "text": STORY}).encode()))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(OTHER.encode())[:20])
    reading, articles = _read([tmp_path])
    assert [a.id for a in articles] == ["z1"]
    assert _codes(reading) == {"b.txt.gz": "E002"}
