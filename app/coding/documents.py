"""Importing documents into a project, and reading them back.

:func:`import_files` reads every file first (the slow part, safe to run in a worker
thread), then writes all the documents that could be read in one transaction. A file that
cannot be imported is reported in :attr:`ImportResult.failed` and leaves no trace; with
``all_or_nothing=True`` one failure means nothing is written at all. Cancelling never
writes anything. The stored text is never changed afterwards, so coding offsets stay valid.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes, Kind
from app.coding.codings import CodingChanges, CodingInfo, add_codings, coding_info
from app.coding.errors import Cancelled, DuplicateName, InvalidValue, NotFound, TelaahError
from app.coding.importing import Extracted, extract
from app.coding.limits import check_length
from app.coding.memos import MemoInfo, put_memos, take_memos
from app.coding.progress import CancelOnly, NullProgress, Progress, check
from app.coding.review import NO_REVIEW, ReviewState, put_review_state, review_state
from app.coding.sources import MAX_TITLE, SourceType, parse_source_type
from app.models.bulk import insert_rows
from app.models.fts import index_documents
from app.models.schema import Coder, Coding, Document, DocumentCase, Segment, utcnow
from app.models.transactions import committed

SEGMENT_KINDS = ("paragraph", "turn")


@dataclass(frozen=True)
class ImportedDocument:
    """A document that was imported: counts of its paragraphs and speaker turns."""

    id: int
    name: str
    length: int
    paragraphs: int
    turns: int


@dataclass(frozen=True)
class ImportFailure:
    """A file that was not imported, and why (usually UnsupportedFile or DuplicateName)."""

    path: Path
    error: TelaahError


@dataclass(frozen=True)
class ImportResult:
    """What :func:`import_files` did, in the order of the given paths."""

    imported: tuple[ImportedDocument, ...]
    failed: tuple[ImportFailure, ...]

    @property
    def changes(self) -> Changes:
        """For the change stream: these documents were added (or nothing)."""
        return Changes.of_documents(d.id for d in self.imported) if self.imported else Changes()


@dataclass(frozen=True)
class DocumentInfo:
    """A document of the project, without its text."""

    id: int
    name: str
    format: str
    length: int
    imported_at: datetime


@dataclass(frozen=True)
class SegmentInfo:
    """A paragraph or speaker turn: ``text[start:end]``; speaker and timestamp for turns."""

    ordinal: int
    start: int
    end: int
    speaker: str | None
    timestamp: str | None


def import_files(
    session: Session,
    *,
    paths: Sequence[Path],
    progress: Progress | None = None,
    names: Sequence[str] | None = None,
    all_or_nothing: bool = False,
    source_type: SourceType | str = SourceType.INTERVIEW,
    title: str = "",
    source_date: date | None = None,
) -> ImportResult:
    """Import ``paths`` as documents named ``names`` (default: each file's name).

    Every imported document gets ``source_type``, ``title`` ("": cited by its name without
    the extension) and ``source_date`` (see :mod:`app.coding.sources`).

    Progress is reported once per file (``done`` files of ``total``, label = the name).
    Raises :class:`~app.coding.errors.Cancelled` (nothing written) when cancelled, and with
    ``all_or_nothing`` the first failure's error (nothing written) if any file fails.
    """
    progress = progress or NullProgress()
    kind = parse_source_type(str(source_type))
    if len(title.strip()) > MAX_TITLE:
        raise InvalidValue("title", title[:40] + "…", f"at most {MAX_TITLE} characters")
    paths = [Path(p) for p in paths]
    if names is None:
        names = [p.name for p in paths]
    elif len(names) != len(paths):
        raise InvalidValue("names", str(len(names)), f"expected {len(paths)} names")
    taken = {name for (name,) in session.connection().execute(_NAMES)}
    sink = CancelOnly(progress)
    ready: list[tuple[Path, str, Extracted]] = []
    failed: list[ImportFailure] = []
    for index, (path, name) in enumerate(zip(paths, names, strict=True)):
        check(progress)
        progress.report(index, len(paths), name)
        try:
            _check_name(name, taken)
            extracted = extract(path, progress=sink)
        except Cancelled:
            raise
        except TelaahError as exc:
            failed.append(ImportFailure(path, exc))
            continue
        taken.add(name)
        ready.append((path, name, extracted))
    check(progress)
    if failed and all_or_nothing:
        raise failed[0].error
    imported = _store(session, ready, (kind.value, title.strip(), source_date))
    progress.report(len(paths), len(paths), "")
    return ImportResult(tuple(imported), tuple(failed))


def _check_name(name: str, taken: set[str]) -> None:
    if not name.strip():
        raise InvalidValue("document name", name)
    check_length("document", name)
    if name in taken:
        raise DuplicateName("document", name)


def _store(
    session: Session,
    ready: list[tuple[Path, str, Extracted]],
    source: tuple[str, str, date | None] = (SourceType.INTERVIEW.value, "", None),
) -> list[ImportedDocument]:
    if not ready:
        return []
    imported = []
    with committed(session):
        for path, name, extracted in ready:
            # One row through insert_rows, not an ORM object: a row with a long text went
            # through the unit of work for nothing, and a Core insert was compiled again in
            # every newly opened project. The search index is kept here, as the ORM's
            # after-insert event would have (imported_at is the column's default).
            row = {
                "name": name,
                "original_filename": str(path),
                "format": extracted.format,
                "content_hash": content_hash(extracted.text),
                "text": extracted.text,
                "length": len(extracted.text),
                "encoding": extracted.encoding,
                "imported_at": utcnow(),
                "source_type": source[0],
                "title": source[1],
                "source_date": source[2],
            }
            ((document_id,),) = insert_rows(
                session, Document, tuple(row), [tuple(row.values())], returning=("id",)
            )
            connection = session.connection()
            index_documents(connection, [document_id])
            insert_rows(session, Segment, _SEGMENT_FIELDS, _segment_rows(document_id, extracted))
            imported.append(
                ImportedDocument(
                    document_id,
                    name,
                    len(extracted.text),
                    len(extracted.paragraphs),
                    len(extracted.turns),
                )
            )
    return imported


#: The documents table itself.
DOCUMENTS = cast(Table, Document.__table__)
#: Every document's name, as Core (an ORM select compiled for each newly opened project was
#: a twentieth of importing one long transcript into it).
_NAMES = select(DOCUMENTS.c.name)

_SEGMENT_FIELDS = ("document_id", "kind", "ordinal", "start", "end", "speaker", "timestamp")


def _segment_rows(document_id: int, extracted: Extracted) -> Iterator[tuple[object, ...]]:
    # Generated, not listed: a 20-million-character text has half a million segments,
    # and a list of their rows took more memory than the text itself.
    for i, (start, end) in enumerate(extracted.paragraphs):
        yield (document_id, "paragraph", i, start, end, None, None)
    for i, turn in enumerate(extracted.turns):
        yield (document_id, "turn", i, turn.start, turn.end, turn.speaker, turn.timestamp)


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text, encoded a slice at a time (no second copy of the text)."""
    digest = hashlib.sha256()
    for at in range(0, len(text), _HASH_SLICE):
        digest.update(text[at : at + _HASH_SLICE].encode("utf-8"))
    return digest.hexdigest()


_HASH_SLICE = 1 << 20


def get_document_text(session: Session, *, name: str) -> str:
    """The stored text of the document called ``name``, exactly as imported."""
    text = session.scalar(select(Document.text).where(Document.name == name))
    if text is None:
        raise NotFound("document", name)
    return text


def list_documents(session: Session) -> tuple[DocumentInfo, ...]:
    """Every document of the project, by name."""
    rows = session.execute(
        select(
            Document.id, Document.name, Document.format, Document.length, Document.imported_at
        ).order_by(Document.name)
    )
    return tuple(DocumentInfo(*row) for row in rows)


def document_segments(session: Session, *, document_id: int, kind: str) -> tuple[SegmentInfo, ...]:
    """The paragraphs (``kind="paragraph"``) or speaker turns (``"turn"``) of a document."""
    if kind not in SEGMENT_KINDS:
        raise InvalidValue("segment kind", kind)
    if session.get(Document, document_id) is None:
        raise NotFound("document", str(document_id))
    rows = session.execute(
        select(Segment.ordinal, Segment.start, Segment.end, Segment.speaker, Segment.timestamp)
        .where(Segment.document_id == document_id, Segment.kind == kind)
        .order_by(Segment.start, Segment.ordinal)
    )
    return tuple(SegmentInfo(*row) for row in rows)


@dataclass(frozen=True)
class DocumentSnapshot:
    """Everything :func:`remove_documents` deleted, for :func:`restore_documents` (undo)."""

    documents: tuple[tuple[Any, ...], ...]  # the column values of each documents row
    segments: tuple[tuple[Any, ...], ...]
    links: tuple[tuple[int, int, int, int | None, int | None], ...]
    codings: tuple[CodingInfo, ...]
    memos: tuple[MemoInfo, ...] = ()
    #: the review marks and comments of ``codings``
    review: ReviewState = NO_REVIEW

    @property
    def changes(self) -> Changes:
        """For the change stream: removing these documents (their codings as the exact
        delta, the cases they were linked to, their memos)."""
        return self._changes(CodingChanges.of(removed=self.codings))

    def _changes(self, delta: CodingChanges) -> Changes:
        where = _DOCUMENT_COLUMNS.index("id")
        changes = Changes.of_documents(row[where] for row in self.documents) | delta.changes
        if self.links:
            changes |= Changes.of_cases(link[2] for link in self.links)
        if self.memos:
            changes |= Changes(
                kinds=frozenset({Kind.MEMOS}),
                memos=frozenset((m.target_kind, m.target_id) for m in self.memos),
            )
        return changes | self.review.changes


_DOCUMENT_COLUMNS = tuple(c.name for c in Document.__table__.columns)
_SEGMENT_COLUMNS = tuple(c.name for c in Segment.__table__.columns)


def remove_documents(session: Session, *, document_ids: Sequence[int]) -> DocumentSnapshot:
    """Delete documents with their segments, case links and codings, in one transaction.

    This is the undo of an import; everything needed to put them back is returned.
    """
    ids = list(document_ids)
    docs = session.execute(
        select(*Document.__table__.columns).where(Document.id.in_(ids)).order_by(Document.id)
    ).all()
    if len(docs) != len(set(ids)):
        raise NotFound("document", ", ".join(map(str, ids)))
    segments = session.execute(
        select(*Segment.__table__.columns).where(Segment.document_id.in_(ids))
    ).all()
    links = session.execute(
        select(
            DocumentCase.id,
            DocumentCase.document_id,
            DocumentCase.case_id,
            DocumentCase.start,
            DocumentCase.end,
        ).where(DocumentCase.document_id.in_(ids))
    ).all()
    codings = session.execute(
        select(Coding, Coder.name)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.document_id.in_(ids))
    ).all()
    with committed(session):
        snapshot = DocumentSnapshot(
            tuple(tuple(r) for r in docs),
            tuple(tuple(r) for r in segments),
            tuple((r[0], r[1], r[2], r[3], r[4]) for r in links),
            tuple(coding_info(c, name) for c, name in codings),
            take_memos(session, target_kind="document", target_ids=ids),
            review_state(session, coding_ids=[c.id for c, _name in codings]),
        )
        session.execute(delete(Document).where(Document.id.in_(ids)))  # cascades
    return snapshot


def restore_documents(session: Session, *, snapshot: DocumentSnapshot) -> Changes:
    """Undo :func:`remove_documents` exactly (same ids, text, segments, links, codings)."""
    with committed(session):
        session.execute(
            insert(Document),
            [dict(zip(_DOCUMENT_COLUMNS, r, strict=True)) for r in snapshot.documents],
        )
        if snapshot.segments:
            session.execute(
                insert(Segment),
                [dict(zip(_SEGMENT_COLUMNS, r, strict=True)) for r in snapshot.segments],
            )
        for link_id, doc_id, case_id, start, end in snapshot.links:
            session.add(
                DocumentCase(id=link_id, document_id=doc_id, case_id=case_id, start=start, end=end)
            )
        add_codings(session, codings=snapshot.codings)
        put_review_state(session, state=snapshot.review)
        put_memos(session, memos=snapshot.memos)
    return snapshot._changes(CodingChanges.of(added=snapshot.codings))
