"""Read-only queries behind the review screens: excerpts with their marks and threads.

Excerpts are grouped by code or by informant (case). A coding's case follows the rule of
:mod:`app.coding.retrieval` (a linked span containing its start, else the case linked to the
whole document). Groups are cheap to list; the excerpts of a group are loaded when it is
opened, so a large project does not load every snippet up front.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.coding.errors import InvalidValue, NotFound
from app.coding.retrieval import Excerpt, code_order, document_lookups, excerpts
from app.coding.review import CommentInfo, comments_for
from app.models.schema import (
    Case,
    Code,
    Coder,
    Coding,
    Comment,
    Document,
    DocumentCase,
    ReviewMark,
)

BY_CODE = "code"
BY_CASE = "case"
GROUPINGS = (BY_CODE, BY_CASE)


@dataclass(frozen=True)
class Mark:
    """One reviewer's verdict on a coding."""

    reviewer: str
    status: str


@dataclass(frozen=True)
class ReviewState:
    """The marks and the comment counts of one coding."""

    marks: tuple[Mark, ...] = ()
    comments: int = 0
    open_threads: int = 0

    @property
    def status(self) -> str | None:
        """``questioned`` if any reviewer questioned it, else ``agreed`` if any agreed."""
        statuses = {m.status for m in self.marks}
        if "questioned" in statuses:
            return "questioned"
        return "agreed" if "agreed" in statuses else None

    def mark_of(self, reviewer: str) -> str | None:
        """The status ``reviewer`` gave, if any."""
        return next((m.status for m in self.marks if m.reviewer == reviewer), None)


@dataclass(frozen=True)
class ReviewItem:
    """An excerpt as the reviewer sees it."""

    excerpt: Excerpt
    state: ReviewState = ReviewState()


@dataclass(frozen=True)
class ReviewGroup:
    """A code or an informant with how many of its excerpts are marked.

    ``id`` is the code or case id; ``None`` for the group of excerpts without a case.
    For a code, ``name_id``/``name_en`` are its names; for a case both hold its name and
    ``alias`` its alias.
    """

    kind: str
    id: int | None
    key: str
    name_id: str
    name_en: str
    alias: str | None
    total: int
    agreed: int
    questioned: int


@dataclass(frozen=True)
class CodingOver:
    """A coding that covers part of a compared stretch."""

    coding_id: int
    code_id: int
    code_key: str
    name_id: str
    name_en: str
    colour: str
    start: int
    end: int


@dataclass(frozen=True)
class StretchComparison:
    """A stretch of a document with each coder's codings over it, for side-by-side review."""

    document_id: int
    document: str
    start: int
    end: int
    before: str
    text: str
    after: str
    codings: dict[str, tuple[CodingOver, ...]]


@dataclass(frozen=True)
class QuestionedExcerpt:
    """A questioned excerpt with who questioned it and its whole thread."""

    excerpt: Excerpt
    reviewers: tuple[str, ...]
    thread: tuple[CommentInfo, ...]

    @property
    def resolved(self) -> bool:
        """Every thread answered and closed (and there is at least one)."""
        roots = [c for c in self.thread if c.reply_to is None]
        return bool(roots) and all(c.resolved for c in roots)


def _check_grouping(by: str) -> str:
    if by not in GROUPINGS:
        raise InvalidValue("by", by, "expected code or case")
    return by


def review_states(
    session: Session, *, coding_ids: Iterable[int] | None = None
) -> dict[int, ReviewState]:
    """Marks and comment counts of the given codings (all codings when ``None``).

    Codings without marks or comments are absent from the result.
    """
    ids = None if coding_ids is None else list(set(coding_ids))
    marks: dict[int, list[Mark]] = defaultdict(list)
    query = (
        select(ReviewMark.coding_id, Coder.name, ReviewMark.status)
        .join(Coder, Coder.id == ReviewMark.reviewer_id)
        .order_by(Coder.name)
    )
    comments = select(Comment.coding_id, Comment.reply_to_id, Comment.resolved)
    if ids is not None:
        query = query.where(ReviewMark.coding_id.in_(ids))
        comments = comments.where(Comment.coding_id.in_(ids))
    for cid, reviewer, status in session.execute(query):
        marks[cid].append(Mark(reviewer, status))
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for cid, reply_to, resolved in session.execute(comments):
        counts[cid][0] += 1
        if reply_to is None and not resolved:
            counts[cid][1] += 1
    return {
        cid: ReviewState(tuple(marks.get(cid, ())), *counts.get(cid, (0, 0)))
        for cid in set(marks) | set(counts)
    }


