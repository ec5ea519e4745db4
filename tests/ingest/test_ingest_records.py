import json
from datetime import date

from sitrep.errors import InputProblem
from sitrep.ingest.records import items_from_csv, items_from_json, items_from_jsonl
from sitrep.model import Article

STORY = "Police said two people were wounded when a grenade was thrown into the market."


def test_jsonl_records_carry_their_metadata() -> None:
    line = json.dumps({"id": "n1", "url": "http://x.test/1", "source": "Daily Test",
                       "published": "2022-03-01T08:00:00+02:00", "title": "Grenade", "text": STORY})
    [article] = list(items_from_jsonl(line, "in.jsonl", None))
    assert isinstance(article, Article)
    assert (article.id, article.url, article.outlet, article.title) == ("n1", "http://x.test/1", "Daily Test",
                                                                       "Grenade")
    assert article.published == date(2022, 3, 1)
    assert article.source_path == "in.jsonl:1"


def test_malformed_jsonl_line_is_e005_with_its_line_number_and_the_rest_goes_on() -> None:
    lines = [json.dumps({"text": STORY}), "{not json", "", json.dumps({"text": STORY + " Again."})]
    items = list(items_from_jsonl("\n".join(lines), "in.jsonl", None))
    assert [type(i).__name__ for i in items] == ["Article", "InputProblem", "Article"]
    problem = items[1]
    assert isinstance(problem, InputProblem)
    assert (problem.code, problem.source) == ("E005", "in.jsonl:2")


def test_jsonl_record_without_text_is_e006() -> None:
    [problem] = list(items_from_jsonl('{"title": "only a title"}\n', "in.jsonl", None))
    assert isinstance(problem, InputProblem) and problem.code == "E006" and problem.source == "in.jsonl:1"


def test_jsonl_line_that_is_not_an_object_is_e005() -> None:
    [problem] = list(items_from_jsonl("[1, 2]\n", "in.jsonl", None))
    assert isinstance(problem, InputProblem) and problem.code == "E005"


def test_fallback_published_only_when_the_record_has_none() -> None:
    items = list(items_from_jsonl(json.dumps({"text": STORY}), "in.jsonl", date(2020, 1, 1)))
    assert isinstance(items[0], Article) and items[0].published == date(2020, 1, 1)


def test_json_array_of_records() -> None:
    items = list(items_from_json(json.dumps([{"text": STORY}, {"body": STORY + " More."}]), "in.json", None))
    assert all(isinstance(i, Article) for i in items) and len(items) == 2


def test_csv_rows_with_outlet_and_datetime() -> None:
    text = ('id,url,outlet,published,title,text\n'
            f'c1,http://x.test,Wire,2021-07-07 10:00:00,"A title","{STORY}\nSecond line."\n'
            f'c2,,,,,"{STORY} Two."\n')
    items = list(items_from_csv(text, "in.csv", None))
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "c1" and first.outlet == "Wire" and first.published == date(2021, 7, 7)
    assert first.text.endswith("Second line.")
    assert second.source_path == "in.csv:4"  # the first row spans lines 2-3


def test_csv_without_text_column_is_one_e006_naming_the_columns() -> None:
    [problem] = list(items_from_csv("id,title\n1,a\n2,b\n", "in.csv", None))
    assert isinstance(problem, InputProblem) and problem.code == "E006" and "id, title" in problem.reason


def test_tsv() -> None:
    [article] = list(items_from_csv(f"id\ttext\nt1\t{STORY}\n", "in.tsv", None, delimiter="\t"))
    assert isinstance(article, Article) and article.id == "t1"


def test_csv_field_larger_than_the_csv_module_default() -> None:
    long_text = (STORY + " ") * 3000  # about 240 kB, over csv's 128 KiB default
    [article] = list(items_from_csv(f'text\n"{long_text}"\n', "big.csv", None))
    assert isinstance(article, Article)


def test_jsonl_strings_may_hold_unicode_line_separators() -> None:
    line = json.dumps({"text": f"{STORY}\u2028Second\x85third\x0cfourth"}, ensure_ascii=False)
    [article] = list(items_from_jsonl(line + "\r\n", "in.jsonl", None))
    assert isinstance(article, Article) and article.text.endswith("fourth")


def test_news_api_style_wrapper_with_nested_outlet() -> None:
    document = {"status": "ok", "totalResults": 1, "articles": [
        {"source": {"id": None, "name": "Test Times"}, "title": "T", "publishedAt": "2024-01-02T03:04:05Z",
         "content": STORY}]}
    [article] = list(items_from_json(json.dumps(document), "api.json", None))
    assert isinstance(article, Article)
    assert article.outlet == "Test Times" and article.published == date(2024, 1, 2)


def test_semicolon_csv_is_recognised() -> None:
    [article] = list(items_from_csv(f"id;text\ns1;{STORY}\n", "excel.csv", None))
    assert isinstance(article, Article) and article.id == "s1"
