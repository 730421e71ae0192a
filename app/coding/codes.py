"""Editing the codebook: create, update, move, merge, delete and restore codes.

Destructive functions return a snapshot from which :func:`restore_code` /
:func:`unmerge_codes` put everything back with the same ids (undo).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.coding.codings import CodingInfo, add_codings, coding_info
from app.coding.errors import DuplicateName, InvalidValue, NotFound
from app.coding.limits import check_lengths
from app.coding.memos import MemoInfo, put_memos, take_memos
from app.models.schema import CellSummary, Code, Codebook, Coder, Coding, Memo
from app.models.transactions import committed

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class CodeRow:
    """Every stored field of a code (enough to recreate it exactly)."""

    id: int
    codebook_id: int
    parent_id: int | None
    key: str
    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    colour: str
    keywords: str
    reference: str
    sort_order: int
    created_at: datetime | None = None
    finding: str = ""
    use_when_id: str = ""
    use_when_en: str = ""
    not_use_when_id: str = ""
    not_use_when_en: str = ""


@dataclass(frozen=True)
class SummaryRow:
    """A framework-matrix cell summary attached to a code (restored with it)."""

    id: int
    row_code_id: int
    column_kind: str
    column_key: str
    text: str


@dataclass(frozen=True)
class CodeSnapshot:
    """What deleting a code removed: its subtree, their codings and cell summaries."""

    codes: tuple[CodeRow, ...]
    codings: tuple[CodingInfo, ...]
    summaries: tuple[SummaryRow, ...]
    memos: tuple[MemoInfo, ...] = ()


@dataclass(frozen=True)
class MergeRecord:
    """What merging ``source`` into ``target`` did, for :func:`unmerge_codes`."""

    source: CodeRow
    target_id: int
    moved_codings: tuple[int, ...]
    dropped_codings: tuple[CodingInfo, ...]
    reparented: tuple[int, ...]
    summaries: tuple[SummaryRow, ...]
    moved_memos: tuple[int, ...] = ()


def _row(code: Code) -> CodeRow:
    return CodeRow(
        code.id,
        code.codebook_id,
        code.parent_id,
        code.key,
        code.name_id,
        code.name_en,
        code.definition_id,
        code.definition_en,
        code.colour,
        code.keywords,
        code.reference,
        code.sort_order,
        code.created_at,
        code.finding or "",
        use_when_id=code.use_when_id,
        use_when_en=code.use_when_en,
        not_use_when_id=code.not_use_when_id,
        not_use_when_en=code.not_use_when_en,
    )


def slug(name: str) -> str:
    """A key segment from a name: lowercase ASCII words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_name.lower()).strip("-")[:60] or "kode"


def _unique_key(session: Session, base: str) -> str:
    key, n = base, 2
    while session.scalar(select(Code.id).where(Code.key == key)) is not None:
        key, n = f"{base}-{n}", n + 1
    return key


