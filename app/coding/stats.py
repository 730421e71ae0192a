"""Counts that describe a whole project (``telaah stats``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from app.models import schema as _schema  # noqa: F401  (registers the tables)
from app.models.base import Base


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


def project_stats(conn: Connection | Session) -> ProjectStats:
    """Count documents, cases, codes, codings, coders and codes per codebook.

    Three Core statements on the tables (no ORM entities to compile): ``telaah stats``
    spends its time starting up, not here; a session works as well as a connection."""
    documents, cases, codes, codings, coders, codebooks = (
        Base.metadata.tables[name]
        for name in ("documents", "cases", "codes", "codings", "coders", "codebooks")
    )
    counted = [
        select(func.count()).select_from(table).scalar_subquery()
        for table in (documents, cases, codes, codings)
    ]
    n_documents, n_cases, n_codes, n_codings = conn.execute(select(*counted)).one()
    names = conn.scalars(
        select(coders.c.name)
        .where(select(codings.c.id).where(codings.c.coder_id == coders.c.id).exists())
        .order_by(coders.c.name)
    ).all()
    per_book = conn.execute(
        select(codebooks.c.key, func.count(codes.c.id))
        .select_from(codebooks.outerjoin(codes, codes.c.codebook_id == codebooks.c.id))
        .group_by(codebooks.c.id)
        .order_by(codebooks.c.sort_order, codebooks.c.id)
    ).all()
    return ProjectStats(
        documents=int(n_documents),
        cases=int(n_cases),
        codes=int(n_codes),
        codings=int(n_codings),
        coders=tuple(names),
        codebooks={key: int(n) for key, n in per_book},
    )
