"""Writers of hand-made REFI-QDA files in the shapes other tools produce (tests only)."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

#: The official QDA-XML 1.0 project schema (MIT licence), copied unchanged.
SCHEMA_PATH = Path(__file__).with_name("Project-mrt2019.xsd")


def schema_path() -> Path:
    return SCHEMA_PATH


def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path())))


def codebook_schema() -> etree.XMLSchema:
    """The codebook part of the project schema, in the codebook namespace, with ``CodeBook``
    as root (no clean official Codebook.xsd circulates)."""
    text = schema_path().read_text(encoding="utf-8")
    text = text.replace("urn:QDA-XML:project:1.0", "urn:QDA-XML:codebook:1.0")
    text = text.replace(
        '<xsd:element name="Project" type="ProjectType">',
        '<xsd:element name="CodeBook" type="CodeBookType"/>\n'
        '<xsd:element name="Project" type="ProjectType">',
    )
    return etree.XMLSchema(etree.fromstring(text.encode("utf-8")))


def write_qdpx(
    path: Path,
    qde: str | bytes,
    files: Mapping[str, bytes] | None = None,
    *,
    qde_name: str = "project.qde",
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A .qdpx holding ``qde`` under ``qde_name`` and ``files`` (archive name → bytes)."""
    data = qde.encode("utf-8") if isinstance(qde, str) else qde
    with zipfile.ZipFile(path, "w", compression) as archive:
        archive.writestr(qde_name, data)
        for name, content in (files or {}).items():
            archive.writestr(name, content)
    return path


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (how NVivo counts positions)."""
    return len(text.encode("utf-16-le")) // 2


def units(text: str, needle: str) -> tuple[int, int]:
    """UTF-16 start/end of the first ``needle`` in ``text``."""
    index = text.index(needle)
    return utf16_len(text[:index]), utf16_len(text[: index + len(needle)])
