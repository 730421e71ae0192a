"""Word documents (.docx) through python-docx.

The body is read in document order: each paragraph is a paragraph; each table is one
paragraph whose lines are its rows (non-empty cells joined by ``" | "``). Soft line breaks
(``<w:br/>``, ``<w:cr/>``, and page or column breaks inside a paragraph) stay line breaks.
Headers, footers, footnotes, comments, text boxes, deleted text of tracked changes and
field instructions are left out; the visible result of a field is kept.

python-docx opens the package (its content types and relationships) and hands over the main
document part, which is parsed with python-docx's parser settings (``resolve_entities=False``,
blank text removed) and read as an XML tree directly. Styles, numbering, themes and the
other parts are neither unpacked nor parsed: in a typical transcript they are most of the
XML, and no text comes from them (so damage confined to them no longer stops an import).
The container is still checked first (zip caps, member names, no DTD or entity
declarations in any XML part), see :mod:`app.coding.importing.safety`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TARGET_MODE, RELATIONSHIP_TYPE
from docx.opc.oxml import parse_xml as parse_opc_xml
from docx.opc.packuri import PACKAGE_URI, PackURI
from docx.opc.phys_pkg import PhysPkgReader
from lxml import etree

from app.coding.errors import UnsupportedFile
from app.coding.importing import safety
from app.coding.importing.base import table_paragraph
from app.coding.progress import Progress, check

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
# Wrappers whose children count as if they stood in place of the wrapper.
_BLOCK_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
# Inline containers whose runs are visible text.
_INLINE_CONTAINERS = frozenset(
    {
        f"{_W}r",
        f"{_W}hyperlink",
        f"{_W}ins",
        f"{_W}moveTo",
        f"{_W}smartTag",
        f"{_W}fldSimple",
        f"{_W}sdt",
        f"{_W}sdtContent",
        f"{_W}customXml",
        f"{_W}bdo",
        f"{_W}dir",
    }
)
_CHARACTERS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}
_T = f"{_W}t"
#: The settings of python-docx's own parser (``docx.oxml.parser``), without its element
#: classes: the same tree, read as plain elements.
#: python-docx's reader of the physical package (untyped there: it returns its zip reader).
_PACKAGE_READER: Any = PhysPkgReader
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def read_docx(
    path: Path, data: bytes, *, max_uncompressed: int, progress: Progress | None = None
) -> list[str]:
    """Raw paragraphs of a .docx file (see the module doc); checks ``progress`` (Cancel,
    the time budget) every thousand paragraphs."""
    with safety.open_zip(path, data, max_uncompressed=max_uncompressed) as archive:
        safety.check_zip_xml_parts(path, archive)
        body = _main_document(path, data, archive).find(f"{_W}body")
    if body is None:
        return []
    paragraphs: list[str] = []
    for number, block in enumerate(_blocks(body)):
        if progress is not None and number % 1000 == 999:
            check(progress)
        paragraphs.append(block)
    return paragraphs


def _main_document(path: Path, data: bytes, archive: zipfile.ZipFile) -> Any:
    """The root element of the package's main document part (``w:document``).

    As ``docx.Document`` does, the part is the target of the package's ``officeDocument``
    relationship and must be a Word document (not a template, macro file or spreadsheet).
    Every part parsed here is first checked for its unpacked size (``too-large``).
    """
    for name in ("[Content_Types].xml", "_rels/.rels"):
        safety.check_part_size(path, archive, name)
    package = _PACKAGE_READER(io.BytesIO(data))
    try:
        rels_xml = package.rels_xml_for(PACKAGE_URI)
        rels = [] if rels_xml is None else parse_opc_xml(rels_xml).Relationship_lst
        target = next(
            (
                rel.target_ref
                for rel in rels
                if rel.reltype == RELATIONSHIP_TYPE.OFFICE_DOCUMENT
                and rel.target_mode == RELATIONSHIP_TARGET_MODE.INTERNAL
            ),
            None,
        )
        if target is None:
            raise UnsupportedFile(path, "corrupt", "no main document part")
        partname = PackURI.from_rel_ref(PACKAGE_URI.baseURI, target)
        content_type = _content_type(parse_opc_xml(package.content_types_xml), partname)
        if content_type != CONTENT_TYPE.WML_DOCUMENT_MAIN:
            raise UnsupportedFile(path, "corrupt", f"not a Word file: {content_type}")
        safety.check_part_size(path, archive, partname.membername)
        return etree.fromstring(package.blob_for(partname), _PARSER)
    finally:
        package.close()


def _content_type(types: Any, partname: PackURI) -> str | None:
    """The content type ``[Content_Types].xml`` gives the part (names compared as OPC
    does, case-insensitively): its override, else the default for its extension."""
    for override in types.overrides:
        if override.partname.lower() == partname.lower():
            return str(override.content_type)
    for default in types.defaults:
        if default.extension.lower() == partname.ext.lower():
            return str(default.content_type)
    return None


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Direct children with ``tag``, looking through content-control wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)


def _blocks(container: Any) -> Iterator[str]:
    for child in container:
        tag = child.tag
        if tag == _P:
            yield _paragraph_text(child)
        elif tag == _TBL:
            yield _table_text(child)
        elif tag in _BLOCK_WRAPPERS:
            yield from _blocks(child)


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    _inline(paragraph, parts)
    return "".join(parts)


def _inline(element: Any, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _INLINE_CONTAINERS:  # first: runs are far more common than breaks
            _inline(child, parts)
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])


def _table_text(table: Any) -> str:
    return table_paragraph(
        (" ".join(_blocks(cell)) for cell in _children(row, _TC)) for row in _children(table, _TR)
    )


def read(
    path: Path, data: bytes, *, progress: Progress, max_uncompressed: int
) -> tuple[list[str], str | None]:
    """The reader of :mod:`.formats`: paragraphs, no text encoding."""
    return read_docx(path, data, max_uncompressed=max_uncompressed, progress=progress), None
