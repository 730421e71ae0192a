"""Selections snap to whole words."""

from __future__ import annotations

import pytest

from app.coding.words import snap_to_words

TEXT = "Informan: Awalnya dr. Yohana mengajak ibu-ibu 🌊 berkumpul. Lalu bersama warga Jum'at."


def _snap(part: str, *, offset: int = 0) -> str:
    start = TEXT.index(part) + offset
    a, b = snap_to_words(TEXT, start, start + len(part))
    return TEXT[a:b]


@pytest.mark.parametrize(
    ("selected", "coded"),
    [
        ("walnya dr", "Awalnya dr"),
        ("Lalu b", "Lalu bersama"),
        ("alu bersama w", "Lalu bersama warga"),
        (" Yohana ", "Yohana"),
        ("bu-i", "ibu-ibu"),
        ("um'", "Jum'at"),
        ("berkumpul.", "berkumpul."),  # punctuation at the edge stays as selected
        ("🌊 berk", "🌊 berkumpul"),
        ("Awalnya", "Awalnya"),
    ],
)
def test_half_words_at_the_edges_become_whole_words(selected: str, coded: str) -> None:
    assert _snap(selected) == coded


def test_offsets_are_code_points_and_blank_selections_stay() -> None:
    start = TEXT.index("🌊")
    assert snap_to_words(TEXT, start, start + 1) == (start, start + 1)
    space = TEXT.index(" ")
    assert snap_to_words(TEXT, space, space + 1) == (space, space + 1)
    assert snap_to_words(TEXT, 5, 5) == (5, 5)
    assert snap_to_words(TEXT, 12, 11) == snap_to_words(TEXT, 11, 12)
    assert snap_to_words(TEXT, 0, len(TEXT) + 5) == (0, len(TEXT))
