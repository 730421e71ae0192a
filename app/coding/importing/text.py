"""Plain-text and Markdown files (.txt, .md) in any common encoding.

Decoding, in order: a byte-order mark (UTF-8, UTF-16 and UTF-32, either byte order);
UTF-16 without a mark when every other byte is NUL; strict UTF-8; then a legacy 8-bit
Western encoding (cp1252 when it uses the bytes 0x80–0x9F, else latin-1) — only if
charset-normalizer finds the result coherent *and* every non-ASCII character is plausible
in Latin-script prose (a letter inside a word, or common punctuation). Anything else is
refused with reason ``encoding`` rather than imported garbled: in particular a UTF-8 file
with damaged bytes, and binary data.

Paragraphs are separated by blank lines. A file without any blank line (Word's plain-text
export writes one line per paragraph) gets one paragraph per line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import charset_normalizer

from app.coding.errors import UnsupportedFile
from app.coding.importing import safety
from app.coding.progress import Progress

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_BLANK_LINE = re.compile(r"\n(?:[^\S\n]*\n)+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ODD_SYMBOLS = frozenset("\xa4\xa6\xa8\xaf\xb4\xb8\xac")  # typical of mojibake


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding, or ``UnsupportedFile('encoding')``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if name == "utf-8-sig" else name
            return _strict(path, data[len(bom) :], codec), name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _strict(path, data, utf16), utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _binary(data):
            raise UnsupportedFile(path, "encoding", "binary data")
        return text, "utf-8"
    if _binary(data):
        raise UnsupportedFile(path, "encoding", "binary data")
    if _UTF8_MULTIBYTE.search(data):
        raise UnsupportedFile(path, "encoding", "damaged UTF-8")
    return _legacy(path, data)


def _binary(data: bytes) -> bool:
    """More than a few stray NUL bytes (those are dropped from the text): not a text file."""
    return data.count(0) > max(4, len(data) // 100)


def _strict(path: Path, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnsupportedFile(path, "encoding", f"invalid {codec}: {exc.reason}") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) // 2
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _legacy(path: Path, data: bytes) -> tuple[str, str]:
    name = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise UnsupportedFile(path, "encoding", "not a known encoding") from exc
    guess = charset_normalizer.from_bytes(data, cp_isolation=["cp1252", "latin_1"]).best()
    if guess is None or not _plausible(text):
        raise UnsupportedFile(path, "encoding", "not a known encoding")
    return text, name


def _plausible(text: str) -> bool:
    """Every non-ASCII character is a letter touching an ASCII letter, or common punctuation."""
    for match in _NON_ASCII.finditer(text):
        i, char = match.start(), match.group()
        category = unicodedata.category(char)
        if category[0] == "L":
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if not (_ascii_letter(before) or _ascii_letter(after)):
                return False
        elif category[0] not in "PSNZ" or char in _ODD_SYMBOLS:
            return False
    return True


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def paragraphs(text: str) -> list[str]:
    """Raw paragraphs: blocks between blank lines, or lines if there is no blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _BLANK_LINE.search(text):
        return _BLANK_LINE.split(text)
    return text.split("\n")


def read_text(path: Path, data: bytes) -> tuple[list[str], str]:
    """Raw paragraphs of a .txt/.md file and its encoding: one string whose paragraphs end
    at form feeds (what :func:`~.base.assemble` joins them with), so that a long
    transcript is not held as hundreds of thousands of strings as well."""
    text, encoding = decode(path, data)
    if len(text) > safety.MAX_TEXT_CHARS:
        raise UnsupportedFile(path, "too-large", f"{len(text)} characters of text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _BLANK_LINE.search(text):
        return [_BLANK_LINE.sub("\f", text)], encoding
    return [text.replace("\n", "\f")], encoding


def read(
    path: Path, data: bytes, *, progress: Progress, max_uncompressed: int
) -> tuple[list[str], str | None]:
    """The reader of :mod:`.formats`: paragraphs and the encoding the bytes were in."""
    raw, encoding = read_text(path, data)
    return raw, encoding