def _get(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise NotFound("code", str(code_id))
    return code


def ensure_codebook(session: Session, *, key: str, name_id: str, name_en: str) -> int:
    """Id of the user codebook ``key``, created (committed) if missing."""
    check_lengths(codebook=name_id)
    check_lengths(codebook=name_en)
    found = session.scalar(select(Codebook.id).where(Codebook.key == key))
    if found is not None:
        return found
    order = session.scalar(select(func.coalesce(func.max(Codebook.sort_order), 0))) or 0
    book = Codebook(key=key, name_id=name_id, name_en=name_en, origin="user", sort_order=order + 1)
    with committed(session):
        session.add(book)
        session.flush()
    return book.id


def create_code(
    session: Session,
    *,
    codebook_id: int,
    name_id: str,
    name_en: str = "",
    parent_id: int | None = None,
    definition_id: str = "",
    definition_en: str = "",
    colour: str = "#888888",
    **details: str,
) -> CodeRow:
    """Add a code (under ``parent_id`` if given) with a unique key derived from its name;
    ``details`` are further editable fields (keywords, reference, decision rules)."""
    unknown = set(details) - set(_EDITABLE)
    if unknown:
        raise InvalidValue("field", ", ".join(sorted(unknown)))
    name_id = name_id.strip()
    if not name_id:
        raise InvalidValue("code name", name_id, "empty")
    if not _COLOUR.match(colour):
        raise InvalidValue("colour", colour)
    check_lengths(code=name_id)
    check_lengths(code=name_en, description=definition_id)
    check_lengths(description=definition_en)
    book = session.get(Codebook, codebook_id)
    if book is None:
        raise NotFound("codebook", str(codebook_id))
    prefix = _get(session, parent_id).key if parent_id is not None else book.key
    siblings = select(func.coalesce(func.max(Code.sort_order), -1)).where(
        Code.codebook_id == codebook_id,
        Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id,
    )
    code = Code(
        codebook_id=codebook_id,
        parent_id=parent_id,
        key=_unique_key(session, f"{prefix}/{slug(name_id)}"),
        name_id=name_id,
        name_en=name_en.strip() or name_id,
        definition_id=definition_id,
        definition_en=definition_en,
        colour=colour,
        sort_order=(session.scalar(siblings) or 0) + 1,
        **details,
    )
    with committed(session):
        session.add(code)
        session.flush()
    return _row(code)


_EDITABLE = (
    "name_id",
    "name_en",
    "definition_id",
    "definition_en",
    "colour",
    "keywords",
    "reference",
    "use_when_id",
    "use_when_en",
    "not_use_when_id",
    "not_use_when_en",
)


def update_code(session: Session, *, code_id: int, **fields: str) -> tuple[CodeRow, CodeRow]:
    """Change names, definitions, colour, keywords, reference or decision rules; returns
    (before, after). The key stays."""
    unknown = set(fields) - set(_EDITABLE)
    if unknown:
        raise InvalidValue("field", ", ".join(sorted(unknown)))
    if "colour" in fields and not _COLOUR.match(fields["colour"]):
        raise InvalidValue("colour", fields["colour"])
    for name in ("name_id", "name_en"):
        if name in fields and not fields[name].strip():
            raise InvalidValue("code name", fields[name], "empty")
    for name, value in fields.items():
        check_lengths(**{"code" if name.startswith("name_") else "description": value})
    code = _get(session, code_id)
    before = _row(code)
    for name, value in fields.items():
        setattr(code, name, value)
    session.commit()
    return before, _row(code)


def move_code(
    session: Session, *, code_id: int, parent_id: int | None, sort_order: int | None = None
) -> tuple[CodeRow, CodeRow]:
    """Re-parent a code inside its codebook (None = top level); returns (before, after)."""
    code = _get(session, code_id)
    before = _row(code)
    if parent_id is not None:
        parent = _get(session, parent_id)
        if parent.codebook_id != code.codebook_id:
            raise InvalidValue("parent", str(parent_id), "another codebook")
        ancestor: Code | None = parent
        while ancestor is not None:
            if ancestor.id == code.id:
                raise InvalidValue("parent", str(parent_id), "inside the moved code")
            ancestor = session.get(Code, ancestor.parent_id) if ancestor.parent_id else None
    code.parent_id = parent_id
    if sort_order is not None:
        code.sort_order = sort_order
    session.commit()
    return before, _row(code)


def _subtree(session: Session, root: int) -> list[Code]:
    out: list[Code] = []
    frontier = [root]
    while frontier:
        out_rows = session.scalars(select(Code).where(Code.id.in_(frontier))).all()
        out.extend(out_rows)
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
    return out


def _codings_of(session: Session, code_ids: Sequence[int]) -> tuple[CodingInfo, ...]:
    rows = session.execute(
        select(Coding, Coder.name)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.code_id.in_(list(code_ids)))
        .order_by(Coding.id)
    ).all()
    return tuple(coding_info(row, name) for row, name in rows)


