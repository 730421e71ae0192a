"""What kind of source each document is, and how quotes cite it.

Every document has a :class:`SourceType` (default ``interview``), a title used in citations
("" means the imported name without its extension, see :func:`citation_title`) and an
optional date. Interviews, observations and focus groups are *primary* data; documents and
news are *secondary* data (:func:`is_secondary`); triangulation tables put each type in a
column of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.errors import InvalidValue, NotFound
from app.coding.limits import MAX_LENGTHS
from app.models.schema import Document
from app.models.transactions import committed


class SourceType(StrEnum):
    """The kind of a document, in the order triangulation tables list them."""

    INTERVIEW = "interview"
    OBSERVATION = "observation"
    FGD = "fgd"
    DOCUMENT = "document"
    NEWS = "news"
    OTHER = "other"


SECONDARY = frozenset({SourceType.DOCUMENT, SourceType.NEWS})
MAX_TITLE = MAX_LENGTHS["title"]


@dataclass(frozen=True)
class DocumentSource:
    """A document's source description. ``title`` is the title citations use (never "")."""

    document_id: int
    name: str
    source_type: SourceType
    title: str
    stored_title: str
    source_date: date | None


@dataclass(frozen=True)
class SourceChange:
    """What :func:`set_document_source` changed."""

    before: DocumentSource
    after: DocumentSource

    @property
    def changes(self) -> Changes:
        """For the change stream: the document (its citation and source type) changed."""
        return Changes.of_documents([self.after.document_id])


def parse_source_type(value: str) -> SourceType:
    """A source type from its key, else ``InvalidValue``."""
    try:
        return SourceType(value.strip().lower())
    except ValueError as exc:
        expected = ", ".join(t.value for t in SourceType)
        raise InvalidValue("source type", value, "expected " + expected) from exc


def parse_date(value: str) -> date:
    """A ``YYYY-MM-DD`` date, else ``InvalidValue``."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidValue("date", value, "expected YYYY-MM-DD") from exc


def is_secondary(source_type: SourceType | str) -> bool:
    """Whether a source type is secondary data (documents, news)."""
    return SourceType(source_type) in SECONDARY


def citation_title(name: str, title: str = "") -> str:
    """The title a citation uses: ``title``, else ``name`` without folder and extension."""
    if title.strip():
        return title.strip()
    stem = PurePath(name.replace("\\", "/")).name
    return stem.rsplit(".", 1)[0] if "." in stem[1:] else stem


def _info(doc_id: int, name: str, kind: str, title: str, when: date | None) -> DocumentSource:
    return DocumentSource(
        doc_id, name, SourceType(kind), citation_title(name, title), title or "", when
    )


def document_sources(session: Session) -> dict[int, DocumentSource]:
    """Document id → its source description, for every document."""
    rows = session.execute(
        select(
            Document.id, Document.name, Document.source_type, Document.title, Document.source_date
        )
    )
    return {row[0]: _info(*row) for row in rows}


def document_source(session: Session, *, document_id: int) -> DocumentSource:
    """One document's source description; ``NotFound`` for an unknown document."""
    row = session.execute(
        select(
            Document.id, Document.name, Document.source_type, Document.title, Document.source_date
        ).where(Document.id == document_id)
    ).first()
    if row is None:
        raise NotFound("document", str(document_id))
    return _info(*row)


_KEEP = object()


def set_document_source(
    session: Session,
    *,
    document_id: int,
    source_type: SourceType | str | None = None,
    title: str | None = None,
    source_date: date | object | None = _KEEP,
) -> SourceChange:
    """Change a document's type, title ("" restores the default) and/or date (None clears
    it), committed. Raises ``NotFound`` / ``InvalidValue``; nothing changes then."""
    before = document_source(session, document_id=document_id)
    kind = parse_source_type(str(source_type)) if source_type is not None else None
    if title is not None and len(title.strip()) > MAX_TITLE:
        raise InvalidValue("title", title[:40] + "…", f"at most {MAX_TITLE} characters")
    if source_date is not _KEEP and source_date is not None and not isinstance(source_date, date):
        raise InvalidValue("date", str(source_date), "expected YYYY-MM-DD")
    with committed(session):
        doc = session.get(Document, document_id)
        assert doc is not None
        if kind is not None:
            doc.source_type = kind.value
        if title is not None:
            doc.title = title.strip()
        if source_date is not _KEEP:
            doc.source_date = source_date  # type: ignore[assignment]
    return SourceChange(before, document_source(session, document_id=document_id))


def restore_document_source(session: Session, *, source: DocumentSource) -> SourceChange:
    """Put a document's source description back (undo of :func:`set_document_source`)."""
    return set_document_source(
        session,
        document_id=source.document_id,
        source_type=source.source_type,
        title=source.stored_title,
        source_date=source.source_date,
    )


def source_types_present(sources: Mapping[int, DocumentSource]) -> tuple[SourceType, ...]:
    """The source types of ``sources``, in :class:`SourceType` order."""
    present = {s.source_type for s in sources.values()}
    return tuple(t for t in SourceType if t in present)
