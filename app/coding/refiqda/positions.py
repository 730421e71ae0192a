"""Offsets between REFI-QDA files and Telaah documents.

Telaah stores code points into the normalised document text (see
:mod:`app.coding.importing.base`). REFI-QDA tools count ``startPosition``/``endPosition`` in
UTF-16 code units over the source text exactly as it is stored in the archive (a Windows line
break counts 2, an emoji 2, a byte-order mark nothing). Import therefore goes
UTF-16 units → code points of the raw text → code points of the normalised text, and export
goes code points → UTF-16 units (Telaah writes its sources already normalised, so no second
step is needed there).

:func:`normalise` builds exactly the text the plain-text importer would build from the same
file, and remembers for every character where it came from, so that a selection made over
the raw text lands on the same words of the normalised one.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

# The importer's own translation table: sharing it keeps imported sources identical to
# what importing the same text file would store (a test checks that they agree).
from app.coding.importing.base import _CONTROL_MAP, PARAGRAPH_SEPARATOR
from app.coding.offsets import OffsetMap

_BLANK_LINE = re.compile(r"\n(?:[^\S\n]*\n)+")
_SURROGATE_LO, _SURROGATE_HI = 0xD800, 0xDFFF


class Utf16Map(OffsetMap):
    """The one converter (:mod:`app.coding.offsets`) with REFI-QDA's names and rounding: an
    offset between the two halves of a surrogate pair moves to the end of that character,
    and offsets outside the text are clamped to it."""

    def to_units(self, index: int) -> int:
        """UTF-16 offset of code-point offset ``index``."""
        return self.to_utf16(index)

    def to_index(self, units: int) -> int:
        """Code-point offset of UTF-16 offset ``units`` (inside a pair: after it)."""
        return max(0, min(self.to_cp(units, inside_pair="up"), self.length))


@dataclass(frozen=True)
class Normalised:
    """The normalised text, its paragraphs, and where each of its characters came from."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    origin: tuple[int, ...]

    def to_text(self, raw_index: int) -> int:
        """The offset in :attr:`text` corresponding to code-point offset ``raw_index`` of the
        raw text: characters dropped by normalisation (CR of CRLF, stripped spaces) move a
        start forward to the next kept character and an end back after the last one."""
        return bisect_left(self.origin, raw_index)


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: list[int] = []

    def add(self, chars: str, origin: int) -> None:
        for ch in chars:
            self.chars.append(ch)
            self.origin.append(origin)

    def separator(self, sep: str) -> None:
        after = self.origin[-1] + 1 if self.origin else 0
        self.add(sep, after)


def _unify_breaks(raw: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    last = len(raw) - 1
    for i, ch in enumerate(raw):
        if ch == "\r":
            if i < last and raw[i + 1] == "\n":
                continue
            ch = "\n"
        chars.append(ch)
        origin.append(i)
    return "".join(chars), origin


def _raw_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the importer's raw paragraphs (blocks between blank lines, else lines)."""
    lo = len(text) - len(text.lstrip())
    hi = len(text.rstrip())
    if lo >= hi:
        return []
    body = text[lo:hi]
    splitter = _BLANK_LINE if _BLANK_LINE.search(body) else re.compile("\n")
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in splitter.finditer(body):
        spans.append((lo + pos, lo + match.start()))
        pos = match.end()
    spans.append((lo + pos, hi))
    return spans


def _translate(text: str, origin: list[int], start: int, end: int) -> tuple[str, list[int]]:
    chars: list[str] = []
    where: list[int] = []
    for i in range(start, end):
        code = ord(text[i])
        if _SURROGATE_LO <= code <= _SURROGATE_HI:
            continue
        mapped = _CONTROL_MAP.get(code, text[i])
        if mapped:
            chars.append(mapped)
            where.append(origin[i])
    return "".join(chars), where


def _nfc(builder: _Builder, line: str, where: list[int], offset: int) -> None:
    """Append ``line`` in NFC; a base character and its combining marks map to the base."""
    if unicodedata.is_normalized("NFC", line):
        for k, ch in enumerate(line):
            builder.add(ch, where[offset + k])
        return
    start = 0
    for k in range(1, len(line) + 1):
        if k == len(line) or unicodedata.combining(line[k]) == 0:
            builder.add(unicodedata.normalize("NFC", line[start:k]), where[offset + start])
            start = k


def _clean(builder: _Builder, text: str, where: list[int]) -> None:
    """The importer's ``clean_paragraph`` with origins, each piece a paragraph."""
    pos = 0
    for chunk in text.split("\f"):
        lines: list[tuple[int, str]] = []
        line_pos = pos
        for line in chunk.split("\n"):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                lines.append((line_pos + lead, stripped))
            line_pos += len(line) + 1
        pos += len(chunk) + 1
        if not lines:
            continue
        if builder.chars:
            builder.separator(PARAGRAPH_SEPARATOR)
        for n, (offset, line) in enumerate(lines):
            if n:
                builder.separator("\n")
            _nfc(builder, line, where, offset)


def normalise(raw: str) -> Normalised:
    """The text the plain-text importer stores for ``raw`` (BOM already removed), with the
    raw code-point offset every character came from."""
    text, origin = _unify_breaks(raw)
    builder = _Builder()
    for start, end in _raw_paragraphs(text):
        translated, where = _translate(text, origin, start, end)
        _clean(builder, translated, where)
    out = "".join(builder.chars)
    return Normalised(out, _paragraph_spans(out), tuple(builder.origin))


def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    pos = 0
    if not text:
        return ()
    for part in text.split(PARAGRAPH_SEPARATOR):
        spans.append((pos, pos + len(part)))
        pos += len(part) + len(PARAGRAPH_SEPARATOR)
    return tuple(spans)
