from pathlib import Path

from sitrep.geo.gazetteer import Gazetteer, create_file
from sitrep.geo.geonames_import import import_file, kind_of
from tests.geo.conftest import write_places


def test_kind_of_reads_file_names() -> None:
    assert kind_of(Path("allCountries.txt")) == "places"
    assert kind_of(Path("AF.txt")) == "places"
    assert kind_of(Path("alternateNamesV2.txt")) == "alternate_names"
    assert kind_of(Path("admin2Codes.txt")) == "admin2_codes"


def test_import_places_alternates_and_admin_codes(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    create_file(db)
    report = import_file(write_places(tmp_path / "XX.txt"), db)
    assert report.places == 21
    (tmp_path / "alternateNamesV2.txt").write_text(
        "1\t9000004\ten\tBazaraq\t\t\t\t\t\t\n2\t9000004\tlink\thttps://x\t\t\t\t\t\t\n3\t9000004\tfa\tبازارک\t\t\t\t\t\t\n",
        encoding="utf-8")
    assert import_file(tmp_path / "alternateNamesV2.txt", db).names == 1
    (tmp_path / "admin1CodesASCII.txt").write_text("AF.42\tPanjshir\tPanjshir\t9000002\n", encoding="utf-8")
    import_file(tmp_path / "admin1CodesASCII.txt", db)
    gaz = Gazetteer(db)
    assert [h.entry.name for h in gaz.lookup("Bazaraq")] == ["Bazarak"]
    panjshir = gaz.admin("AF.42", "admin1")
    assert panjshir is not None and panjshir.lat == 35.33
    assert {h.entry.name for h in gaz.lookup("Athens")} == {"Athens"}
    assert len(gaz.lookup("Athens")) == 2


def test_reimport_replaces_not_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    create_file(db)
    import_file(write_places(tmp_path / "XX.txt"), db)
    import_file(write_places(tmp_path / "XX.txt"), db)
    assert len(Gazetteer(db).lookup("Kabul")) == 1