def _case_of_codings(session: Session) -> dict[int, int | None]:
    """The case id of every coding (``None`` when its passage belongs to no case)."""
    rows = session.execute(select(Coding.id, Coding.document_id, Coding.start)).all()
    lookups = document_lookups(session, {doc for _cid, doc, _start in rows})
    return {cid: lookups[doc].case_at(start) for cid, doc, start in rows}


def review_groups(session: Session, *, by: str) -> tuple[ReviewGroup, ...]:
    """Codes (in tree order) or informants (by name, then "no case") that have excerpts."""
    by = _check_grouping(by)
    states = review_states(session)
    members: dict[int | None, list[int]] = defaultdict(list)
    heads: list[tuple[int | None, str, str, str, str | None]] = []
    if by == BY_CODE:
        for cid, code_id in session.execute(select(Coding.id, Coding.code_id)):
            members[code_id].append(cid)
        order = code_order(session)
        rows = session.execute(
            select(Code.id, Code.key, Code.name_id, Code.name_en).where(
                Code.id.in_([k for k in members if k is not None])
            )
        ).all()
        for code_id, key, name_id, name_en in sorted(
            rows, key=lambda r: order.get(r[0], len(order))
        ):
            heads.append((code_id, key, name_id, name_en, None))
    else:
        for cid, case_id in _case_of_codings(session).items():
            members[case_id].append(cid)
        cases = session.execute(
            select(Case.id, Case.name, Case.alias)
            .where(Case.id.in_([k for k in members if k is not None]))
            .order_by(Case.name)
        ).all()
        heads.extend((i, name, name, name, alias) for i, name, alias in cases)
        if None in members:
            heads.append((None, "", "", "", None))
    out = []
    for gid, key, name_id, name_en, alias in heads:
        ids = members[gid]
        status = [states[c].status if c in states else None for c in ids]
        out.append(
            ReviewGroup(
                by,
                gid,
                key,
                name_id,
                name_en,
                alias,
                len(ids),
                status.count("agreed"),
                status.count("questioned"),
            )
        )
    return tuple(out)


def _with_states(session: Session, items: Sequence[Excerpt]) -> tuple[ReviewItem, ...]:
    states = review_states(session, coding_ids=[e.coding_id for e in items])
    return tuple(ReviewItem(e, states.get(e.coding_id, ReviewState())) for e in items)


def review_items(session: Session, *, by: str, group_id: int | None) -> tuple[ReviewItem, ...]:
    """The excerpts of one group of :func:`review_groups`, with their review state.

    By code: the code's own excerpts (not its indicators'), by document and position. By
    case: the informant's excerpts (``group_id=None``: those without a case) in code order.
    """
    by = _check_grouping(by)
    if by == BY_CODE:
        if group_id is None or session.get(Code, group_id) is None:
            raise NotFound("code", str(group_id))
        found = excerpts(session, code_ids=[group_id], include_children=False)
        return _with_states(session, sorted(found, key=lambda e: (e.document, e.start, e.end)))
    if group_id is None:
        wanted = [cid for cid, case in _case_of_codings(session).items() if case is None]
        doc_ids = set(session.scalars(select(Coding.document_id).where(Coding.id.in_(wanted))))
        name = None
    else:
        case = session.get(Case, group_id)
        if case is None:
            raise NotFound("case", str(group_id))
        doc_ids = set(
            session.scalars(select(DocumentCase.document_id).where(DocumentCase.case_id == case.id))
        )
        name = case.name
    found = excerpts(session, document_ids=sorted(doc_ids)) if doc_ids else ()
    return _with_states(session, [e for e in found if e.case == name])


