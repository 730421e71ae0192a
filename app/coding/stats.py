"""Counts that describe a whole project (``telaah stats``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.base import Base
from app.models.schema import Case, Code, Codebook, Coder, Coding, Document


@dataclass(frozen=True)
class ProjectStats:
    """Sizes of a project.

    ``coders`` lists (by name) everyone who has at least one coding; ``codebooks`` maps each
    codebook key to its number of codes, indicators included, in codebook order.
    """

    documents: int
    cases: int
    codes: int
    codings: int
    coders: tuple[str, ...]
    codebooks: Mapping[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        """A JSON-ready dict with the field names of SPEC §5."""
        return {
            "documents": self.documents,
            "cases": self.cases,
            "codes": self.codes,
            "codings": self.codings,
            "coders": list(self.coders),
            "codebooks": dict(self.codebooks),
        }


def _count(session: Session, model: type[Base]) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def project_stats(session: Session) -> ProjectStats:
    """Count documents, cases, codes, codings, coders and codes per codebook."""
    coders = session.scalars(
        select(Coder.name)
        .where(select(Coding.id).where(Coding.coder_id == Coder.id).exists())
        .order_by(Coder.name)
    ).all()
    per_book = session.execute(
        select(Codebook.key, func.count(Code.id))
        .outerjoin(Code, Code.codebook_id == Codebook.id)
        .group_by(Codebook.id)
        .order_by(Codebook.sort_order, Codebook.id)
    ).all()
    return ProjectStats(
        documents=_count(session, Document),
        cases=_count(session, Case),
        codes=_count(session, Code),
        codings=_count(session, Coding),
        coders=tuple(coders),
        codebooks={key: int(n) for key, n in per_book},
    )
