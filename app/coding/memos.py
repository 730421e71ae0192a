"""Analytic memos: one free text per project, document, code, case or codebook.

Coding memos live on the coding itself (:func:`app.coding.codings.update_coding`); these
are the memos a researcher writes about a whole document, a code ("what counts as trust
here?") or an informant. Writing an empty text removes the memo. Writing and restoring return
a :class:`MemoChange` (the memo before and after, and ``.changes`` for the change stream).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.codings import coder_id
from app.coding.errors import InvalidValue, NotFound
from app.coding.limits import check_lengths
from app.models.schema import Case, Code, Codebook, Coder, Document, Memo, utcnow
from app.models.transactions import committed

TARGETS = {"document": Document, "code": Code, "case": Case, "codebook": Codebook}


@dataclass(frozen=True)
class MemoInfo:
    """A memo as plain data; ``target_id`` is None for the project memo."""

    id: int
    target_kind: str
    target_id: int | None
    text: str
    author: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class MemoChange:
    """What :func:`set_memo` / :func:`restore_memo` did to the memo of one target."""

    target_kind: str
    target_id: int | None
    before: MemoInfo | None
    after: MemoInfo | None

    @property
    def changes(self) -> Changes:
        """For the change stream: the memo of this target changed."""
        return Changes.of_memo(self.target_kind, self.target_id)


def _check_target(session: Session, kind: str, target_id: int | None) -> None:
    if kind == "project":
        if target_id is not None:
            raise InvalidValue("memo target", str(target_id), "the project memo has no target")
        return
    model = TARGETS.get(kind)
    if model is None:
        raise InvalidValue("memo target", kind)
    if target_id is None or session.get(model, target_id) is None:
        raise NotFound(kind, str(target_id))


def target_exists(session: Session, *, target_kind: str, target_id: int | None) -> bool:
    """True when the memo target is still there (the project always is)."""
    try:
        _check_target(session, target_kind, target_id)
    except (NotFound, InvalidValue):
        return False
    return True


def _find(session: Session, kind: str, target_id: int | None) -> Memo | None:
    query = select(Memo).where(Memo.target_kind == kind)
    query = query.where(
        Memo.target_id.is_(None) if target_id is None else Memo.target_id == target_id
    )
    return session.scalars(query.order_by(Memo.id)).first()


def _info(session: Session, memo: Memo) -> MemoInfo:
    author = session.get(Coder, memo.coder_id) if memo.coder_id is not None else None
    return MemoInfo(
        memo.id,
        memo.target_kind,
        memo.target_id,
        memo.text,
        author.name if author else None,
        memo.created_at,
        memo.updated_at,
    )


def get_memo(session: Session, *, target_kind: str, target_id: int | None) -> MemoInfo | None:
    """The memo on a target, or None."""
    memo = _find(session, target_kind, target_id)
    return _info(session, memo) if memo is not None else None


def set_memo(
    session: Session, *, target_kind: str, target_id: int | None, text: str, author: str
) -> MemoChange:
    """Write (or with blank ``text`` remove) the memo on a target, committed.

    Returns the memo as it was before, so that undo can put it back (:func:`restore_memo`),
    and as it is now.
    """
    _check_target(session, target_kind, target_id)
    check_lengths(memo=text)
    with committed(session):
        memo = _find(session, target_kind, target_id)
        before = _info(session, memo) if memo is not None else None
        if not text.strip():
            if memo is not None:
                session.delete(memo)
        elif memo is None:
            session.add(
                Memo(
                    target_kind=target_kind,
                    target_id=target_id,
                    text=text,
                    coder_id=coder_id(session, name=author),
                )
            )
        elif memo.text != text:
            memo.text = text
            memo.coder_id = coder_id(session, name=author)
            memo.updated_at = utcnow()
    after = get_memo(session, target_kind=target_kind, target_id=target_id)
    return MemoChange(target_kind, target_id, before, after)


def restore_memo(
    session: Session, *, target_kind: str, target_id: int | None, memo: MemoInfo | None
) -> MemoChange:
    """Put a target's memo back to ``memo`` (None: no memo), exactly as it was."""
    with committed(session):
        current = _find(session, target_kind, target_id)
        before = _info(session, current) if current is not None else None
        if current is not None:
            session.delete(current)
            session.flush()
        if memo is not None:
            put_memos(session, memos=(memo,))
    return MemoChange(target_kind, target_id, before, memo)


def list_memos(session: Session) -> tuple[MemoInfo, ...]:
    """Every memo, project memo first, then by kind and target."""
    rows = session.scalars(select(Memo).order_by(Memo.target_kind, Memo.target_id, Memo.id))
    memos = [_info(session, m) for m in rows]
    return tuple(sorted(memos, key=lambda m: (m.target_kind != "project", m.target_kind)))


def take_memos(
    session: Session, *, target_kind: str, target_ids: list[int]
) -> tuple[MemoInfo, ...]:
    """Delete the memos of targets that are being deleted (no commit); returns them for undo."""
    rows = list(
        session.scalars(
            select(Memo).where(Memo.target_kind == target_kind, Memo.target_id.in_(target_ids))
        )
    )
    taken = tuple(_info(session, m) for m in rows)
    for memo in rows:
        session.delete(memo)
    session.flush()
    return taken


def put_memos(session: Session, *, memos: tuple[MemoInfo, ...]) -> None:
    """Re-insert memos returned by :func:`take_memos` (no commit)."""
    for memo in memos:
        session.add(
            Memo(
                id=memo.id,
                target_kind=memo.target_kind,
                target_id=memo.target_id,
                text=memo.text,
                coder_id=coder_id(session, name=memo.author) if memo.author else None,
                created_at=memo.created_at,
                updated_at=memo.updated_at,
            )
        )
    session.flush()
