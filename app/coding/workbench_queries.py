"""Queries the coding workbench shows (document list, code tree, speakers, coding spans…).

Qt-free like the rest of the core; every function returns frozen dataclasses or tuples so
views can keep the data after the session closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, case, func, select
from sqlalchemy.orm import Session

from app.coding.codings import CodingInfo, coding_info
from app.coding.errors import NotFound
from app.models.schema import (
    Attribute,
    Case,
    CaseAttribute,
    Code,
    Codebook,
    Coder,
    Coding,
    Document,
    DocumentCase,
    Segment,
)


@dataclass(frozen=True)
class DocumentRow:
    """A document as the document list shows it."""

    id: int
    name: str
    format: str
    length: int
    cases: tuple[str, ...]
    coded_chars: int
    codings: int

    @property
    def coded_share(self) -> float:
        """Share (0 to 1) of the document's characters covered by at least one coding."""
        return self.coded_chars / self.length if self.length else 0.0


@dataclass(frozen=True)
class CodebookRow:
    """A codebook as the code tree shows it."""

    id: int
    key: str
    name_id: str
    name_en: str
    origin: str
    sort_order: int


@dataclass(frozen=True)
class CodeRow:
    """A code as the code tree shows it, with its number of codings."""

    id: int
    key: str
    codebook_id: int
    parent_id: int | None
    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    colour: str
    sort_order: int
    codings: int


def _coverage(only_some: bool) -> Select[Any]:
    """Per document: its number of codings and the characters they cover (their union);
    with ``only_some``, of the documents in the expanding parameter ``ids``.

    Computed by the database in one pass over the codings index: sorted by start, a coding
    adds what reaches past the furthest end of the codings before it. No coding is loaded.
    """
    reach = (
        func.max(Coding.end)
        .over(partition_by=Coding.document_id, order_by=Coding.start, rows=(None, -1))
        .label("reach")
    )
    spans_query = select(Coding.document_id, Coding.start, Coding.end, reach)
    if only_some:
        spans_query = spans_query.where(Coding.document_id.in_(bindparam("ids", expanding=True)))
    spans = spans_query.subquery()
    gain = case(
        (spans.c.reach.is_(None), spans.c.end - spans.c.start),
        (spans.c.reach >= spans.c.end, 0),
        (spans.c.reach > spans.c.start, spans.c.end - spans.c.reach),
        else_=spans.c.end - spans.c.start,
    )
    return select(spans.c.document_id, func.count(), func.sum(gain)).group_by(spans.c.document_id)


#: The two coverage statements, built once: building one took as long as running it for
#: a document of hundreds of codings, and the document list re-reads it after every click.
_COVERAGE = {False: _coverage(False), True: _coverage(True)}


def document_coverage(
    session: Session, *, document_ids: Sequence[int] | None = None
) -> dict[int, tuple[int, int]]:
    """Per document (all, or those of ``document_ids``) that has codings: (its number of
    codings, the characters they cover). Documents without codings are absent."""
    if document_ids is None:
        rows = session.execute(_COVERAGE[False])
    else:
        rows = session.execute(_COVERAGE[True], {"ids": list(document_ids)})
    return {int(doc_id): (int(n), int(chars or 0)) for doc_id, n, chars in rows}


def list_document_rows(
    session: Session, *, document_ids: Sequence[int] | None = None
) -> tuple[DocumentRow, ...]:
    """Documents by name with their cases, format and coded share."""
    docs = select(Document.id, Document.name, Document.format, Document.length).order_by(
        Document.name
    )
    links = (
        select(DocumentCase.document_id, Case.name)
        .join(Case, Case.id == DocumentCase.case_id)
        .order_by(DocumentCase.document_id, DocumentCase.start, Case.name)
    )
    if document_ids is not None:
        ids = list(document_ids)
        docs = docs.where(Document.id.in_(ids))
        links = links.where(DocumentCase.document_id.in_(ids))
    covered = document_coverage(session, document_ids=document_ids)
    cases: dict[int, list[str]] = {}
    for doc_id, name in session.execute(links):
        names = cases.setdefault(doc_id, [])
        if name not in names:
            names.append(name)
    return tuple(
        DocumentRow(
            id=doc_id,
            name=name,
            format=fmt,
            length=length,
            cases=tuple(cases.get(doc_id, ())),
            coded_chars=covered.get(doc_id, (0, 0))[1],
            codings=covered.get(doc_id, (0, 0))[0],
        )
        for doc_id, name, fmt, length in session.execute(docs)
    )


