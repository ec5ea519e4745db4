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


def test_variant_keys_cover_article_and_final_h() -> None:
    from sitrep.geo.text import variant_keys

    assert "hodeida" in variant_keys("hodeidah")
    assert "el hodeidah" in variant_keys("hodeidah")
    assert "raqqa" in variant_keys("al raqqa")
    assert "kabul" not in variant_keys("kabul")
