import pytest

from sitrep.ingest.language import check_english

ENGLISH = ("Armed men attacked a police station in the north of the country on Sunday night, killing three "
           "officers and wounding two others, according to a statement from the interior ministry. The "
           "ministry said the attackers fled into the forest after the army arrived.")
TERSE_ENGLISH = ("Riverside nurses vote to strike. Nurse Ann Lee holds a placard backing the walkout. "
                 "(Photo: Sam Reed / Valley News) Paul Grant, county health board chair, said Tuesday that "
                 "Riverside hospital staff approved the strike.")
FRENCH = ("Des hommes armés ont attaqué un poste de police dans le nord du pays dimanche soir, tuant trois "
          "policiers et en blessant deux autres, selon un communiqué du ministère de l'Intérieur. Les "
          "assaillants ont pris la fuite dans la forêt après l'arrivée de l'armée.")
SPANISH = ("Hombres armados atacaron una estación de policía en el norte del país el domingo por la noche, "
           "matando a tres agentes e hiriendo a otros dos, según un comunicado del ministerio del Interior. "
           "Los atacantes huyeron al bosque tras la llegada del ejército.")
GERMAN = ("Bewaffnete Männer haben am Sonntagabend eine Polizeistation im Norden des Landes angegriffen und "
          "drei Beamte getötet und zwei weitere verletzt, teilte das Innenministerium mit. Die Angreifer "
          "flohen in den Wald, nachdem die Armee eingetroffen war.")
RUSSIAN = "Вооружённые люди напали на полицейский участок на севере страны в воскресенье вечером."


def test_english_news_passes() -> None:
    assert check_english(ENGLISH, 0.1).is_english


def test_terse_english_with_few_function_words_passes() -> None:
    check = check_english(TERSE_ENGLISH, 0.1)
    assert check.english_ratio < 0.2 and check.is_english


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (SPANISH, "es"), (GERMAN, "de")])
def test_other_latin_script_languages_are_refused_and_named(text: str, language: str) -> None:
    check = check_english(text, 0.1)
    assert not check.is_english
    assert check.likely_language == language
    assert "min_english_ratio=0.1" in check.reason(0.1)


def test_other_scripts_are_refused_even_when_short() -> None:
    assert not check_english(RUSSIAN, 0.1).is_english
    assert not check_english("Взрыв в Киеве", 0.1).is_english
    assert "Latin" in check_english(RUSSIAN, 0.1).reason(0.1)


@pytest.mark.parametrize("headline", ["Rebels seize Kidal airport", "Gaza: 12 killed in strike",
                                      "Mali junta expels French envoy", "Coup d'état in Niger", "BREAKING"])
def test_short_headlines_are_not_falsely_refused(headline: str) -> None:
    assert check_english(headline, 0.1).is_english


def test_ratio_zero_turns_the_check_off_for_latin_script() -> None:
    assert check_english(FRENCH, 0.0).is_english
