"""What an analysis can be built over: the project's codebooks, case attributes and coders."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.schema import Attribute, Codebook, Coder, Coding


@dataclass(frozen=True)
class CodebookChoice:
    """A codebook as offered in a list."""

    key: str
    name_id: str
    name_en: str


@dataclass(frozen=True)
class AnalysisChoices:
    """Codebooks (in order), attribute names and coders who have codings (by name)."""

    codebooks: tuple[CodebookChoice, ...]
    attributes: tuple[str, ...]
    coders: tuple[str, ...]


def analysis_choices(session: Session) -> AnalysisChoices:
    """The codebooks, case attributes and coders of the project."""
    books = session.execute(
        select(Codebook.key, Codebook.name_id, Codebook.name_en).order_by(
            Codebook.sort_order, Codebook.id
        )
    ).all()
    attributes = session.scalars(select(Attribute.name).order_by(Attribute.id)).all()
    coders = session.scalars(
        select(Coder.name)
        .where(select(Coding.id).where(Coding.coder_id == Coder.id).exists())
        .order_by(Coder.name)
    ).all()
    return AnalysisChoices(
        codebooks=tuple(CodebookChoice(k, i, e) for k, i, e in books),
        attributes=tuple(attributes),
        coders=tuple(coders),
    )
