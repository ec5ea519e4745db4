

def test_a_gold_city_with_its_neighbourhood_is_either() -> None:
    from sitrep.evaluation.incident_fields import city_matches, city_names
    from sitrep.model import Place

    assert city_names("Chicago (Englewood)") == ["Chicago", "Englewood"]
    assert city_names("Memphis") == ["Memphis"]
    for name in ("Chicago", "Englewood", "West Englewood"):
        assert city_matches(Place(name=name, admin1="Illinois"), "Chicago (Englewood)", None)
    assert not city_matches(Place(name="Evanston", admin1="Illinois"), "Chicago (Englewood)", None)
