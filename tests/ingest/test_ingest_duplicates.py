from sitrep.ingest.duplicates import DuplicateIndex, jaccard, shingle_hashes
from sitrep.model import Article

STORY = ("Security forces killed six suspected militants in a raid on a hideout on the outskirts of the "
         "city early on Tuesday, a police spokesman said, adding that weapons and explosives were seized. "
         "Two officers were lightly wounded in the exchange of fire, which lasted about an hour, and the "
         "area was sealed off while the search continued into the afternoon.")


def _article(text: str, name: str) -> Article:
    return Article.from_text(text, source_path=name)


def test_syndicated_copy_with_a_new_tail_is_linked() -> None:
    index = DuplicateIndex(threshold=0.8)
    original = _article(STORY, "wire.txt")
    copy = _article(STORY + " (Reporting by A. Writer)", "paper.txt")
    assert index.check(original) is None
    link = index.check(copy)
    assert link is not None
    assert link.duplicate_of == original.id and link.article_id == copy.id and not link.exact
    assert 0.8 <= link.similarity < 1.0


def test_exact_copy_modulo_case_and_spacing_is_exact() -> None:
    index = DuplicateIndex(threshold=0.9)
    index.check(_article(STORY, "a.txt"))
    link = index.check(_article("  " + STORY.upper().replace(" ", "  "), "b.txt"))
    assert link is not None and link.exact and link.similarity == 1.0


def test_different_stories_are_not_linked() -> None:
    index = DuplicateIndex(threshold=0.9)
    index.check(_article(STORY, "a.txt"))
    other = "Protesters marched through the capital on Friday demanding the release of detained journalists."
    assert index.check(_article(other, "b.txt")) is None


def test_threshold_decides() -> None:
    shortened = STORY.rsplit(" and the area", 1)[0]  # about 80% of the shingles survive
    strict, loose = DuplicateIndex(threshold=0.95), DuplicateIndex(threshold=0.7)
    for index in (strict, loose):
        index.check(_article(STORY, "a.txt"))
    assert strict.check(_article(shortened, "b.txt")) is None
    assert loose.check(_article(shortened, "b.txt")) is not None


def test_jaccard_of_shingles() -> None:
    a, b = shingle_hashes("one two three four five six"), shingle_hashes("one two three four five seven")
    assert jaccard(a, a) == 1.0
    assert jaccard(a, b) == 1 / 3  # shingles: {12345, 23456} vs {12345, 23457}
    assert len(shingle_hashes("two words")) == 1
