"""Attribution on our own sentences (spaCy parse, no other stage)."""

from __future__ import annotations

import pytest

from sitrep.claims.attribution import AttributionFinder, _inside_verb_cue
from sitrep.claims.lexicon import lexicon
from sitrep.claims.patterns import speech_verb
from sitrep.model import Article, Attribution
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser

pytestmark = pytest.mark.slow


def find(nlp, text: str) -> list[Attribution]:  # type: ignore[no-untyped-def]
    doc = Parser(nlp)(Document(article=Article.from_text(text)))
    return AttributionFinder().match(doc)


def only(found: list[Attribution]) -> Attribution:
    assert len(found) == 1, [(a.cue.text if a.cue else None, a.content.text) for a in found]
    return found[0]


def test_said_that(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "The provincial governor said that the rebels had withdrawn from the market town."))
    assert a.source is not None and a.source.text == "The provincial governor"
    assert a.cue is not None and a.cue.text == "said"
    assert a.content.text == "that the rebels had withdrawn from the market town"
    assert a.stance == "claimed"


def test_claim_to_have(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "The militia claims to have shot down two helicopters near the river."))
    assert a.source is not None and a.source.text == "The militia"
    assert a.content.text == "to have shot down two helicopters near the river"
    assert a.stance == "claimed" and a.commitment < 0.7


def test_according_to(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "According to the local police chief, four guards were wounded in the raid."))
    assert a.cue is not None and a.cue.text == "According to"
    assert a.source is not None and a.source.text == "the local police chief"
    assert a.content.text == "four guards were wounded in the raid"


def test_direct_quote_before_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "“We will hold the pass until winter,” the commander told reporters."))
    assert a.content.text == "“We will hold the pass until winter,”"
    assert a.stance == "quoted"
    assert a.source is not None and a.source.text == "the commander"


def test_quote_resumes_after_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The road is cut,” she said. “Nobody can reach the clinic.”"
    a = only(find(nlp, text))
    # One extent from the first quote mark to the last: PolNeAR scores the outer extent of split contents.
    assert (a.content.start, a.content.end) == (0, len(text))


def test_quote_over_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The mayor wrote on Twitter: "The water plant is gone.\n\n"We need help from anyone who can give it."'
    a = only(find(nlp, text))
    assert a.cue is not None and a.cue.text.startswith("wrote")
    assert a.content.text.startswith('"The water plant') and a.content.text.endswith('give it."')


def test_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "The ministry denied that its aircraft had struck the village."))
    assert a.stance == "denied"
    assert a.commitment < 0.3


@pytest.mark.parametrize("text", [
    "A magistrate on Friday denied the release of two men charged in the killing of a shopkeeper in Lakeport.",
    "The state board denied parole to the man convicted of the 1998 shooting in Dorrance.",
])
def test_refusing_a_release_or_parole_denies_no_fact(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [a for a in find(nlp, text) if a.stance == "denied"] == []


def test_hedge_adverb(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "The convoy was reportedly ambushed near the border."))
    assert a.stance == "hedged" and a.source is None
    assert a.cue is not None and a.cue.text == "reportedly"


def test_speech_inside_a_quote_is_not_attributed_again(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "“The general said we would be home by May,” the soldier recalled.")
    assert [a.cue.text for a in found if a.cue] == ["recalled"]


def test_pronoun_claimant_resolved(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "Governor Maria Lopez said the dam was safe. She added that repairs would start soon.")
    assert [a.claimant for a in found] == ["Maria Lopez", "Maria Lopez"]


def test_told_reporters_that(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "A police spokesman told reporters that three bombs had been defused."))
    assert a.source is not None and a.source.text == "A police spokesman"
    assert a.content.text == "that three bombs had been defused"


def test_it_was_reported_has_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "It was reported that the bridge had been destroyed overnight.")
    assert found and all(a.source is None for a in found)
    assert any(a.content.text == "that the bridge had been destroyed overnight" for a in found)


