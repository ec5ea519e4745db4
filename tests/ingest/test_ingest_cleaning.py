from sitrep.ingest.cleaning import furniture_lines, report_text

PAGE = """Posted: Mar 3, 2020 5:14 PM
By Jane Roe
FILE - A police officer stands outside a shop in a file photo.
Two men were wounded in a shooting on Main Street on Tuesday night, police said.
Please enable JavaScript to watch this video
Sign up for our daily newsletter.
By the time officers arrived, the gunman had fled.
Related Stories
Man charged in robbery
Fire guts warehouse
The victims were taken to hospital and are expected to survive, officials said on Wednesday.
Copyright 2020 Example Broadcasting. All rights reserved."""


def test_furniture_is_blanked_and_offsets_kept() -> None:
    cleaned = report_text(PAGE)
    assert len(cleaned) == len(PAGE) and cleaned.count("\n") == PAGE.count("\n")
    kept = [line for line in cleaned.split("\n") if line.strip(" .")]
    assert kept == ["Two men were wounded in a shooting on Main Street on Tuesday night, police said.",
                    "By the time officers arrived, the gunman had fled.",
                    "The victims were taken to hospital and are expected to survive, officials said on Wednesday."]
    start = cleaned.index("Two men")
    assert PAGE[start:start + 7] == "Two men"


def test_kinds_are_named() -> None:
    kinds = {kind for _, _, kind in furniture_lines(PAGE)}
    assert {"byline", "caption", "player", "prompt", "related", "copyright"} <= kinds


def test_a_report_without_furniture_is_unchanged() -> None:
    text = "Gunmen attacked a checkpoint on Sunday.\n\nThe attack killed three soldiers."
    assert report_text(text) == text
