"""One UTF-16 ↔ code-point converter for the transcript view and REFI-QDA, checked against
a brute-force count over a text with emoji, an astral CJK character and a Windows break."""

from __future__ import annotations

from app.coding.offsets import OffsetMap, utf16_len
from app.coding.refiqda.positions import Utf16Map
from app.ui.offsets import OffsetMap as UiOffsetMap

TEXT = "Kami 🌾 panen\r\nbersama 𠀋 warga 👩🏽‍🌾 desa."


def _reference() -> tuple[list[int], dict[int, int]]:
    """UTF-16 offset of every code point, and the code point of every off-pair offset."""
    units, where = [], {}
    u = 0
    for i, ch in enumerate(TEXT):
        units.append(u)
        where[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    units.append(u)
    where[u] = len(TEXT)
    return units, where


def test_the_view_and_refiqda_use_the_same_converter() -> None:
    assert UiOffsetMap is OffsetMap and issubclass(Utf16Map, OffsetMap)


def test_both_agree_with_the_reference_and_differ_only_inside_a_pair() -> None:
    units, where = _reference()
    view, qdpx = OffsetMap(TEXT), Utf16Map(TEXT)
    assert view.utf16_length == utf16_len(TEXT) == units[-1] == len(TEXT.encode("utf-16-le")) // 2
    for cp, u in enumerate(units):
        assert view.to_utf16(cp) == qdpx.to_units(cp) == u
    inside = 0
    for u in range(units[-1] + 1):
        if u in where:
            assert view.to_cp(u) == qdpx.to_index(u) == where[u]
        else:  # the low surrogate of the character that starts one unit earlier
            inside += 1
            start = where[u - 1]
            assert view.to_cp(u) == start  # the view's cursor: start of the character
            assert qdpx.to_index(u) == start + 1  # a REFI-QDA coding keeps the character
    assert inside == 5  # 🌾, 𠀋, 👩, 🏽 (the skin tone), 🌾
    assert qdpx.to_index(-5) == 0 and qdpx.to_index(10_000) == len(TEXT)