def test_colon_opens_a_quote_after_a_paragraph_break(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The commander said:\n\n“We hold every village on the road.”"
    a = only(find(nlp, text))
    assert a.content.text == "“We hold every village on the road.”"


def test_quote_in_the_next_paragraph_is_not_attached(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The valley is ours,” a commander said.\n\nAccording to local officials, no civilians were hurt."
    found = {a.cue.text: a for a in find(nlp, text) if a.cue}
    assert found["According to"].content.text == "no civilians were hurt"


def test_headline_speaker_label(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "Reform plan unveiled\n\nMassoud: We will never surrender the valley.\n\nMore follows.")
    labelled = [a for a in found if a.cue is not None and a.cue.text == ":"]
    assert len(labelled) == 1
    assert labelled[0].source is not None and labelled[0].source.text == "Massoud"
    assert labelled[0].content.text == "We will never surrender the valley"


def test_signed_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Residents told us what they saw.\n“The shelling went on all night.” ― Amina Yusuf\nThe army denied it."
    signed = [a for a in find(nlp, text) if a.cue is not None and a.cue.text == "―"]
    a = only(signed)
    assert a.source is not None and a.source.text == "Amina Yusuf"
    assert a.content.text == "“The shelling went on all night.”"


def test_poll_frames_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "In a new Reuters poll, most residents of the province opposed the curfew.")
    a = only([f for f in found if f.cue is not None and f.cue.text == "In"])
    assert a.source is not None and a.source.text == "a new Reuters poll"
    assert a.content.text == "most residents of the province opposed the curfew"


def test_source_stops_at_a_line_break(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "UPDATES (all times local):\n\n7:25 a.m.\n\nThe governor said the roads would reopen on Monday.")
    sources = [a.source.text for a in found if a.source is not None]
    assert sources == ["The governor"]


def test_it_can_be_a_report(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "The monitoring group published its findings. It said that 40 civilians had been killed.")
    assert any(a.source is not None and a.source.text == "It" for a in found)


def test_attitude_is_a_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "The provincial council is worried that the dam will not hold.")
    a = only([f for f in found if f.cue is not None and f.cue.text == "is worried"])
    assert a.source is not None and a.source.text == "The provincial council"
    assert a.content.text == "that the dam will not hold"


def test_speaker_after_quote_is_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "“The convoy is stuck. Full stop,” said Omar Haddad, a driver."))
    assert a.source is not None and a.source.text.startswith("Omar Haddad")


def test_rest_of_clause_when_no_complement(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "Asked whether the convoy would return, every elder said yes.")
    a = only([f for f in found if f.cue is not None and f.cue.text == "said"])
    assert a.source is not None and a.source.text == "every elder"
    assert a.content.text == "yes"


def test_put_it_and_plain_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "The valley is now “a trap,” as the district chief put it.")
    assert any(a.cue is not None and a.cue.text == "put it" for a in found)
    said = only([a for a in find(nlp, "The spokesman said on Tuesday that the pass was closed.")
                 if a.cue is not None and a.cue.text.startswith("said")])
    assert said.cue is not None and said.cue.text == "said"


def test_headline_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "Haddad: Talks with the rebels will resume next week.\n\nThe mediator spoke in Geneva.")
    a = only([f for f in found if f.cue is not None and f.cue.text == ":"])
    assert a.source is not None and a.source.text == "Haddad"



def test_a_cue_the_model_accepts_needs_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The truce was announced in the capital.")
    announced = next(t for t in doc if t.lower_ == "announced")
    # A lexicon cue with neither speaker nor complement is no reported speech on its own ...
    assert speech_verb(announced, lexicon(), known_cue=False) is None
    # ... but when the cue model reads it as a cue, the rest of its clause stands in for the content.
    found = speech_verb(announced, lexicon(), known_cue=True)
    assert found is not None and found.source is None and found.rest is not None
    assert doc.text[found.rest.start:found.rest.end] == "in the capital"


def test_a_line_label_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "Interview with the mayor.\n\nQ: When will the bridge reopen?\n\nBREAKING: Flood waters rise.")
    assert not [a for a in found if a.cue is not None and a.cue.text == ":"]


def test_speaker_of_a_verb_after_a_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "The governor was wrong in claiming that the dam was safe."))
    assert a.source is not None and a.source.text == "The governor"
    assert a.cue is not None and "claiming" in a.cue.text


def test_the_noun_a_that_clause_describes_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find(nlp, "Several opposition groups that criticised the deal were barred from the talks.")
    criticised = next(a for a in found if a.cue is not None and a.cue.text == "criticised")
    assert criticised.source is not None and criticised.source.text == "Several opposition groups"


def test_generic_you_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("You say the harvest failed, but the markets are full.")
    say = next(t for t in doc if t.lower_ == "say")
    assert speech_verb(say, lexicon(), known_cue=True) is None


def test_a_noun_inside_a_verb_cue_is_no_cue_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministry said in a statement that the convoy had left.")
    said = next(t for t in doc if t.lower_ == "said")
    statement = next(t for t in doc if t.lower_ == "statement")
    assert _inside_verb_cue(statement, {said.i, statement.i})
    assert not _inside_verb_cue(statement, {statement.i})
    a = only(find(nlp, doc.text))
    assert a.cue is not None and a.cue.text.startswith("said")


