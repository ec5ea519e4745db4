"""The wounded in words the readings missed (issue #9, tenth session): a participle the parser hung as an adverbial
clause ('left six people injured'), a number hung as a modifier of the participle ('left one dead and six injured'),
wounds someone 'had' (spaCy model; invented texts)."""

from __future__ import annotations

import pytest

from tests.quantities.test_wounds import figures

pytestmark = pytest.mark.slow


def test_people_left_injured(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Deputies are looking for two men in a holdup that left five people injured.") == [
        ("injured", 5, False)]


def test_one_dead_and_six_injured_each_with_its_own_number(nlp) -> None:  # type: ignore[no-untyped-def]
    found = figures(nlp, "A week after a fight at Cedar Lake Park left one man dead and four injured, police "
                         "held a news conference.")
    assert ("killed", 1, False) in found and ("injured", 4, False) in found and len(found) == 2


def test_more_injured_after_the_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    # Eleventh session: 'three more injured', the count the subject of a conjoined adjective.
    found = figures(nlp, "A shootout outside a store left one person dead and three more injured.")
    assert ("killed", 1, False) in found and ("injured", 3, False) in found


def test_wounds_someone_had(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A passenger in the van had a gunshot wound to the arm, officers said.") == [
        ("injured", 1, True)]
    assert figures(nlp, "The driver did not have a gunshot wound.") == []
    # A plural pronoun names those counted before; it is no count of its own.
    assert figures(nlp, "They have minor injuries, the sheriff said.") == []


def test_a_shooting_a_photo_or_a_residence_is_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.quantities.casualties import is_people

    doc = nlp("The shooting, the photo, the update, a celebration, his residence, the hospital and the man.")
    words = {t.lower_: t for t in doc if t.pos_ == "NOUN"}
    assert not any(is_people(words[w]) for w in ("shooting", "photo", "update", "celebration", "residence", "hospital"))
    assert is_people(words["man"])


def test_a_gallerys_or_a_notes_number_counts_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    from tests.quantities.test_wounds import extracted

    doc = extracted(nlp, "Image 12 of 40 Neighbours gather. The driver.[15] was killed in the crash.")
    assert [m.quantity.value for m in doc.quantities if m.quantity.kind == "killed"] in ([], [1])
    assert not any(m.quantity.value in (12, 15, 40) for m in doc.quantities)
