"""Applying, changing and removing codings.

Every mutation commits its own transaction and returns a :class:`CodingChanges` describing
exactly what changed; remove functions return everything :func:`restore_codings` needs to put
the codings back with the same ids (undo).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.coding.errors import InvalidSpan, InvalidValue, NotFound
from app.models.schema import Code, Coder, Coding, Document, utcnow


@dataclass(frozen=True)
class CodingInfo:
    """A coding as plain data (safe to keep after the session closes)."""

    id: int
    document_id: int
    code_id: int
    coder_id: int
    coder: str
    start: int
    end: int
    snippet: str
    memo: str = ""
    illustrative: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class NewCoding:
    """A coding to be created (see :func:`apply_codes`)."""

    document_id: int
    code_id: int
    start: int
    end: int
    memo: str = ""
    illustrative: bool = False


@dataclass(frozen=True)
class CodingChanges:
    """What a coding mutation changed. ``before`` holds the old state of ``updated`` rows."""

    added: tuple[CodingInfo, ...] = ()
    removed: tuple[CodingInfo, ...] = ()
    updated: tuple[CodingInfo, ...] = ()
    before: tuple[CodingInfo, ...] = ()
    skipped: int = 0
    documents: frozenset[int] = field(default=frozenset())
    codes: frozenset[int] = field(default=frozenset())

    @staticmethod
    def of(
        *,
        added: Iterable[CodingInfo] = (),
        removed: Iterable[CodingInfo] = (),
        updated: Iterable[CodingInfo] = (),
        before: Iterable[CodingInfo] = (),
        skipped: int = 0,
    ) -> CodingChanges:
        """Build a change set, deriving the touched documents and codes."""
        a, r, u, b = tuple(added), tuple(removed), tuple(updated), tuple(before)
        every = a + r + u + b
        return CodingChanges(
            added=a,
            removed=r,
            updated=u,
            before=b,
            skipped=skipped,
            documents=frozenset(c.document_id for c in every),
            codes=frozenset(c.code_id for c in every),
        )


def coding_info(row: Coding, coder: str) -> CodingInfo:
    """Plain-data copy of a coding row."""
    return CodingInfo(
        id=row.id,
        document_id=row.document_id,
        code_id=row.code_id,
        coder_id=row.coder_id,
        coder=coder,
        start=row.start,
        end=row.end,
        snippet=row.snippet,
        memo=row.memo,
        illustrative=row.illustrative,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def coder_id(session: Session, *, name: str, create: bool = True) -> int:
    """Id of the coder called ``name``; created (and flushed, not committed) if missing."""
    name = name.strip()
    if not name:
        raise InvalidValue("coder", name, "empty")
    found = session.scalar(select(Coder.id).where(Coder.name == name))
    if found is not None:
        return found
    if not create:
        raise NotFound("coder", name)
    coder = Coder(name=name)
    session.add(coder)
    session.flush()
    return coder.id


def _document_length(session: Session, document_id: int) -> int:
    length = session.scalar(select(Document.length).where(Document.id == document_id))
    if length is None:
        raise NotFound("document", str(document_id))
    return length


def _snippet(session: Session, document_id: int, start: int, end: int) -> str:
    # SQLite's substr counts characters (code points) of TEXT, 1-based: no need to load
    # the whole (possibly very long) document into Python.
    text = session.scalar(
        select(func.substr(Document.text, start + 1, end - start)).where(Document.id == document_id)
    )
    return text or ""


def _check_code(session: Session, code_id: int) -> None:
    if session.get(Code, code_id) is None:
        raise NotFound("code", str(code_id))


#: Above this many new codings in one document its text is read once, not sliced per coding.
_SLICE_IN_PYTHON = 20


def _existing_spans(
    session: Session, document_id: int, code_id: int, coder: int
) -> set[tuple[int, int]]:
    rows = session.execute(
        select(Coding.start, Coding.end).where(
            Coding.document_id == document_id, Coding.code_id == code_id, Coding.coder_id == coder
        )
    )
    return {(start, end) for start, end in rows}


def apply_codes(session: Session, *, codings: Sequence[NewCoding], coder: str) -> CodingChanges:
    """Create many codings in one transaction. Exact duplicates (same document, code, coder
    and span) are skipped and counted in ``skipped``. All-or-nothing on invalid input; when
    nothing is new, nothing is written (not even the coder)."""
    try:
        cid = coder_id(session, name=coder)
        lengths: dict[int, int] = {}
        checked: set[int] = set()
        existing: dict[tuple[int, int], set[tuple[int, int]]] = {}
        fresh: list[NewCoding] = []
        for new in codings:
            if new.document_id not in lengths:
                lengths[new.document_id] = _document_length(session, new.document_id)
            length = lengths[new.document_id]
            if not (0 <= new.start < new.end <= length):
                raise InvalidSpan(new.start, new.end, length)
            if new.code_id not in checked:
                _check_code(session, new.code_id)
                checked.add(new.code_id)
            pair = (new.document_id, new.code_id)
            if pair not in existing:
                existing[pair] = _existing_spans(session, new.document_id, new.code_id, cid)
            spans = existing[pair]
            if (new.start, new.end) in spans:
                continue
            spans.add((new.start, new.end))
            fresh.append(new)
        skipped = len(codings) - len(fresh)
        if not fresh:
            session.rollback()
            return CodingChanges.of(skipped=skipped)
        per_document: dict[int, int] = {}
        for new in fresh:
            per_document[new.document_id] = per_document.get(new.document_id, 0) + 1
        texts = {
            doc: session.scalar(select(Document.text).where(Document.id == doc)) or ""
            for doc, count in per_document.items()
            if count > _SLICE_IN_PYTHON
        }
        now = utcnow()
        name = coder.strip()
        pending = [
            CodingInfo(
                id=0,
                document_id=new.document_id,
                code_id=new.code_id,
                coder_id=cid,
                coder=name,
                start=new.start,
                end=new.end,
                snippet=(
                    texts[new.document_id][new.start : new.end]
                    if new.document_id in texts
                    else _snippet(session, new.document_id, new.start, new.end)
                ),
                memo=new.memo,
                illustrative=new.illustrative,
                created_at=now,
                updated_at=now,
            )
            for new in fresh
        ]
        texts.clear()
        # One multi-row INSERT … RETURNING (ids in parameter order), no ORM object per row.
        columns = ("document_id", "code_id", "coder_id", "start", "end", "snippet", "memo")
        values = [
            {c: getattr(info, c) for c in columns}
            | {"illustrative": info.illustrative, "created_at": now, "updated_at": now}
            for info in pending
        ]
        ids = session.scalars(
            insert(Coding).returning(Coding.id, sort_by_parameter_order=True), values
        ).all()
        added = [replace(info, id=row_id) for row_id, info in zip(ids, pending, strict=True)]
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return CodingChanges.of(added=added, skipped=skipped)


def apply_code(
    session: Session,
    *,
    document_id: int,
    code_id: int,
    start: int,
    end: int,
    coder: str,
    memo: str = "",
    illustrative: bool = False,
) -> CodingChanges:
    """Code ``text[start:end]`` of a document (code points, end exclusive), committed."""
    new = NewCoding(document_id, code_id, start, end, memo, illustrative)
    return apply_codes(session, codings=[new], coder=coder)


def _load(session: Session, coding_ids: Iterable[int]) -> list[tuple[Coding, str]]:
    ids = list(coding_ids)
    rows = session.execute(
        select(Coding, Coder.name)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.id.in_(ids))
    ).all()
    found = {row[0].id: (row[0], row[1]) for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound("coding", str(missing[0]))
    return [found[i] for i in ids]


def remove_codings(session: Session, *, coding_ids: Sequence[int]) -> CodingChanges:
    """Delete codings; ``removed`` holds everything needed to restore them."""
    try:
        rows = _load(session, coding_ids)
        removed = [coding_info(row, name) for row, name in rows]
        session.execute(delete(Coding).where(Coding.id.in_([c.id for c in removed])))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return CodingChanges.of(removed=removed)


def add_codings(session: Session, *, codings: Sequence[CodingInfo]) -> None:
    """Re-insert removed codings exactly, without committing (part of a larger undo)."""
    for info in codings:
        cid = coder_id(session, name=info.coder)
        session.add(
            Coding(
                id=info.id,
                document_id=info.document_id,
                code_id=info.code_id,
                coder_id=cid,
                start=info.start,
                end=info.end,
                snippet=info.snippet,
                memo=info.memo,
                illustrative=info.illustrative,
                created_at=info.created_at or utcnow(),
                updated_at=info.updated_at or info.created_at or utcnow(),
            )
        )
    session.flush()


def restore_codings(session: Session, *, codings: Sequence[CodingInfo]) -> CodingChanges:
    """Put removed codings back exactly (same ids, coders, memos, stars, timestamps)."""
    try:
        add_codings(session, codings=codings)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    restored = [replace(c, coder_id=coder_id(session, name=c.coder, create=False)) for c in codings]
    return CodingChanges.of(added=restored)


def update_coding(
    session: Session,
    *,
    coding_id: int,
    memo: str | None = None,
    illustrative: bool | None = None,
    code_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
) -> CodingChanges:
    """Change a coding's memo, star, code or span; ``before`` holds the previous state."""
    try:
        ((row, name),) = _load(session, [coding_id])
        before = coding_info(row, name)
        if code_id is not None and code_id != row.code_id:
            _check_code(session, code_id)
            row.code_id = code_id
        if start is not None or end is not None:
            new_start = row.start if start is None else start
            new_end = row.end if end is None else end
            length = _document_length(session, row.document_id)
            if not (0 <= new_start < new_end <= length):
                raise InvalidSpan(new_start, new_end, length)
            row.start, row.end = new_start, new_end
            row.snippet = _snippet(session, row.document_id, new_start, new_end)
        if memo is not None:
            row.memo = memo
        if illustrative is not None:
            row.illustrative = illustrative
        session.flush()
        after = coding_info(row, name)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return CodingChanges.of(updated=[after], before=[before])


def codings_for_document(
    session: Session, *, document_id: int, coder: str | None = None
) -> tuple[CodingInfo, ...]:
    """All codings of a document ordered by position (optionally of one coder)."""
    query = (
        select(Coding, Coder.name)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.document_id == document_id)
        .order_by(Coding.start, Coding.end, Coding.id)
    )
    if coder is not None:
        query = query.where(Coder.name == coder)
    return tuple(coding_info(row, name) for row, name in session.execute(query).all())