def stretch_comparison(
    session: Session,
    *,
    document_id: int,
    start: int,
    end: int,
    coders: Sequence[str],
    context_chars: int = 150,
) -> StretchComparison:
    """``text[start:end]`` of a document with each coder's codings overlapping it."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound("document", str(document_id))
    text = doc.text
    start, end = max(0, start), min(len(text), end)
    rows = session.execute(
        select(
            Coder.name, Coding.id, Code.id, Code.key, Code.name_id, Code.name_en, Code.colour,
            Coding.start, Coding.end,
        )
        .join(Coder, Coder.id == Coding.coder_id)
        .join(Code, Code.id == Coding.code_id)
        .where(
            Coding.document_id == document_id,
            Coder.name.in_(list(coders)),
            Coding.start < end,
            Coding.end > start,
        )
        .order_by(Code.key, Coding.start, Coding.id)
    ).all()  # fmt: skip
    by_coder: dict[str, list[CodingOver]] = {name: [] for name in coders}
    for coder, cid, code_id, key, name_id, name_en, colour, c_start, c_end in rows:
        by_coder[coder].append(
            CodingOver(cid, code_id, key, name_id, name_en, colour, c_start, c_end)
        )
    return StretchComparison(
        document_id,
        doc.name,
        start,
        end,
        text[max(0, start - context_chars) : start],
        text[start:end],
        text[end : end + context_chars],
        {name: tuple(found) for name, found in by_coder.items()},
    )


def questioned_excerpts(
    session: Session, *, reviewer: str | None = None
) -> tuple[QuestionedExcerpt, ...]:
    """Every questioned excerpt (by ``reviewer``, or by anyone) with its thread, in code
    tree order, then document and position. Resolved ones are included."""
    query = (
        select(ReviewMark.coding_id, Coder.name)
        .join(Coder, Coder.id == ReviewMark.reviewer_id)
        .where(ReviewMark.status == "questioned")
        .order_by(Coder.name)
    )
    if reviewer is not None:
        query = query.where(Coder.name == reviewer)
    who: dict[int, list[str]] = defaultdict(list)
    for cid, name in session.execute(query):
        who[cid].append(name)
    if not who:
        return ()
    pairs = session.execute(
        select(Coding.code_id, Coding.document_id).where(Coding.id.in_(list(who)))
    ).all()
    found = excerpts(
        session,
        code_ids=sorted({c for c, _d in pairs}),
        include_children=False,
        document_ids=sorted({d for _c, d in pairs}),
    )
    return tuple(
        QuestionedExcerpt(e, tuple(who[e.coding_id]), comments_for(session, coding_id=e.coding_id))
        for e in found
        if e.coding_id in who
    )


def with_state(item: ReviewItem, state: ReviewState | None) -> ReviewItem:
    """``item`` with a fresh review state (after a mark or a comment)."""
    return dataclasses.replace(item, state=state or ReviewState())


def coders_with_codings(session: Session) -> tuple[tuple[str, int], ...]:
    """Every coder who has codings, with how many, by name."""
    rows = session.execute(
        select(Coder.name, func.count(Coding.id))
        .join(Coding, Coding.coder_id == Coder.id)
        .group_by(Coder.name)
        .order_by(Coder.name)
    ).all()
    return tuple((name, int(n)) for name, n in rows)


def document_names(session: Session) -> tuple[str, ...]:
    """Every document's name, sorted."""
    return tuple(session.scalars(select(Document.name).order_by(Document.name)))


def code_names(session: Session, *, keys: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Indonesian name, English name and colour of each code key."""
    return {
        key: (name_id, name_en, colour)
        for key, name_id, name_en, colour in session.execute(
            select(Code.key, Code.name_id, Code.name_en, Code.colour).where(
                Code.key.in_(list(set(keys)))
            )
        )
    }


def stretch_texts(
    session: Session, *, stretches: Sequence[tuple[int, int, int]]
) -> tuple[str, ...]:
    """``text[start:end]`` of each ``(document_id, start, end)``, in the same order."""
    doc_ids = {doc for doc, _s, _e in stretches}
    texts = dict(
        session.execute(select(Document.id, Document.text).where(Document.id.in_(doc_ids))).all()
    )
    return tuple(texts.get(doc, "")[start:end] for doc, start, end in stretches)
