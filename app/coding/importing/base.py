"""The common shape of extracted text and the normalisation every format goes through.

The stored text of a document is built here, once, and never changes afterwards:

* paragraphs are separated by exactly one blank line (``"\\n\\n"``); a line break inside a
  paragraph (a soft break in Word, a single newline in a text file) is one ``"\\n"``;
* a paragraph never starts or ends with white space and never holds an empty line, so
  ``text.split("\\n\\n")`` gives back exactly the paragraphs;
* no control characters other than ``"\\n"`` and ``"\\t"``; no byte-order marks; NFC.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from app.coding.importing.spans import Spans
from app.coding.importing.speakers import Turn, find_turns

PARAGRAPH_SEPARATOR = "\n\n"

# Line breaks of other conventions become "\n"; page and paragraph separators become a
# form feed, which ends a paragraph. Every other control character (and BOMs) is dropped.
_CONTROL_MAP: dict[int, str | None] = {
    code: None for code in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]
}
_CONTROL_MAP.update(
    {
        0x0B: "\n",  # vertical tab: Word's manual line break in plain-text exports
        0x0D: "\n",
        0x85: "\n",
        0x2028: "\n",
        0x0C: "\f",
        0x2029: "\f",
        0xFEFF: None,
    }
)


def _changing_pattern() -> re.Pattern[str]:
    """Every character the map changes, and lone surrogates, each with an optional "\\n"
    after it (so that "\\r\\n" is one match). Written as the complement of the characters
    that stay: a negated class of a few ranges is scanned several times faster by ``re``
    than the class of the characters themselves, and nearly all text is characters that
    stay."""
    changing = sorted(
        [c for c, to in _CONTROL_MAP.items() if to != chr(c)] + list(range(0xD800, 0xE000))
    )
    stays: list[str] = []
    start = 0
    for code in [*changing, 0x110000]:
        if code > start:  # the characters start..code-1 stay
            last = code - 1
            stays.append(
                re.escape(chr(start)) + ("" if last == start else f"-{re.escape(chr(last))}")
            )
        start = code + 1
    return re.compile("[^" + "".join(stays) + "]\n?")


_CHANGING = _changing_pattern()
_CHUNK = re.compile("[^\f]+")
#: The ASCII characters the map changes (all the others it changes are beyond ASCII).
_ASCII_CHANGING = bytes(c for c, to in _CONTROL_MAP.items() if c < 0x80 and to != chr(c))
_SLICE = 1 << 20


def _changes_anything(raw: str) -> bool:
    """Whether :data:`_CHANGING` would change ``raw``. Text that is all ASCII, as Indonesian
    transcripts typed without curly quotes are, is checked as bytes, a slice at a time: a
    byte translation finds the few control characters several times faster than the
    pattern scans for them, and most texts have none."""
    if not raw.isascii():  # known without a scan
        return True
    for at in range(0, len(raw), _SLICE):
        data = raw[at : at + _SLICE].encode("ascii")
        if len(data.translate(None, _ASCII_CHANGING)) != len(data):
            return True
    return False


def _replacement(match: re.Match[str]) -> str:
    found = match[0]
    if found == "\r\n":
        return "\n"
    return (_CONTROL_MAP.get(ord(found[0])) or "") + found[1:]


@dataclass(frozen=True)
class Extracted:
    """The text of one file, ready to store.

    ``paragraphs`` and ``turns`` hold code-point offsets into ``text`` (end exclusive):
    ``text[start:end]`` is a paragraph without its separators, or a whole speaker turn with
    its label. ``format`` is ``docx``, ``pdf``, ``txt``, ``md``, ``odt`` or ``rtf``;
    ``encoding`` is the detected encoding of a text file (None for other formats).
    """

    text: str
    format: str
    encoding: str | None
    paragraphs: Sequence[tuple[int, int]]
    turns: tuple[Turn, ...]


def table_paragraph(rows: Iterable[Iterable[str]]) -> str:
    """A table as one raw paragraph: a line per row, non-empty cells joined by ``" | "``.

    Each cell's text is flattened to one line (its paragraphs and breaks become spaces).
    """
    lines = []
    for row in rows:
        cells = [" ".join(cell.split()) for cell in row]
        if any(cells):
            lines.append(" | ".join(cell for cell in cells if cell))
    return "\n".join(lines)


def clean_text(raw: str) -> list[str]:
    """Normalise raw text whose paragraphs end at form feeds (``"\\f"``); a raw paragraph may
    split (page breaks) or vanish (only blanks). Returns the paragraphs."""
    return list(_clean_pieces(raw))


def _clean_pieces(raw: str) -> Iterator[str]:
    if _changes_anything(raw):
        raw = _CHANGING.sub(_replacement, raw)
    for match in _CHUNK.finditer(raw):  # not raw.split: no list of every chunk at once
        chunk = match[0]
        if "\n" in chunk:
            piece = "\n".join(line for line in (ln.strip() for ln in chunk.split("\n")) if line)
        else:  # most paragraphs are one line: the same, without a list of one
            piece = chunk.strip()
        if piece:
            yield unicodedata.normalize("NFC", piece)


def clean_paragraph(raw: str) -> list[str]:
    """Normalise one raw paragraph; it may split (page breaks) or vanish (only blanks)."""
    return clean_text(raw)


def assemble(raw_paragraphs: Iterable[str], *, format: str, encoding: str | None) -> Extracted:
    """Build an :class:`Extracted` from raw paragraphs (normalised here); may be empty.
    A list of raw paragraphs is emptied (consumed), so that they are not held while the
    text is built."""
    # A form feed ends a paragraph, so the raw paragraphs are cleaned as one text: the
    # characters are scanned in one pass rather than one call per paragraph.
    joined = "\f".join(raw_paragraphs)
    if isinstance(raw_paragraphs, list):
        raw_paragraphs.clear()
    paragraphs = clean_text(joined)
    del joined
    spans = Spans()
    flat, pos = spans._flat, 0
    for paragraph in paragraphs:
        flat.append(pos)
        flat.append(pos + len(paragraph))
        pos += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    del paragraphs  # the text holds them now
    return Extracted(text, format, encoding, spans, find_turns(text, spans))