def test_speaker_after_the_quote_parsed_as_object(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "“The road is closed again,” tweeted another."))
    assert a.source is not None and a.source.text == "another"


def test_an_infinitive_under_an_accepted_verb_is_part_of_its_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministry refused to say whether the convoy had left.")
    refused = next(t for t in doc if t.lower_ == "refused")
    say = next(t for t in doc if t.lower_ == "say")
    assert _inside_verb_cue(say, {refused.i, say.i})
    assert not _inside_verb_cue(refused, {refused.i, say.i})
    doc = nlp("The governor has also said much about the dam.")
    has = next(t for t in doc if t.lower_ == "has")
    said = next(t for t in doc if t.lower_ == "said")
    assert _inside_verb_cue(has, {has.i, said.i})


def test_an_object_noun_is_no_speaker_of_its_participle(nlp) -> None:  # type: ignore[no-untyped-def]
    praising = next(a for a in find(nlp, "The mayor gave a speech praising the volunteers.")
                    if a.cue is not None and a.cue.text == "praising")
    assert praising.source is not None and praising.source.text == "The mayor"


def test_the_subject_of_seem_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ceasefire seems to be holding along the river.")
    seems = next(t for t in doc if t.lower_ == "seems")
    found = speech_verb(seems, lexicon(), known_cue=True)
    assert found is not None and found.source is None
    assert found.content is not None and "holding" in doc.text[found.content.start:found.content.end]


def _speech(nlp, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = speech_verb(next(t for t in doc if t.text == word), lexicon(), known_cue=True)
    assert found is not None
    source = text[found.source.start:found.source.end] if found.source is not None else None
    content = text[found.content.start:found.content.end] if found.content is not None else None
    return source, content


def test_the_object_of_from_after_a_noun_cue_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    source, content = _speech(nlp, "The mayor ignored a warning from the army that the bridge would fall.", "warning")
    assert source == "the army" and content == "that the bridge would fall"
    source, _ = _speech(nlp, "The mayor faced criticism from the opposition over the flooded roads.", "criticism")
    assert source is not None and source.startswith("the opposition")


def test_a_speaker_the_parser_hung_elsewhere_before_a_subjectless_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Four wells were poisoned in the valley, Tomas Reyna, the district engineer, wrote in a report."
    source, _ = _speech(nlp, text, "wrote")
    assert source == "Tomas Reyna, the district engineer,"
    source, content = _speech(nlp, "One farmer, who asked not to be named, said the wells were dry.", "said")
    assert source == "One farmer, who asked not to be named," and content == "the wells were dry"


def test_who_feels_an_experiencer_verb_is_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    source, content = _speech(nlp, "The new curfew angered the market traders.", "angered")
    assert source == "the market traders" and content == "The new curfew"
    source, content = _speech(nlp, "The market traders were angered by the new curfew.", "angered")
    assert source == "The market traders" and content == "the new curfew"


def test_words_of_the_quote_are_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    source, _ = _speech(nlp, '"Bah," wrote a teacher who runs the school newsletter.', "wrote")
    assert source == "a teacher who runs the school newsletter"
    source, _ = _speech(nlp, 'The so-called "Gang of Four" said the deal was dead.', "said")
    assert source == 'The so-called "Gang of Four"'


def test_a_speaker_after_the_quote_parsed_as_a_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will rebuild the bridge," said the mayor, who like many in the town did not want to be named.'
    source, _ = _speech(nlp, text, "said")
    assert source is not None and source.startswith("the mayor")


def test_a_dateline_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    a = only(find(nlp, "KHARTOUM, Sudan - The army said on Saturday that its troops had repelled an attack."))
    assert a.source is not None and a.source.text == "The army"


def test_candidate_indices_are_the_tokens_is_candidate_accepts(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.claims.cue_model import candidate_indices, is_candidate

    lex = lexicon()
    doc = nlp("Officials said: the convoy was hit. According to the mayor, residents believe the claims, "
              "and the army denied it. The statement said that two were hurt, a spokesman added.")
    expected = [t.i for t in doc if is_candidate(t, lex)]
    assert expected and candidate_indices(doc, lex) == expected
    assert candidate_indices(doc, lex) == expected  # again, from the memo


def test_near_sentence_start_is_the_distance_to_the_sentence_start(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.claims.cue_model import _near_sentence_start

    doc = nlp("The mayor said the convoy was hit near the old bridge at dawn. Police said two were hurt. "
              "Residents, who fled the town on Monday, told reporters they had heard gunfire all night.")
    for token in doc:
        for window in (0, 2, 4):
            assert _near_sentence_start(token, window) == (token.i - token.sent.start <= window)