def _summaries_of(session: Session, code_ids: Sequence[int]) -> tuple[SummaryRow, ...]:
    rows = session.scalars(
        select(CellSummary).where(CellSummary.row_code_id.in_(list(code_ids)))
    ).all()
    return tuple(SummaryRow(r.id, r.row_code_id, r.column_kind, r.column_key, r.text) for r in rows)


def _delete_subtree(session: Session, code_id: int) -> CodeSnapshot:
    codes = _subtree(session, code_id)
    ids = [c.id for c in codes]
    snapshot = CodeSnapshot(
        tuple(_row(c) for c in codes),
        _codings_of(session, ids),
        _summaries_of(session, ids),
        take_memos(session, target_kind="code", target_ids=ids),
    )
    session.execute(delete(Coding).where(Coding.code_id.in_(ids)))
    session.execute(delete(CellSummary).where(CellSummary.row_code_id.in_(ids)))
    # Children first, so no foreign key points at a deleted parent.
    for code in reversed(codes):
        session.delete(code)
        session.flush()
    return snapshot


def delete_code(session: Session, *, code_id: int) -> CodeSnapshot:
    """Delete a code, its indicators, their codings and summaries; returns the snapshot."""
    with committed(session):
        snapshot = _delete_subtree(session, code_id)
    return snapshot


def _insert_rows(session: Session, rows: Sequence[CodeRow]) -> None:
    for row in rows:  # parents precede children in every snapshot
        fields = {k: v for k, v in row.__dict__.items() if v is not None or k == "parent_id"}
        session.add(Code(**fields))
        session.flush()


def _insert_summaries(session: Session, rows: Sequence[SummaryRow]) -> None:
    for s in rows:
        session.add(CellSummary(**s.__dict__))


def _restore_subtree(session: Session, snapshot: CodeSnapshot) -> None:
    for row in snapshot.codes:
        if session.scalar(select(Code.id).where(Code.key == row.key)) is not None:
            raise DuplicateName("code", row.key)
    _insert_rows(session, snapshot.codes)
    _insert_summaries(session, snapshot.summaries)
    add_codings(session, codings=snapshot.codings)
    put_memos(session, memos=snapshot.memos)


def restore_code(session: Session, *, snapshot: CodeSnapshot) -> None:
    """Undo :func:`delete_code`: the codes, codings and summaries come back unchanged."""
    with committed(session):
        _restore_subtree(session, snapshot)


def merge_codes(session: Session, *, source_id: int, target_id: int) -> MergeRecord:
    """Move every coding of ``source`` onto ``target`` and delete ``source``.

    A coding that would duplicate one of the target (same document, coder and span) is
    dropped; the source's indicators move under the target.
    """
    if source_id == target_id:
        raise InvalidValue("merge", str(source_id), "same code")
    with committed(session):
        source, target = _get(session, source_id), _get(session, target_id)
        if target_id in {c.id for c in _subtree(session, source_id)}:
            raise InvalidValue("merge", str(target_id), "inside the merged code")
        src_row = _row(source)
        existing = {
            (c.document_id, c.coder_id, c.start, c.end) for c in _codings_of(session, [target.id])
        }
        moved: list[int] = []
        dropped: list[CodingInfo] = []
        for info in _codings_of(session, [source_id]):
            if (info.document_id, info.coder_id, info.start, info.end) in existing:
                dropped.append(info)
            else:
                moved.append(info.id)
        session.execute(delete(Coding).where(Coding.id.in_([d.id for d in dropped])))
        # Moving a coding to the merged code is not an edit of the coding: keep its timestamp
        # (so that undo restores the project exactly).
        session.execute(
            update(Coding)
            .where(Coding.id.in_(moved))
            .values(code_id=target_id, updated_at=Coding.updated_at)
        )
        children = list(session.scalars(select(Code.id).where(Code.parent_id == source_id)))
        session.execute(update(Code).where(Code.id.in_(children)).values(parent_id=target_id))
        summaries = _summaries_of(session, [source_id])
        # The merged code's memos are kept: they now describe the target.
        memo_ids = tuple(
            session.scalars(
                select(Memo.id).where(Memo.target_kind == "code", Memo.target_id == source_id)
            )
        )
        session.execute(
            update(Memo)
            .where(Memo.id.in_(memo_ids))
            .values(target_id=target_id, updated_at=Memo.updated_at)
        )
        session.execute(delete(CellSummary).where(CellSummary.row_code_id == source_id))
        session.flush()
        session.delete(source)
    return MergeRecord(
        src_row, target_id, tuple(moved), tuple(dropped), tuple(children), summaries, memo_ids
    )


