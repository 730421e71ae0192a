"""Conversion between the core's offsets (Unicode code points) and Qt's (UTF-16 units).

Every character outside the Basic Multilingual Plane (emoji, some CJK) takes two UTF-16
units in Qt, so each one shifts every later Qt position by one. This module is the only
place that converts; nothing outside ``app/ui`` ever sees a UTF-16 position.
"""

from __future__ import annotations

import re
from bisect import bisect_left

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

    def to_cp(self, u16: int) -> int:
        """Code point of Qt position ``u16``; a position inside a surrogate pair rounds down."""
        # astral characters starting strictly before u16 each took two units
        before = bisect_left(self._astral_u16, u16)
        if before and self._astral_u16[before - 1] + 1 == u16:
            # u16 points at the low surrogate of that character: round down to it
            return self._astral_cp[before - 1]
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
