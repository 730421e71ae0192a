"""OpenDocument text files (.odt).

``content.xml`` is parsed with defusedxml (no DTD, no entities, no external references).
The body is read in order: ``text:p`` and ``text:h`` (also inside lists and sections) are
paragraphs; a table is one paragraph whose lines are its rows, non-empty cells joined by
``" | "``. Inside a paragraph ``text:s`` gives spaces, ``text:tab`` a tab and
``text:line-break`` a line break; notes, annotations, frames and tracked deletions are left
out. As in ODF, runs of white space in the XML character data count as one space.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from app.coding.errors import UnsupportedFile
from app.coding.importing import safety
from app.coding.importing.base import table_paragraph
from app.coding.progress import Progress

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_PARAGRAPHS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})
_BLOCK_CONTAINERS = frozenset(
    {f"{_TEXT}list", f"{_TEXT}list-item", f"{_TEXT}list-header", f"{_TEXT}section"}
)
_ROW_CONTAINERS = frozenset(
    {f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"}
)
_SKIPPED_INLINE = frozenset(
    {
        f"{_TEXT}note",
        f"{_OFFICE}annotation",
        f"{_TEXT}tracked-changes",
        "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
    }
)
_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_SPACES = re.compile(r"[ \t\r\n]+")


def read_odt(path: Path, data: bytes, *, max_uncompressed: int) -> list[str]:
    """Raw paragraphs of an .odt file (see the module doc)."""
    with safety.open_zip(path, data, max_uncompressed=max_uncompressed) as archive:
        names = set(archive.namelist())
        if "mimetype" in names and archive.read("mimetype").strip() != _MIMETYPE:
            raise UnsupportedFile(path, "unknown-format", "not an OpenDocument text")
        if "META-INF/manifest.xml" in names and (
            b"encryption-data" in archive.read("META-INF/manifest.xml")
        ):
            raise UnsupportedFile(path, "encrypted", "password-protected OpenDocument")
        if "content.xml" not in names:
            raise UnsupportedFile(path, "corrupt", "no content.xml")
        content = archive.read("content.xml")
    try:
        root = cast(
            ET.Element,
            SafeET.fromstring(content, forbid_dtd=True, forbid_entities=True),
        )
    except DefusedXmlException as exc:
        raise UnsupportedFile(path, "unsafe-xml", f"content.xml: {exc}") from exc
    except ET.ParseError as exc:
        raise UnsupportedFile(path, "corrupt", f"content.xml: {exc}") from exc
    text = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if text is None:
        raise UnsupportedFile(path, "unknown-format", "not an OpenDocument text")
    return list(_blocks(text))


def _blocks(container: ET.Element) -> Iterator[str]:
    for child in container:
        if child.tag in _PARAGRAPHS:
            yield _paragraph_text(child)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child)
        elif child.tag == f"{_TABLE}table":
            yield _table_text(child)


def _paragraph_text(paragraph: ET.Element) -> str:
    parts: list[str] = []
    _inline(paragraph, parts)
    return "".join(parts)


def _inline(element: ET.Element, parts: list[str]) -> None:
    if element.text:
        parts.append(_SPACES.sub(" ", element.text))
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * _count(child))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag not in _SKIPPED_INLINE:
            _inline(child, parts)
        if child.tail:
            parts.append(_SPACES.sub(" ", child.tail))


def _count(element: ET.Element) -> int:
    try:
        return max(1, min(int(element.get(f"{_TEXT}c", "1")), 1000))
    except ValueError:
        return 1


def _rows(table: ET.Element) -> Iterator[ET.Element]:
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_CONTAINERS:
            yield from _rows(child)


def _table_text(table: ET.Element) -> str:
    return table_paragraph(
        (" ".join(_blocks(cell)) for cell in row if cell.tag == f"{_TABLE}table-cell")
        for row in _rows(table)
    )


def read(
    path: Path, data: bytes, *, progress: Progress, max_uncompressed: int
) -> tuple[list[str], str | None]:
    """The reader of :mod:`.formats`: paragraphs, no text encoding."""
    return read_odt(path, data, max_uncompressed=max_uncompressed), None
