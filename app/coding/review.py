"""Supervisor review: marking codings agreed/questioned and commenting on them.

Every edit commits its own transaction and returns what it changed for the change stream
(``.changes``: the review state of one coding): a :class:`MarkChange`, the
:class:`CommentInfo` written or taken back, or for restoring and resolving the
:class:`~app.coding.changes.Changes` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.codings import coder_id
from app.coding.errors import InvalidValue, NotFound
from app.coding.limits import check_lengths
from app.models.schema import Code, Coder, Coding, Comment, Document, ReviewMark
from app.models.transactions import committed

STATUSES = ("agreed", "questioned")


@dataclass(frozen=True)
class CommentInfo:
    """One comment; ``reply_to`` is the id of the comment it answers.

    ``replies`` is filled only by :func:`delete_comment`: every comment the database deleted
    with this one (replies, replies to them, ...), each before the replies it has, so
    :func:`restore_comment` can put the whole thread back in that order. Elsewhere it is empty
    (a thread is read flat, by ``reply_to``: :func:`comments_for`).
    """

    id: int
    coding_id: int
    author: str
    text: str
    reply_to: int | None
    resolved: bool
    created_at: datetime
    replies: tuple[CommentInfo, ...] = ()

    @property
    def changes(self) -> Changes:
        """For the change stream: the review state of the commented coding changed."""
        return Changes.of_review([self.coding_id])


@dataclass(frozen=True)
class MarkChange:
    """What :func:`mark_coding` did: the reviewer's status before and after (None: none)."""

    coding_id: int
    reviewer: str
    before: str | None
    after: str | None

    @property
    def changes(self) -> Changes:
        """For the change stream: the review state of this coding changed."""
        return Changes.of_review([self.coding_id])


@dataclass(frozen=True)
class OpenQuestion:
    """A questioned coding with its thread, for the coder's to-do list."""

    coding_id: int
    document: str
    code_key: str
    start: int
    end: int
    snippet: str
    reviewer: str
    thread: tuple[CommentInfo, ...]


def mark_coding(
    session: Session, *, coding_id: int, reviewer: str, status: str | None
) -> MarkChange:
    """Set (or with ``None`` clear) a reviewer's mark; ``before`` is the previous status
    (undo sets it again)."""
    if status is not None and status not in STATUSES:
        raise InvalidValue("status", status)
    with committed(session):
        if session.get(Coding, coding_id) is None:
            raise NotFound("coding", str(coding_id))
        rid = coder_id(session, name=reviewer)
        mark = session.scalar(
            select(ReviewMark).where(
                ReviewMark.coding_id == coding_id, ReviewMark.reviewer_id == rid
            )
        )
        previous = mark.status if mark is not None else None
        if status is None:
            if mark is not None:
                session.delete(mark)
        elif mark is None:
            session.add(ReviewMark(coding_id=coding_id, reviewer_id=rid, status=status))
        else:
            mark.status = status
    return MarkChange(coding_id, reviewer.strip(), previous, status)


def add_comment(
    session: Session, *, coding_id: int, author: str, text: str, reply_to: int | None = None
) -> CommentInfo:
    """Comment on a coding (or answer a comment), committed."""
    if not text.strip():
        raise InvalidValue("comment", text, "empty")
    check_lengths(comment=text.strip())
    if session.get(Coding, coding_id) is None:
        raise NotFound("coding", str(coding_id))
    if reply_to is not None and session.get(Comment, reply_to) is None:
        raise NotFound("comment", str(reply_to))
    with committed(session):
        comment = Comment(
            coding_id=coding_id,
            author_id=coder_id(session, name=author),
            text=text.strip(),
            reply_to_id=reply_to,
        )
        session.add(comment)
    return _comment_info(comment, author)


def delete_comment(session: Session, *, comment_id: int) -> CommentInfo:
    """Take a comment back with every reply below it (the database deletes them with it);
    returns it, the replies in ``replies``, for :func:`restore_comment`."""
    root = _comment_rows(session, Comment.id.in_([comment_id]))
    if not root:
        raise NotFound("comment", str(comment_id))
    replies: list[CommentInfo] = []
    seen = {comment_id}
    level = [comment_id]
    while level:  # one query per level of the thread, parents before their replies
        # each comment once: a file edited by another program may make replies a cycle
        found = [
            c for c in _comment_rows(session, Comment.reply_to_id.in_(level)) if c.id not in seen
        ]
        seen.update(c.id for c in found)
        replies += found
        level = [c.id for c in found]
    with committed(session):
        session.execute(delete(Comment).where(Comment.id == comment_id))
    return replace(root[0], replies=tuple(replies))


def restore_comment(session: Session, *, comment: CommentInfo) -> Changes:
    """Undo :func:`delete_comment`: the comment and its ``replies`` come back with their ids,
    authors, parents, resolved flags and times."""
    with committed(session):
        rows = [
            {
                "id": c.id,
                "coding_id": c.coding_id,
                "author_id": coder_id(session, name=c.author),
                "reply_to_id": c.reply_to,
                "text": c.text,
                "resolved": c.resolved,
                "created_at": c.created_at,
            }
            for c in (comment, *comment.replies)
        ]
        session.execute(insert(Comment), rows)  # in order: a reply after what it answers
    return comment.changes


