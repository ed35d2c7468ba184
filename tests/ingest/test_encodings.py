"""The same essay in any common encoding ingests to the same text."""

from __future__ import annotations

import unicodedata

import opencc
import pytest

from crosstrain.ingest.decode import read_raw
from tests.conftest import SEEDS

VIETNAMESE = (SEEDS / "marketing-vs-sales.txt").read_text(encoding="utf-8")
# Big5 has no code for the Simplified characters the seed carries: use its Traditional form.
CHINESE = opencc.OpenCC("s2t").convert((SEEDS / "digital-marketing-thinking.txt").read_text(encoding="utf-8"))
CHINESE = CHINESE.encode("big5", errors="ignore").decode("big5")

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 writes Vietnamese as base letters plus combining tone marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        tones = "".join(c for c in decomposed if c in _TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def variants(text: str) -> dict[str, bytes]:
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf-16-bom": text.encode("utf-16"),
        "nfd": unicodedata.normalize("NFD", text).encode("utf-8"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
    }


@pytest.mark.parametrize("name", sorted(variants("x")))
def test_vietnamese_variants_decode_identically(tmp_path, name):
    reference = read_raw(SEEDS / "marketing-vs-sales.txt").text
    path = tmp_path / "essay.txt"
    path.write_bytes(variants(VIETNAMESE)[name])
    assert read_raw(path).text == reference


def test_vietnamese_cp1258(tmp_path):
    reference = read_raw(SEEDS / "marketing-vs-sales.txt").text
    path = tmp_path / "essay.txt"
    path.write_bytes(to_cp1258(VIETNAMESE.replace("\u00a0", " ")))
    assert read_raw(path).text == reference


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16"])
def test_chinese_legacy_encodings(tmp_path, encoding):
    reference = tmp_path / "utf8.txt"
    reference.write_text(CHINESE, encoding="utf-8")
    path = tmp_path / "essay.txt"
    path.write_bytes(CHINESE.encode(encoding))
    assert read_raw(path).text == read_raw(reference).text


def test_nbsp_padding_and_trailing_spaces_are_stripped(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_text("Tiêu đề\u00a0\u00a0\n\u00a0\nĐoạn một.   \n", encoding="utf-8")
    assert read_raw(path).text == "Tiêu đề\n\nĐoạn một.\n"
