from sitrep.geo.text import is_latin, name_key, skeleton


def test_name_key_folds_punctuation_and_accents() -> None:
    assert name_key("Mazar-i-Sharif") == "mazar i sharif"
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("Ḩeşār") == "hesar"


def test_skeleton_meets_transliteration_variants() -> None:
    assert skeleton("Panjshir") == skeleton("Panjsher")
    assert skeleton("Dasht-e-Rivet") == skeleton("Dasht-e Rewat")
    assert skeleton("Mazar-i-Sharif") == skeleton("Mazar-e Sharif") == skeleton("Mazari Sharif")
    assert skeleton("Kabul") != skeleton("Kandahar")


def test_is_latin() -> None:
    assert is_latin("Bāzārak")
    assert not is_latin("کابل")
