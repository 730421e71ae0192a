"""Code points (core) versus UTF-16 units (Qt): one emoji shifts every later position."""

from __future__ import annotations

from app.ui.offsets import OffsetMap, utf16_len
from app.ui.workbench.spans import Span, SpanIndex


def test_plain_text_positions_are_identical() -> None:
    m = OffsetMap("Warga Pantai Indah")
    assert [m.to_utf16(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert m.to_cp(7) == 7
    assert not m.has_astral()


def test_one_emoji_shifts_later_positions_by_one() -> None:
    text = "Bu Lurah 😀 bilang: rembuk warga 👍 jalan."
    m = OffsetMap(text)
    emoji = text.index("😀")
    word = text.index("rembuk")
    assert m.to_utf16(emoji) == emoji
    assert m.to_utf16(emoji + 1) == emoji + 2
    assert m.to_utf16(word) == word + 1
    assert m.to_utf16(len(text)) == utf16_len(text) == len(text) + 2
    for cp in range(len(text) + 1):
        assert m.to_cp(m.to_utf16(cp)) == cp
    # a Qt position inside the surrogate pair rounds down to the emoji itself
    assert m.to_cp(emoji + 1) == emoji
    assert m.span_to_cp(*m.span_to_utf16(word, word + 6)) == (word, word + 6)


def test_span_index_cuts_overlaps_into_pieces() -> None:
    index = SpanIndex([Span(1, 10, 0, 50), Span(2, 20, 30, 2000), Span(3, 10, 1500, 1600)])
    assert [s.coding_id for s in index.overlapping(40, 45)] == [1, 2]
    assert [s.coding_id for s in index.at(1550)] == [2, 3]
    assert index.pieces(0, 60) == [(0, 30, (10,)), (30, 50, (10, 20)), (50, 60, (20,))]
    index.remove(2)
    assert index.overlapping(100, 1400) == []
    assert index.code_ids() == {10}
