from sitrep.evaluation.report import flatten, format_all, format_report

SCORES = {"all": {"n": 2, "micro_f1": 0.5}, "per_label": {"A": {"p": 1.0, "r": 0.5, "f1": 0.667, "support": 2}}}


def test_flatten_uses_dotted_keys_and_leaves_out_per_label() -> None:
    assert flatten(SCORES) == {"all.n": 2, "all.micro_f1": 0.5}


def test_reports_show_every_figure() -> None:
    text = format_report("case2021", SCORES)
    assert "all.micro_f1" in text and "0.500" in text and "support" in text
    table = format_all({"case2021": SCORES, "geo": {"lgl": {"median_km": 1234.5}}})
    assert "geo" in table and "lgl.median_km" in table and "1234.5" in table
    assert "support" not in table
