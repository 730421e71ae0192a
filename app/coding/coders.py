"""Coders and their roles: whose codings count as evidence.

A ``primary`` coder's codings are the evidence summaries, matrices and Word exports count;
a ``second`` coder codes only so that agreement can be checked (a supervisor double-coding
a few transcripts). New coders are primary. Analyses that are given coders explicitly use
those coders' codings whatever their role (:func:`evidence_coders`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.codings import coder_id
from app.coding.errors import InvalidValue, NotFound
from app.models.schema import Coder, Coding
from app.models.transactions import committed


class CoderRole(StrEnum):
    """Whether a coder's codings are evidence (``primary``) or for agreement only."""

    PRIMARY = "primary"
    SECOND = "second"


@dataclass(frozen=True)
class CoderInfo:
    """A coder with their role and number of codings."""

    id: int
    name: str
    role: CoderRole
    codings: int


@dataclass(frozen=True)
class CoderRoleChange:
    """What :func:`set_coder_role` changed (``before`` is None for a coder it created)."""

    name: str
    before: CoderRole | None
    after: CoderRole

    @property
    def changes(self) -> Changes:
        """For the change stream: which codings are evidence changed (analyses rebuild)."""
        return Changes.codings_of()


def parse_role(value: str) -> CoderRole:
    """``primary`` / ``second`` → :class:`CoderRole`, else ``InvalidValue``."""
    try:
        return CoderRole(value.strip().lower())
    except ValueError as exc:
        raise InvalidValue("coder role", value, "expected primary or second") from exc


def list_coders(session: Session) -> tuple[CoderInfo, ...]:
    """Every coder, by name, with role and number of codings."""
    counts = dict(
        session.execute(select(Coding.coder_id, func.count()).group_by(Coding.coder_id)).all()
    )
    rows = session.execute(select(Coder.id, Coder.name, Coder.role).order_by(Coder.name))
    return tuple(
        CoderInfo(cid, name, CoderRole(role), counts.get(cid, 0)) for cid, name, role in rows
    )


def set_coder_role(
    session: Session, *, name: str, role: CoderRole | str, create: bool = True
) -> CoderRoleChange:
    """Give coder ``name`` ``role`` (creating the coder when ``create``), committed.

    Raises ``NotFound`` for an unknown coder when not ``create``, ``InvalidValue`` for an
    unknown role or an empty name; nothing changes then.
    """
    wanted = parse_role(str(role))
    with committed(session):
        existing = session.scalar(select(Coder).where(Coder.name == name.strip()))
        if existing is None:
            if not create:
                raise NotFound("coder", name)
            row = session.get(Coder, coder_id(session, name=name))
            assert row is not None
            before = None
        else:
            row, before = existing, CoderRole(existing.role)
        row.role = wanted.value
    return CoderRoleChange(row.name, before, wanted)


def evidence_coders(session: Session, *, coders: Sequence[str] | None = None) -> tuple[int, ...]:
    """Ids of the coders whose codings are evidence: ``coders`` when given (each must
    exist, else ``NotFound``), otherwise every primary coder."""
    if coders:
        found: dict[str, int] = {
            name: cid
            for name, cid in session.execute(
                select(Coder.name, Coder.id).where(Coder.name.in_(list(coders)))
            )
        }
        for name in coders:
            if name not in found:
                raise NotFound("coder", name)
        return tuple(sorted(set(found.values())))
    return tuple(
        session.scalars(
            select(Coder.id).where(Coder.role == CoderRole.PRIMARY.value).order_by(Coder.id)
        )
    )