def document_text(session: Session, *, document_id: int) -> str:
    """The stored text of a document, exactly."""
    text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise NotFound("document", str(document_id))
    return text


def list_codebook_rows(session: Session) -> tuple[CodebookRow, ...]:
    """Codebooks in display order."""
    return tuple(
        CodebookRow(r.id, r.key, r.name_id, r.name_en, r.origin, r.sort_order)
        for r in session.scalars(select(Codebook).order_by(Codebook.sort_order, Codebook.key))
    )


def code_counts(session: Session, *, code_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Number of codings per code (codes without codings are absent)."""
    query = select(Coding.code_id, func.count()).group_by(Coding.code_id)
    if code_ids is not None:
        query = query.where(Coding.code_id.in_(list(code_ids)))
    return {int(code_id): int(n) for code_id, n in session.execute(query)}


def list_code_rows(session: Session) -> tuple[CodeRow, ...]:
    """Every code with its number of codings, siblings in their sort order."""
    counts = code_counts(session)
    rows = session.scalars(select(Code).order_by(Code.sort_order, Code.id))
    return tuple(
        CodeRow(
            id=c.id,
            key=c.key,
            codebook_id=c.codebook_id,
            parent_id=c.parent_id,
            name_id=c.name_id,
            name_en=c.name_en,
            definition_id=c.definition_id,
            definition_en=c.definition_en,
            colour=c.colour,
            sort_order=c.sort_order,
            codings=counts.get(c.id, 0),
        )
        for c in rows
    )


def speakers(session: Session, *, document_id: int) -> tuple[str, ...]:
    """Distinct speakers of a document's turns, in order of first appearance."""
    seen: dict[str, None] = {}
    for (name,) in session.execute(
        select(Segment.speaker)
        .where(Segment.document_id == document_id, Segment.kind == "turn")
        .order_by(Segment.start)
    ):
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def speaker_turns(
    session: Session, *, document_id: int, speaker: str
) -> tuple[tuple[int, int], ...]:
    """Spans (code points) of one speaker's turns in a document, in order."""
    return tuple(
        (int(s), int(e))
        for s, e in session.execute(
            select(Segment.start, Segment.end)
            .where(
                Segment.document_id == document_id,
                Segment.kind == "turn",
                Segment.speaker == speaker,
            )
            .order_by(Segment.start)
        )
    )


def all_speakers(session: Session) -> tuple[str, ...]:
    """Every speaker name in the project, sorted."""
    return tuple(
        s
        for s in session.scalars(
            select(Segment.speaker)
            .where(Segment.kind == "turn", Segment.speaker.is_not(None))
            .distinct()
            .order_by(Segment.speaker)
        )
        if s
    )


def coder_names(session: Session) -> tuple[str, ...]:
    """Every coder, sorted by name."""
    return tuple(session.scalars(select(Coder.name).order_by(Coder.name)))


def attribute_values(session: Session) -> dict[str, tuple[str, ...]]:
    """Each case attribute with its distinct values, both sorted."""
    values: dict[str, set[str]] = {}
    for name, value in session.execute(
        select(Attribute.name, CaseAttribute.value).join(
            CaseAttribute, CaseAttribute.attribute_id == Attribute.id
        )
    ):
        values.setdefault(name, set()).add(value)
    return {name: tuple(sorted(vals)) for name, vals in sorted(values.items())}


def attribute_types(session: Session) -> dict[str, str]:
    """Each attribute's type (text, number, date, category)."""
    return {n: t for n, t in session.execute(select(Attribute.name, Attribute.type))}


def coding_spans(
    session: Session, *, document_id: int
) -> tuple[tuple[int, int, int, int, str], ...]:
    """(coding id, code id, start, end, stance) of every coding of a document, by start.

    Lighter than loading full coding rows: what the text view needs to colour a document.
    """
    return tuple(
        (int(i), int(c), int(s), int(e), str(st))
        for i, c, s, e, st in session.execute(
            select(Coding.id, Coding.code_id, Coding.start, Coding.end, Coding.stance)
            .where(Coding.document_id == document_id)
            .order_by(Coding.start, Coding.end, Coding.id)
        )
    )


def codings_by_id(session: Session, *, coding_ids: Sequence[int]) -> tuple[CodingInfo, ...]:
    """Full information of the given codings (missing ids are skipped), by position."""
    if not coding_ids:
        return ()
    rows = session.execute(
        select(Coding, Coder.name)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.id.in_(list(coding_ids)))
        .order_by(Coding.start, Coding.end, Coding.id)
    ).all()
    return tuple(coding_info(row, name) for row, name in rows)
