import codecs

import pytest

from sitrep.ingest.decoding import decode_bytes, looks_binary
from sitrep.ingest.problems import Rejected


def test_utf8_with_bom_loses_the_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Café bombed".encode(), "f.txt") == "Café bombed"


def test_utf16_with_bom_is_decoded_not_taken_for_binary() -> None:
    data = "Rebels shelled the port".encode("utf-16")
    assert not looks_binary(data)
    assert decode_bytes(data, "f.txt") == "Rebels shelled the port"


def test_legacy_single_byte_encoding_is_detected() -> None:
    text = "Le café près de la gare a été détruit. Les élèves étaient déjà partis à l'école."
    assert decode_bytes(text.encode("cp1252"), "f.txt") == text


def test_damaged_utf8_is_e004_naming_the_file() -> None:
    data = "Café bombed in the old town, officials said.".encode() + b"\xff\xfe bad"
    with pytest.raises(Rejected) as info:
        decode_bytes(data, "news/broken.txt")
    assert info.value.problem.code == "E004"
    assert info.value.problem.source == "news/broken.txt"
    assert "UTF-8" in info.value.problem.reason


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03abc", b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04xx"])
def test_binary_data_is_e002(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(Rejected) as info:
        decode_bytes(data, "x.bin")
    assert info.value.problem.code == "E002"
