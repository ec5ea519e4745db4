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


PLAYER_PAGE = """1:48 County fair opens with a parade Pause
0:59 Town council seeks support for a tax measure
1:01
CLOSE Skip in Skip x Embed x Share A clerk was shot during a robbery at a corner store on Friday, police said.
Four shot at cookout Posted: Sunday, June 4, 2017 1:12 PM EDT Updated: Monday, June 5, 2017 9:45 AM EDT Four people were shot at a cookout on Sunday.
Related Coverage Man's long criminal record
Sign in using your station profile
By submitting your registration information, you agree to our Terms of Service and Privacy Policy.
A friend wanted you to see this item from example.com: http://example.com/12345
Advertisement The clerk is expected to survive.
At 6:40 p.m. officers arrived at the store."""


def test_video_lists_player_controls_and_stamps_are_furniture() -> None:
    cleaned = report_text(PLAYER_PAGE)
    assert len(cleaned) == len(PLAYER_PAGE)
    kept = [line.strip(" .") for line in cleaned.split("\n") if line.strip(" .")]
    assert kept == ["A clerk was shot during a robbery at a corner store on Friday, police said",
                    "Four people were shot at a cookout on Sunday",
                    "The clerk is expected to survive",
                    "At 6:40 p.m. officers arrived at the store"]
    # the report after a player's controls keeps its offsets
    start = cleaned.index("A clerk")
    assert PLAYER_PAGE[start:start + 7] == "A clerk"


def test_script_statements_left_in_a_page_are_furniture() -> None:
    page = ("var _adq = _adq || []; _adq.push(['slot']);\n"
            "LAKETON — A man was shot on Elm Street on Friday, police said.\n"
            "window.pageData = {section: 'news'};")
    kinds = [kind for _, _, kind in furniture_lines(page)]
    assert kinds == ["script", "script"]
    kept = [line for line in report_text(page).split("\n") if line.strip(" .")]
    assert kept == ["LAKETON — A man was shot on Elm Street on Friday, police said."]
