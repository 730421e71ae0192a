"""Findings: the researcher's short conclusion for one theoretical box ("Temuan").

A finding is one or two sentences per code, separate from the long analytic memo
(:mod:`app.coding.memos`). The summary, the triangulation table and chapter drafts print it.
Writing returns the text before, so undo puts it back with the same function.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.errors import InvalidValue, NotFound
from app.coding.limits import MAX_LENGTHS
from app.models.schema import Code
from app.models.transactions import committed

#: Longer than two sentences belongs in the analytic memo.
MAX_FINDING = MAX_LENGTHS["finding"]


@dataclass(frozen=True)
class FindingChange:
    """What :func:`set_finding` changed on code ``code_id``."""

    code_id: int
    before: str
    after: str

    @property
    def changes(self) -> Changes:
        """For the change stream: the code changed (its finding is part of it)."""
        return Changes.of_codes([self.code_id])


def set_finding(session: Session, *, code_id: int, text: str) -> FindingChange:
    """Write the finding of a code (blank text clears it), committed.

    Raises ``NotFound`` for an unknown code and ``InvalidValue`` for a text longer than
    :data:`MAX_FINDING` characters; nothing changes then.
    """
    text = text.strip()
    if len(text) > MAX_FINDING:
        raise InvalidValue("finding", text[:40] + "…", f"at most {MAX_FINDING} characters")
    with committed(session):
        code = session.get(Code, code_id)
        if code is None:
            raise NotFound("code", str(code_id))
        before = code.finding or ""
        code.finding = text
    return FindingChange(code_id, before, text)


def get_finding(session: Session, *, code_id: int) -> str:
    """The finding of a code ("" when none); ``NotFound`` for an unknown code."""
    code = session.get(Code, code_id)
    if code is None:
        raise NotFound("code", str(code_id))
    return code.finding or ""


def findings(session: Session, *, code_ids: Collection[int] | None = None) -> dict[int, str]:
    """Code id → finding, for the codes that have one (among ``code_ids`` when given)."""
    query = select(Code.id, Code.finding).where(Code.finding != "")
    if code_ids is not None:
        query = query.where(Code.id.in_(list(code_ids)))
    return {cid: text for cid, text in session.execute(query)}
