"""REFI-QDA codebook exchange (``.qdc``): one codebook, alone.

Export: ``<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>`` with the codebook's code tree
(see :mod:`.codetree`; the codebook itself has no element in a ``.qdc``, so its name comes
from the file name on import). Import: any ``urn:QDA-XML:codebook:*`` namespace (ATLAS.ti
writes ``…:0:4``), the project namespace, or none; a ``CodeBook`` root, or a whole
``Project`` whose ``CodeBook`` is taken. The codes become a new codebook named after the file
(or ``name``); a codebook with the same key or name is a :class:`DuplicateName`.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.codes import list_codes, slug
from app.coding.errors import CodebookInvalid, DuplicateName, InvalidValue
from app.coding.refiqda.codetree import code_elements, insert_codes, read_codes
from app.coding.refiqda.common import CODEBOOK_NS, child, local
from app.coding.refiqda.safety import ArchiveRefused, parse_xml
from app.models.schema import Codebook

MAX_QDC_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class QdcExported:
    path: Path
    codebook_key: str
    codes: int


@dataclass(frozen=True)
class QdcImported:
    codebook_id: int
    codebook_key: str
    name: str
    codes: int

    @property
    def changes(self) -> Changes:
        """For the change stream: a codebook with new codes is in the code tree."""
        return Changes.of_codes()


def export_qdc(
    session: Session, *, codebook_key: str, path: Path, language: str = "id"
) -> QdcExported:
    """Write codebook ``codebook_key`` to ``path`` (complete or not at all)."""
    if language not in ("id", "en"):
        raise InvalidValue("language", language, "expected id or en")
    codes = list_codes(session, codebook_key=codebook_key)
    if not codes:
        raise InvalidValue("codebook", codebook_key, "has no codes")
    root = Element("CodeBook", {"xmlns": CODEBOOK_NS})
    code_elements(SubElement(root, "Codes"), codes, language)
    data = tostring(root, encoding="utf-8", xml_declaration=True)
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=".telaah-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return QdcExported(path, codebook_key, len(codes))


def _codes_element(path: Path, root: Element) -> Element:
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if namespace and not namespace.startswith("urn:QDA-XML:"):
        raise CodebookInvalid(path, "CodeBook", f"unknown namespace {namespace}")
    book = root
    if local(root.tag) == "Project":
        found = child(root, "CodeBook")
        if found is None:
            raise CodebookInvalid(path, "Project", "holds no CodeBook")
        book = found
    elif local(root.tag) != "CodeBook":
        raise CodebookInvalid(path, local(root.tag), "not a REFI-QDA codebook")
    codes = child(book, "Codes")
    if codes is None or child(codes, "Code") is None:
        raise CodebookInvalid(path, "CodeBook/Codes", "a codebook needs at least one code")
    return codes


def import_qdc(session: Session, *, path: Path, name: str | None = None) -> QdcImported:
    """Add the codebook in the ``.qdc`` at ``path`` as a new codebook, committed.

    Raises :class:`ArchiveRefused` for hostile XML (DTD, entities), :class:`CodebookInvalid`
    for a file that is not a codebook, :class:`DuplicateName` when the project already has a
    codebook with this key or name."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_QDC_BYTES:
            raise ArchiveRefused(path, "too-large", f"{size} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise CodebookInvalid(path, "file", exc.strerror or str(exc)) from exc
    codes = read_codes(_codes_element(path, parse_xml(path, data)))
    title = " ".join((name or path.stem).split())[:255]
    if not title:
        raise InvalidValue("codebook", title, "empty name")
    key = slug(title)
    clash = session.scalar(
        select(Codebook.key).where(
            or_(
                Codebook.key == key,
                func.lower(Codebook.name_id) == title.lower(),
                func.lower(Codebook.name_en) == title.lower(),
            )
        )
    )
    if clash is not None:
        raise DuplicateName("codebook", title)
    last = session.scalar(select(func.max(Codebook.sort_order)))
    ids: dict[str, int] = {}
    try:
        book = Codebook(key=key, name_id=title, name_en=title, origin="refi-qda",
                        sort_order=0 if last is None else last + 1)  # fmt: skip
        session.add(book)
        session.flush()
        insert_codes(session, codebook_id=book.id, book_key=key, codes=codes, ids=ids)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    total = sum(len(code.walk()) for code in codes)
    return QdcImported(book.id, key, title, total)
