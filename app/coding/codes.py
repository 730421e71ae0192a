"""Codes in a project: listing and finding them, and editing them with exact undo.

Create, update, move, merge, delete and restore codes. Every edit commits its own
transaction and returns what it changed for the change stream (``.changes``): the rows it
wrote (:class:`CodeRow`, :class:`CodeEdit`), or a snapshot from which :func:`restore_code` /
:func:`unmerge_codes` put everything back with the same ids (undo); those two return the
:class:`~app.coding.changes.Changes` themselves. Codebooks as a whole are
:mod:`app.coding.codebooks`, codebook files :mod:`app.coding.codebook_files`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.coding.changes import Changes, Kind
from app.coding.codings import CodingChanges, CodingInfo, add_codings, coding_info
from app.coding.errors import DuplicateName, InvalidValue, NotFound, TelaahError
from app.coding.limits import check_lengths
from app.coding.memos import MemoInfo, put_memos, take_memos
from app.coding.review import NO_REVIEW, ReviewState, put_review_state, review_state
from app.models.schema import CellSummary, Code, Codebook, Coder, Coding, Memo
from app.models.transactions import committed

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SLUG = re.compile(r"[^a-z0-9]+")
_PAREN_SUFFIX_RE = re.compile(r"\s*\([^()]*\)\s*$")


class AmbiguousCode(TelaahError):
    """A path of names matches more than one code (``candidates`` are their full keys)."""

    def __init__(self, ref: str, candidates: Sequence[str]) -> None:
        super().__init__(f"{ref!r} matches several codes: {', '.join(candidates)}")
        self.ref = ref
        self.candidates = tuple(candidates)


@dataclass(frozen=True)
class CodeInfo:
    """A code of a project; ``depth`` is 0 for a code, 1 for its indicators, and so on."""

    id: int
    key: str
    parent_id: int | None
    codebook_key: str
    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    colour: str
    keywords: tuple[str, ...]
    reference: str
    depth: int
    use_when_id: str = ""
    use_when_en: str = ""
    not_use_when_id: str = ""
    not_use_when_en: str = ""


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

    @property
    def changes(self) -> Changes:
        """For the change stream: this code changed (it was just created or written)."""
        return Changes.of_codes([self.id])


class CodeEdit(NamedTuple):
    """What :func:`update_code` / :func:`move_code` changed: the row before and after."""

    before: CodeRow
    after: CodeRow

    @property
    def changes(self) -> Changes:
        """For the change stream: this code changed (names, look, place in the tree)."""
        return Changes.of_codes([self.after.id])


@dataclass(frozen=True)
class SummaryRow:
    """A framework-matrix cell summary attached to a code (restored with it)."""

    id: int
    row_code_id: int
    column_kind: str
    column_key: str
    text: str
    updated_at: datetime | None = None


@dataclass(frozen=True)
class CodeSnapshot:
    """What deleting a code removed: its subtree, their codings and cell summaries."""

    codes: tuple[CodeRow, ...]
    codings: tuple[CodingInfo, ...]
    summaries: tuple[SummaryRow, ...]
    memos: tuple[MemoInfo, ...] = ()
    #: the review marks and comments of ``codings``
    review: ReviewState = NO_REVIEW

    @property
    def changes(self) -> Changes:
        """For the change stream: deleting these codes, with their codings (the exact
        delta), cell summaries and memos."""
        return subtree_changes((self,), removed=True)


def subtree_changes(snapshots: Iterable[CodeSnapshot], *, removed: bool) -> Changes:
    """What deleting (``removed``) or restoring the codes of ``snapshots`` changes."""
    snaps = tuple(snapshots)
    codings = tuple(c for snap in snaps for c in snap.codings)
    delta = CodingChanges.of(removed=codings) if removed else CodingChanges.of(added=codings)
    changes = Changes.of_codes(row.id for snap in snaps for row in snap.codes) | delta.changes
    summaries = frozenset(
        (s.row_code_id, s.column_kind, s.column_key) for snap in snaps for s in snap.summaries
    )
    if summaries:
        changes |= Changes(kinds=frozenset({Kind.SUMMARIES}), summaries=summaries)
    for snap in snaps:
        changes |= snap.review.changes
    return changes | _memo_changes(
        (m.target_kind, m.target_id) for snap in snaps for m in snap.memos
    )


def _memo_changes(targets: Iterable[tuple[str, int | None]]) -> Changes:
    found = frozenset(targets)
    return Changes(kinds=frozenset({Kind.MEMOS}), memos=found) if found else Changes()


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
    #: documents whose codings moved to the target or were dropped
    documents: frozenset[int] = frozenset()
    #: the review marks and comments of ``dropped_codings``
    dropped_review: ReviewState = NO_REVIEW

    @property
    def changes(self) -> Changes:
        """For the change stream (merge and unmerge alike): both codes and the source's
        indicators, the codings of the documents involved, the memos that moved."""
        both = (self.source.id, self.target_id)
        changes = Changes.of_codes((*both, *self.reparented))
        if self.moved_codings or self.dropped_codings:
            changes |= Changes.codings_of(documents=self.documents, codes=both)
        if self.summaries:
            changes |= Changes(
                kinds=frozenset({Kind.SUMMARIES}),
                summaries=frozenset(
                    (s.row_code_id, s.column_kind, s.column_key) for s in self.summaries
                ),
            )
        if self.moved_memos:
            changes |= _memo_changes([("code", self.source.id), ("code", self.target_id)])
        return changes | self.dropped_review.changes


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


def update_code(session: Session, *, code_id: int, **fields: str) -> CodeEdit:
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
    with committed(session):
        for name, value in fields.items():
            setattr(code, name, value)
    return CodeEdit(before, _row(code))


def move_code(
    session: Session, *, code_id: int, parent_id: int | None, sort_order: int | None = None
) -> CodeEdit:
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
    with committed(session):
        code.parent_id = parent_id
        if sort_order is not None:
            code.sort_order = sort_order
    return CodeEdit(before, _row(code))


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
    return tuple(
        SummaryRow(r.id, r.row_code_id, r.column_kind, r.column_key, r.text, r.updated_at)
        for r in rows
    )


def take_subtree(session: Session, code_id: int) -> CodeSnapshot:
    """Delete a code with its descendants, their codings, summaries and memos (no commit);
    returns the snapshot :func:`put_subtree` restores."""
    codes = _subtree(session, code_id)
    ids = [c.id for c in codes]
    codings = _codings_of(session, ids)
    snapshot = CodeSnapshot(
        tuple(_row(c) for c in codes),
        codings,
        _summaries_of(session, ids),
        take_memos(session, target_kind="code", target_ids=ids),
        review_state(session, coding_ids=[c.id for c in codings]),
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
        snapshot = take_subtree(session, code_id)
    return snapshot


def _insert_rows(session: Session, rows: Sequence[CodeRow]) -> None:
    for row in rows:  # parents precede children in every snapshot
        fields = {k: v for k, v in row.__dict__.items() if v is not None or k == "parent_id"}
        session.add(Code(**fields))
        session.flush()


def _insert_summaries(session: Session, rows: Sequence[SummaryRow]) -> None:
    for s in rows:
        session.add(CellSummary(**{k: v for k, v in s.__dict__.items() if v is not None}))


def put_subtree(session: Session, snapshot: CodeSnapshot) -> None:
    """Re-insert what :func:`take_subtree` deleted, with the same ids (no commit)."""
    for row in snapshot.codes:
        if session.scalar(select(Code.id).where(Code.key == row.key)) is not None:
            raise DuplicateName("code", row.key)
    _insert_rows(session, snapshot.codes)
    _insert_summaries(session, snapshot.summaries)
    add_codings(session, codings=snapshot.codings)
    put_review_state(session, state=snapshot.review)
    put_memos(session, memos=snapshot.memos)


def restore_code(session: Session, *, snapshot: CodeSnapshot) -> Changes:
    """Undo :func:`delete_code`: the codes, codings and summaries come back unchanged."""
    with committed(session):
        put_subtree(session, snapshot)
    return subtree_changes((snapshot,), removed=False)


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
        documents: set[int] = set()
        for info in _codings_of(session, [source_id]):
            documents.add(info.document_id)
            if (info.document_id, info.coder_id, info.start, info.end) in existing:
                dropped.append(info)
            else:
                moved.append(info.id)
        dropped_review = review_state(session, coding_ids=[d.id for d in dropped])
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
        src_row, target_id, tuple(moved), tuple(dropped), tuple(children), summaries, memo_ids,
        frozenset(documents), dropped_review,
    )  # fmt: skip


def unmerge_codes(session: Session, *, record: MergeRecord) -> Changes:
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
        put_review_state(session, state=record.dropped_review)
        session.execute(
            update(Memo)
            .where(Memo.id.in_(record.moved_memos))
            .values(target_id=record.source.id, updated_at=Memo.updated_at)
        )
    return record.changes


def code_row(session: Session, *, code_id: int) -> CodeRow:
    """The stored fields of one code."""
    return _row(_get(session, code_id))


def list_codes(session: Session, *, codebook_key: str | None = None) -> tuple[CodeInfo, ...]:
    """The project's codes in tree order (codebooks in their order, each parent before its
    children, siblings by position). :class:`NotFound` for an unknown ``codebook_key``."""
    books_q = select(Codebook.id, Codebook.key).order_by(Codebook.sort_order, Codebook.id)
    if codebook_key is not None:
        books_q = books_q.where(Codebook.key == codebook_key)
    books = session.execute(books_q).all()
    if codebook_key is not None and not books:
        raise NotFound("codebook", codebook_key)
    codes_q = select(Code).order_by(Code.sort_order, Code.id)
    if codebook_key is not None:
        codes_q = codes_q.where(Code.codebook_id == books[0].id)
    children: dict[tuple[int, int | None], list[Code]] = defaultdict(list)
    for code in session.scalars(codes_q):
        children[(code.codebook_id, code.parent_id)].append(code)
    out: list[CodeInfo] = []

    def visit(book_id: int, book_key: str, parent_id: int | None, depth: int) -> None:
        for c in children.get((book_id, parent_id), ()):
            words = tuple(w for w in c.keywords.split("\n") if w)
            out.append(
                CodeInfo(
                    id=c.id,
                    key=c.key,
                    parent_id=c.parent_id,
                    codebook_key=book_key,
                    name_id=c.name_id,
                    name_en=c.name_en,
                    definition_id=c.definition_id,
                    definition_en=c.definition_en,
                    colour=c.colour,
                    keywords=words,
                    reference=c.reference,
                    depth=depth,
                    use_when_id=c.use_when_id,
                    use_when_en=c.use_when_en,
                    not_use_when_id=c.not_use_when_id,
                    not_use_when_en=c.not_use_when_en,
                )
            )
            visit(book_id, book_key, c.id, depth + 1)

    for book in books:
        visit(book.id, book.key, None, 0)
    return tuple(out)


# --- resolving a code reference -----------------------------------------------------------


def _norm(label: str) -> str:
    """Case-, space- and slash-spacing-insensitive form of a name or a joined path."""
    return "/".join(" ".join(part.split()).casefold() for part in label.split("/"))


def _labels(key: str, *names: str) -> frozenset[str]:
    """What a node answers to: its key and names, and each name without a final
    parenthesis (``Pelayanan bersama (co-delivery)`` also answers to ``Pelayanan bersama``)."""
    out = {_norm(key)}
    for name in names:
        out.add(_norm(name))
        short = _PAREN_SUFFIX_RE.sub("", name)
        if short:
            out.add(_norm(short))
    return frozenset(out)


@dataclass(frozen=True)
class _Node:
    id: int
    key: str
    labels: frozenset[str]


def _match(
    parts: list[str], nodes: Sequence[_Node], kids: dict[int, list[_Node]], is_code: bool
) -> set[_Node]:
    """Code nodes reached by consuming all of ``parts`` from one of ``nodes`` downwards.
    A name may itself contain '/', so a node may consume several parts at once."""
    found: set[_Node] = set()
    for n in range(1, len(parts) + 1):
        label, rest = "/".join(parts[:n]), parts[n:]
        for node in nodes:
            if label not in node.labels:
                continue
            if not rest:
                if is_code:
                    found.add(node)
            else:
                found |= _match(rest, kids.get(node.id, []), kids, True)
    return found


def find_code(session: Session, ref: str) -> int:
    """The id of the code ``ref`` names.

    ``ref`` is a full key (``loeffler/co-delivery/peer-support``) or a ``/``-separated path
    of names: a codebook (key or name) followed by codes (key, Indonesian or English name),
    case-insensitive. A path that names no codebook may start at any code if that is
    unambiguous (``Dukungan sebaya``). Raises :class:`NotFound` or :class:`AmbiguousCode`.
    """
    text = ref.strip()
    if not text:
        raise NotFound("code", ref)
    exact = session.scalar(select(Code.id).where(Code.key == text))
    if exact is not None:
        return exact
    parts = [_norm(p) for p in text.split("/")]
    if any(not p for p in parts):
        raise NotFound("code", ref)
    # Book ids and code ids share one map of children, so books get negative ids.
    kids: dict[int, list[_Node]] = defaultdict(list)
    books = [
        _Node(-row.id, row.key, _labels(row.key, row.name_id, row.name_en))
        for row in session.execute(
            select(Codebook.id, Codebook.key, Codebook.name_id, Codebook.name_en)
        )
    ]
    codes: list[_Node] = []
    rows = session.execute(
        select(Code.id, Code.codebook_id, Code.parent_id, Code.key, Code.name_id, Code.name_en)
    )
    for row in rows:
        node = _Node(row.id, row.key, _labels(row.key.rsplit("/", 1)[-1], row.name_id, row.name_en))
        codes.append(node)
        kids[row.parent_id if row.parent_id is not None else -row.codebook_id].append(node)
    found = _match(parts, books, kids, False) or _match(parts, codes, kids, True)
    if not found:
        raise NotFound("code", ref)
    if len(found) > 1:
        raise AmbiguousCode(ref, sorted(node.key for node in found))
    return next(iter(found)).id
