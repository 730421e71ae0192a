"""Retrieving coded excerpts with their code, case, speaker and context.

A coding's case is the case linked to a span containing the coding's start, else the case
linked to the whole document, else none. Its speaker is the speaker of the turn containing
its start. Lookups are done per document with :mod:`bisect` over rows loaded in bulk, so the
cost grows with the number of codings returned, not with one query per coding.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, Protocol

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.coding.errors import InvalidValue, NotFound
from app.coding.sources import citation_title
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
class Excerpt:
    """One coded passage as plain data. ``text`` is the exact stored slice.

    ``stance`` is the coding's evidence stance (``supports``/``absent``/``barrier``);
    ``source_type``, ``title`` (the citation title, never "") and ``source_date`` describe
    its document. ``coders`` names every coder whose identical coding (same document, code
    and span) this one excerpt stands for, when analyses merged them (else just ``coder``).
    """

    coding_id: int
    code_id: int
    code_key: str
    code_name_id: str
    code_name_en: str
    document_id: int
    document: str
    case: str | None
    case_alias: str | None
    case_attributes: Mapping[str, str]
    start: int
    end: int
    text: str
    coder: str
    memo: str = ""
    illustrative: bool = False
    speaker: str | None = None
    stance: str = "supports"
    source_type: str = "interview"
    title: str = ""
    source_date: date | None = None
    coders: tuple[str, ...] = ()


_NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class _CaseRow:
    name: str
    alias: str | None
    attributes: Mapping[str, str] = field(default_factory=dict)


class CaseLike(Protocol):
    """What an excerpt needs to know of its case."""

    @property
    def name(self) -> str: ...

    @property
    def alias(self) -> str | None: ...

    @property
    def attributes(self) -> Mapping[str, str]: ...


def excerpt_query() -> Select[*tuple[Any, ...]]:
    """The columns :func:`make_excerpt` reads, joined; add filters and execute."""
    return (
        select(
            Coding.id,
            Coding.code_id,
            Code.key,
            Code.name_id,
            Code.name_en,
            Coding.document_id,
            Document.name,
            Coding.start,
            Coding.end,
            Coding.snippet,
            Coder.name,
            Coding.memo,
            Coding.illustrative,
            Coding.stance,
            Document.source_type,
            Document.title,
            Document.source_date,
        )
        .join(Code, Code.id == Coding.code_id)
        .join(Coder, Coder.id == Coding.coder_id)
        .join(Document, Document.id == Coding.document_id)
    )


def make_excerpt(row: Sequence[Any], case: CaseLike | None, speaker: str | None) -> Excerpt:
    """An :class:`Excerpt` from a row of :func:`excerpt_query`."""
    (cid, code_id, key, name_id, name_en, doc_id, doc, start, end, text, coder, memo,
     star, stance, source_type, title, source_date) = row  # fmt: skip
    return Excerpt(
        coding_id=cid,
        code_id=code_id,
        code_key=key,
        code_name_id=name_id,
        code_name_en=name_en,
        document_id=doc_id,
        document=doc,
        case=case.name if case else None,
        case_alias=case.alias if case else None,
        case_attributes=case.attributes if case else _NO_ATTRIBUTES,
        start=start,
        end=end,
        text=text,
        coder=coder,
        memo=memo,
        illustrative=bool(star),
        speaker=speaker,
        stance=stance or "supports",
        source_type=source_type or "interview",
        title=citation_title(doc, title or ""),
        source_date=source_date,
        coders=(coder,),
    )


def document_id(session: Session, *, name: str) -> int:
    """Id of the document imported under ``name``, else :class:`NotFound`."""
    found = session.scalar(select(Document.id).where(Document.name == name))
    if found is None:
        raise NotFound("document", name)
    return found


def code_order(session: Session) -> dict[int, int]:
    """Position of every code in tree order (codebooks in order, parents before children)."""
    books = {
        book_id: rank
        for rank, book_id in enumerate(
            session.scalars(select(Codebook.id).order_by(Codebook.sort_order, Codebook.id))
        )
    }
    children: dict[tuple[int, int | None], list[int]] = {}
    for code_id, book_id, parent_id in session.execute(
        select(Code.id, Code.codebook_id, Code.parent_id).order_by(Code.sort_order, Code.id)
    ):
        children.setdefault((book_id, parent_id), []).append(code_id)
    order: dict[int, int] = {}

    def visit(book_id: int, parent_id: int | None) -> None:
        stack = list(reversed(children.get((book_id, parent_id), [])))
        while stack:
            code_id = stack.pop()
            order[code_id] = len(order)
            stack.extend(reversed(children.get((book_id, code_id), [])))

    for book_id in sorted(books, key=books.__getitem__):
        visit(book_id, None)
    return order


def descendants(session: Session, code_ids: Iterable[int]) -> set[int]:
    """The given codes and every code below them."""
    parent_of = {cid: pid for cid, pid in session.execute(select(Code.id, Code.parent_id))}
    wanted = set(code_ids)
    missing = wanted - parent_of.keys()
    if missing:
        raise NotFound("code", str(min(missing)))
    result = set()
    for code_id in parent_of:
        node: int | None = code_id
        while node is not None:
            if node in wanted:
                result.add(code_id)
                break
            node = parent_of.get(node)
    return result


def _cases(session: Session) -> dict[int, _CaseRow]:
    values: dict[int, dict[str, str]] = {}
    for case_id, name, value in session.execute(
        select(CaseAttribute.case_id, Attribute.name, CaseAttribute.value)
        .join(Attribute, Attribute.id == CaseAttribute.attribute_id)
        .order_by(Attribute.id)
    ):
        values.setdefault(case_id, {})[name] = value
    return {
        cid: _CaseRow(name, alias, MappingProxyType(values.get(cid, {})))
        for cid, name, alias in session.execute(select(Case.id, Case.name, Case.alias))
    }


class DocumentLookup:
    """Case and speaker of a position in one document."""

    def __init__(self) -> None:
        self.whole_case: int | None = None
        self.span_starts: list[int] = []
        self.spans: list[tuple[int, int, int]] = []
        self.turn_starts: list[int] = []
        self.turns: list[tuple[int, int, str | None]] = []

    def case_at(self, pos: int) -> int | None:
        i = bisect_right(self.span_starts, pos) - 1
        while i >= 0:
            _start, end, case_id = self.spans[i]
            if end > pos:
                return case_id
            i -= 1
        return self.whole_case

    def speaker_at(self, pos: int) -> str | None:
        i = bisect_right(self.turn_starts, pos) - 1
        if i >= 0:
            _start, end, speaker = self.turns[i]
            if end > pos:
                return speaker
        return None


def document_lookups(session: Session, doc_ids: set[int]) -> dict[int, DocumentLookup]:
    """Per document: which case each position belongs to and who speaks there."""
    lookups = {doc_id: DocumentLookup() for doc_id in doc_ids}
    links = session.execute(
        select(DocumentCase.document_id, DocumentCase.case_id, DocumentCase.start, DocumentCase.end)
        .where(DocumentCase.document_id.in_(doc_ids))
        .order_by(DocumentCase.document_id, DocumentCase.start, DocumentCase.id)
    )
    for doc_id, case_id, start, end in links:
        lookup = lookups[doc_id]
        if start is None or end is None:
            if lookup.whole_case is None:
                lookup.whole_case = case_id
        else:
            lookup.span_starts.append(start)
            lookup.spans.append((start, end, case_id))
    turns = session.execute(
        select(Segment.document_id, Segment.start, Segment.end, Segment.speaker)
        .where(Segment.document_id.in_(doc_ids), Segment.kind == "turn")
        .order_by(Segment.document_id, Segment.start)
    )
    for doc_id, start, end, speaker in turns:
        lookup = lookups[doc_id]
        lookup.turn_starts.append(start)
        lookup.turns.append((start, end, speaker))
    return lookups


def excerpts(
    session: Session,
    *,
    code_ids: Sequence[int] | None = None,
    include_children: bool = True,
    document_ids: Sequence[int] | None = None,
    coders: Sequence[str] | None = None,
    case_filter: Mapping[str, str] | None = None,
    speaker: str | None = None,
) -> tuple[Excerpt, ...]:
    """Coded excerpts, ordered by code tree order, then document name, then start.

    ``case_filter`` keeps excerpts whose case has every given attribute value; ``speaker``
    keeps those inside a turn of that speaker (case-insensitive).
    """
    query = excerpt_query()
    if code_ids is not None:
        wanted = descendants(session, code_ids) if include_children else set(code_ids)
        query = query.where(Coding.code_id.in_(wanted))
    if document_ids is not None:
        query = query.where(Coding.document_id.in_(list(document_ids)))
    if coders is not None:
        query = query.where(Coder.name.in_(list(coders)))
    rows = session.execute(query).all()
    lookups = document_lookups(session, {row[5] for row in rows})
    cases = _cases(session)
    wanted_speaker = speaker.strip().casefold() if speaker is not None else None
    result: list[Excerpt] = []
    for row in rows:
        doc_id, start = row[5], row[7]
        lookup = lookups[doc_id]
        case_id = lookup.case_at(start)
        case = cases.get(case_id) if case_id is not None else None
        if case_filter and (
            case is None or any(case.attributes.get(k) != v for k, v in case_filter.items())
        ):
            continue
        who = lookup.speaker_at(start)
        if wanted_speaker is not None and (who or "").strip().casefold() != wanted_speaker:
            continue
        result.append(make_excerpt(row, case, who))
    order = code_order(session)
    result.sort(key=lambda e: (order.get(e.code_id, len(order)), e.document, e.start, e.end))
    return tuple(result)


def context(
    session: Session, *, document_id: int, start: int, end: int, chars: int = 200
) -> tuple[str, str]:
    """Up to ``chars`` characters of the document before ``start`` and after ``end``."""
    if chars < 0:
        raise InvalidValue("chars", str(chars))
    begin = max(start - chars, 0)
    row = session.execute(
        select(
            func.substr(Document.text, begin + 1, start - begin),
            func.substr(Document.text, end + 1, chars),
        ).where(Document.id == document_id)
    ).first()
    if row is None:
        raise NotFound("document", str(document_id))
    before, after = row
    return before or "", after or ""