def unmerge_codes(session: Session, *, record: MergeRecord) -> None:
    """Undo :func:`merge_codes` exactly."""
    with committed(session):
        _insert_rows(session, [record.source])
        session.execute(
            update(Code).where(Code.id.in_(record.reparented)).values(parent_id=record.source.id)
        )
        session.execute(
            update(Coding)
            .where(Coding.id.in_(record.moved_codings))
            .values(code_id=record.source.id, updated_at=Coding.updated_at)
        )
        _insert_summaries(session, record.summaries)
        add_codings(session, codings=record.dropped_codings)
        session.execute(
            update(Memo)
            .where(Memo.id.in_(record.moved_memos))
            .values(target_id=record.source.id, updated_at=Memo.updated_at)
        )


def code_row(session: Session, *, code_id: int) -> CodeRow:
    """The stored fields of one code."""
    return _row(_get(session, code_id))


@dataclass(frozen=True)
class CodebookSnapshot:
    """What :func:`remove_codebook` deleted, for :func:`restore_codebook` (undo)."""

    id: int
    key: str
    name_id: str
    name_en: str
    description_id: str
    description_en: str
    reference: str
    origin: str
    sort_order: int
    codes: tuple[CodeSnapshot, ...]
    version: int = 0
    owner: str | None = None


def remove_codebook(session: Session, *, codebook_id: int) -> CodebookSnapshot:
    """Delete a codebook with all its codes and their codings, in one transaction."""
    book = session.get(Codebook, codebook_id)
    if book is None:
        raise NotFound("codebook", str(codebook_id))
    fields = (
        book.id,
        book.key,
        book.name_id,
        book.name_en,
        book.description_id,
        book.description_en,
        book.reference,
        book.origin,
        book.sort_order,
    )
    version, owner = book.version, book.owner
    tops = list(
        session.scalars(
            select(Code.id)
            .where(Code.codebook_id == codebook_id, Code.parent_id.is_(None))
            .order_by(Code.sort_order, Code.id)
        )
    )
    with committed(session):
        snapshots = tuple(_delete_subtree(session, code_id) for code_id in tops)
        session.execute(delete(Codebook).where(Codebook.id == codebook_id))
    return CodebookSnapshot(*fields, codes=snapshots, version=version, owner=owner)


def restore_codebook(session: Session, *, snapshot: CodebookSnapshot) -> None:
    """Undo :func:`remove_codebook`: the codebook, codes and codings come back unchanged."""
    with committed(session):
        session.add(
            Codebook(
                id=snapshot.id,
                key=snapshot.key,
                name_id=snapshot.name_id,
                name_en=snapshot.name_en,
                description_id=snapshot.description_id,
                description_en=snapshot.description_en,
                reference=snapshot.reference,
                origin=snapshot.origin,
                sort_order=snapshot.sort_order,
                version=snapshot.version,
                owner=snapshot.owner,
            )
        )
        session.flush()
        for code in snapshot.codes:
            _restore_subtree(session, code)
