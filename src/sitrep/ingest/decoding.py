"""Bytes into text: byte-order marks, UTF-8, then charset-normalizer; binary files are refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from sitrep.ingest.problems import Rejected

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Leading bytes of common binary formats that may hold no NUL byte near their start.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
    b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"\xd0\xcf\x11\xe0",
)

# A well-formed UTF-8 multi-byte sequence: if a file has these *and* invalid bytes, it is
# damaged UTF-8, and a single-byte code page would only turn its letters into mojibake. (In real
# cp1252 text such byte pairs are an uppercase accented letter followed by punctuation: very rare.)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

SNIFF_BYTES = 8192
_CHAOS_TIE = 0.1  # charset-normalizer's "chaos" (mess ratio) runs from 0 to 1


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(head: bytes) -> bool:
    """True for data that is not text: a known binary signature, or NUL bytes without a UTF-16/32 mark."""
    if head.startswith(_BINARY_MAGIC):
        return True
    return b"\x00" in head and bom_encoding(head) not in ("utf-16", "utf-32")


def decode_bytes(data: bytes, source: str) -> str:
    """Text of ``data``; raises :class:`Rejected` (E002 binary, E004 undecodable) naming ``source``."""
    if looks_binary(data[:SNIFF_BYTES]):
        raise Rejected("E002", source, "binary file (not text); skipped")
    announced = bom_encoding(data)
    if announced:
        try:
            return data.decode(announced)
        except UnicodeDecodeError as exc:
            raise _undecodable(source, f"it starts with a {announced} byte-order mark but {exc.reason} "
                                       f"at byte {exc.start}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_other(data, source, exc)


def _decode_other(data: bytes, source: str, error: UnicodeDecodeError) -> str:
    """Text in a legacy encoding (cp1252, latin-1...), if the bytes are not damaged UTF-8."""
    if _UTF8_MULTIBYTE.search(data):
        raise _undecodable(source, f"invalid UTF-8 at byte {error.start} in a file that is otherwise UTF-8")
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise _undecodable(source, f"invalid UTF-8 at byte {error.start} and no other encoding fits")
    # On short texts charset-normalizer often ties Western and Central European code pages; news in
    # English (and French, Spanish...) is far more often Windows-1252, so prefer it on a near tie.
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + _CHAOS_TIE:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break  # bytes cp1252 leaves undefined: trust the detector
    return str(best)


def _undecodable(source: str, detail: str) -> Rejected:
    return Rejected("E004", source, f"text could not be decoded: {detail}; re-save the file as UTF-8")
