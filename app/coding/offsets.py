"""Conversion between the core's offsets (Unicode code points) and UTF-16 units.

Every character outside the Basic Multilingual Plane (emoji, some CJK) takes two UTF-16
units, so each one shifts every later UTF-16 position by one. Qt counts in UTF-16 (the
transcript view, through ``app/ui/offsets.py``) and so do REFI-QDA files
(``app/coding/refiqda/positions.py``); both use this one converter. A UTF-16 position
inside a surrogate pair cannot come from Qt's cursor, but can from another program's file:
``inside_pair`` says whether it moves to the start of that character (``"down"``, the
default) or past it (``"up"``, what REFI-QDA import does so that a coding never loses the
half of a character it covers).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Literal

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units in O(log n)."""

    __slots__ = ("_astral_cp", "_astral_u16", "length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        #: code-point indices of astral characters, ascending
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        #: their UTF-16 index (each earlier astral character adds one unit)
        self._astral_u16 = [cp + i for i, cp in enumerate(self._astral_cp)]

    @property
    def utf16_length(self) -> int:
        """Length of the text in UTF-16 units (what Qt counts)."""
        return self.length + len(self._astral_cp)

    def to_utf16(self, cp: int) -> int:
        """Qt position of code point ``cp`` (``cp == length`` maps to the end)."""
        return cp + bisect_left(self._astral_cp, cp)

    def to_cp(self, u16: int, *, inside_pair: Literal["down", "up"] = "down") -> int:
        """Code point of UTF-16 position ``u16``; a position inside a surrogate pair goes to
        the start of that character (``down``) or just after it (``up``)."""
        # astral characters starting strictly before u16 each took two units
        before = bisect_left(self._astral_u16, u16)
        if before and self._astral_u16[before - 1] + 1 == u16:
            # u16 points at the low surrogate of that character
            start = self._astral_cp[before - 1]
            return start if inside_pair == "down" else start + 1
        return u16 - before

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span as a UTF-16 span."""
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 span as a code-point span."""
        return self.to_cp(start), self.to_cp(end)

    def has_astral(self) -> bool:
        """True when the two units differ for some position."""
        return bool(self._astral_cp)


def utf16_len(text: str) -> int:
    """Number of UTF-16 units Qt counts for ``text``."""
    return len(text) + len(_ASTRAL.findall(text))