def _comment_rows(session: Session, where: ColumnElement[bool]) -> list[CommentInfo]:
    rows = session.execute(
        select(Comment, Coder.name)
        .join(Coder, Coder.id == Comment.author_id)
        .where(where)
        .order_by(Comment.id)
    ).all()
    return [_comment_info(c, name) for c, name in rows]


def resolve_thread(session: Session, *, comment_id: int, resolved: bool = True) -> Changes:
    """Mark a question (the root comment of a thread) resolved or open again."""
    with committed(session):
        comment = session.get(Comment, comment_id)
        if comment is None:
            raise NotFound("comment", str(comment_id))
        comment.resolved = resolved
        coding = comment.coding_id
    return Changes.of_review([coding])


@dataclass(frozen=True)
class ReviewState:
    """The review marks and comments of some codings, as stored rows (for undo)."""

    marks: tuple[tuple[Any, ...], ...] = ()
    comments: tuple[tuple[Any, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.marks or self.comments)

    @property
    def changes(self) -> Changes:
        """For the change stream: the review state of these codings changed (or nothing)."""
        if not self:
            return Changes()
        at = _COMMENT_COLUMNS.index("coding_id"), _MARK_COLUMNS.index("coding_id")
        ids = {row[at[0]] for row in self.comments} | {row[at[1]] for row in self.marks}
        return Changes.of_review(ids)


#: no marks and no comments (the default of snapshots that carry review state)
NO_REVIEW = ReviewState()
_MARK_COLUMNS = tuple(c.name for c in ReviewMark.__table__.columns)
_COMMENT_COLUMNS = tuple(c.name for c in Comment.__table__.columns)


_CHUNK = 900  # bound parameters per IN (...) query


def review_state(session: Session, *, coding_ids: Sequence[int]) -> ReviewState:
    """The marks and comments of these codings, read before the codings are deleted (the
    database deletes them with their codings); :func:`put_review_state` puts them back."""
    ids = list(coding_ids)
    if not ids:
        return ReviewState()
    marks: list[Any] = []
    comments: list[Any] = []
    for i in range(0, len(ids), _CHUNK):  # an undo of auto-coding removes 50,000 at once
        part = ids[i : i + _CHUNK]
        marks += session.execute(
            select(*ReviewMark.__table__.columns).where(ReviewMark.coding_id.in_(part))
        ).all()
        comments += session.execute(
            select(*Comment.__table__.columns).where(Comment.coding_id.in_(part))
        ).all()
    return ReviewState(
        tuple(tuple(r) for r in sorted(marks, key=lambda r: r.id)),
        tuple(tuple(r) for r in sorted(comments, key=lambda r: r.id)),
    )


def put_review_state(session: Session, *, state: ReviewState) -> None:
    """Re-insert what :func:`review_state` read, same ids (no commit; the codings first)."""
    if state.marks:
        rows = [dict(zip(_MARK_COLUMNS, r, strict=True)) for r in state.marks]
        session.execute(insert(ReviewMark), rows)
    for row in state.comments:  # by id: a reply after the comment it answers
        session.execute(insert(Comment), [dict(zip(_COMMENT_COLUMNS, row, strict=True))])


def _comment_info(c: Comment, author: str) -> CommentInfo:
    return CommentInfo(c.id, c.coding_id, author, c.text, c.reply_to_id, c.resolved, c.created_at)


def comments_for(session: Session, *, coding_id: int) -> tuple[CommentInfo, ...]:
    """A coding's comments in the order they were written."""
    rows = session.execute(
        select(Comment, Coder.name)
        .join(Coder, Coder.id == Comment.author_id)
        .where(Comment.coding_id == coding_id)
        .order_by(Comment.created_at, Comment.id)
    ).all()
    return tuple(_comment_info(c, name) for c, name in rows)


def open_questions(session: Session) -> tuple[OpenQuestion, ...]:
    """Questioned codings whose threads are not resolved, by document and position."""
    rows = session.execute(
        select(Coding, Document.name, Code.key, Coder.name)
        .join(ReviewMark, ReviewMark.coding_id == Coding.id)
        .join(Coder, Coder.id == ReviewMark.reviewer_id)
        .join(Document, Document.id == Coding.document_id)
        .join(Code, Code.id == Coding.code_id)
        .where(ReviewMark.status == "questioned")
        .order_by(Document.name, Coding.start, Coding.id)
    ).all()
    out = []
    for coding, doc, key, reviewer in rows:
        thread = comments_for(session, coding_id=coding.id)
        roots = [c for c in thread if c.reply_to is None]
        if roots and all(c.resolved for c in roots):
            continue
        out.append(
            OpenQuestion(
                coding.id, doc, key, coding.start, coding.end, coding.snippet, reviewer, thread
            )
        )
    return tuple(out)
