"""Bulk loading of the evidence analyses count: codings of a set of codes and their cases.

Which codings are evidence (:func:`load_codings`): those of the *primary* coders, unless
the analysis names coders explicitly (:class:`CoderSelection`). When several selected coders
coded the same span of the same document with the same code, it is one piece of evidence:
the coding with the lowest id stands for all of them, and its quote names every coder.

Counting never loads coded text: a coding is a small :class:`CodingRef` tuple, and its case is
found in memory with the rule of :mod:`app.coding.retrieval` (the case linked to a span holding
the coding's start, else the case linked to the whole document, else none). Quotes are loaded
only for the codings an analysis shows, as :class:`app.coding.retrieval.Excerpt`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
from sqlalchemy import BigInteger, String, case, cast, func, select
from sqlalchemy.orm import Session

from app.coding.coders import evidence_coders
from app.coding.codes import CodeInfo, list_codes
from app.coding.codings import Stance
from app.coding.errors import NotFound
from app.coding.retrieval import Excerpt, excerpt_query, make_excerpt
from app.models.schema import (
    Attribute,
    Case,
    CaseAttribute,
    Codebook,
    Coder,
    Coding,
    Document,
    DocumentCase,
)

_CHUNK = 900  # bound parameters per IN (...) query
_SUPPORTS = Stance.SUPPORTS.value  # read once: an enum member's value is a property
#: Codebook key meaning "every code of the project" (rows or columns of a matrix).
ALL_CODES = "*"


class CodingRef(NamedTuple):
    """The fields of a coding an analysis counts with (no text)."""

    id: int
    code_id: int
    document_id: int
    start: int
    end: int
    illustrative: bool
    stance: str = Stance.SUPPORTS.value
    coder_id: int = 0

    @property
    def supports(self) -> bool:
        """Whether this coding is supporting evidence (not ``absent``/``barrier``)."""
        return self.stance == _SUPPORTS


@dataclass(frozen=True)
class CoderSelection:
    """Whose codings an analysis counts: ``names`` (in name order) and whether the user
    picked them (``explicit``) or they are the project's primary coders."""

    ids: tuple[int, ...]
    names: tuple[str, ...]
    explicit: bool


def select_coders(session: Session, *, coders: Sequence[str] | None = None) -> CoderSelection:
    """The coders whose codings are evidence: ``coders`` when given (``NotFound`` for an
    unknown name), else every primary coder."""
    picked = [c.strip() for c in coders or () if c.strip()]
    ids = evidence_coders(session, coders=picked or None)
    names = sorted(
        session.scalars(select(Coder.name).where(Coder.id.in_(list(ids)))).all() if ids else []
    )
    return CoderSelection(ids, tuple(names), bool(picked))


@dataclass(frozen=True)
class CaseRef:
    """A case as analyses show it."""

    id: int
    name: str
    alias: str | None
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class CodebookInfo:
    """A codebook's names and reference, with its codes in tree order."""

    id: int
    key: str
    name_id: str
    name_en: str
    reference: str
    codes: tuple[CodeInfo, ...]


def pick(language: str, text_id: str, text_en: str) -> str:
    """The text in ``language`` ("id" or "en"), falling back to the other one when blank."""
    return (text_en or text_id) if language == "en" else (text_id or text_en)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "Informan 2" before "Informan 10"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    )


def codebook_info(session: Session, *, key: str) -> CodebookInfo:
    """A codebook and its codes; :class:`NotFound` when no codebook has ``key``.

    The key :data:`ALL_CODES` stands for every code of every codebook, in codebook order.
    """
    if key == ALL_CODES:
        return CodebookInfo(0, ALL_CODES, "Semua kode", "All codes", "", list_codes(session))
    row = session.execute(
        select(Codebook.id, Codebook.name_id, Codebook.name_en, Codebook.reference).where(
            Codebook.key == key
        )
    ).first()
    if row is None:
        raise NotFound("codebook", key)
    return CodebookInfo(row[0], key, row[1], row[2], row[3], list_codes(session, codebook_key=key))


def subtrees(codes: Sequence[CodeInfo]) -> dict[int, tuple[int, ...]]:
    """For each code, itself and its ancestors within ``codes`` (nearest first)."""
    parent = {c.id: c.parent_id for c in codes}
    result: dict[int, tuple[int, ...]] = {}
    for code in codes:
        chain = [code.id]
        up = code.parent_id
        while up is not None and up in parent:
            chain.append(up)
            up = parent[up]
        result[code.id] = tuple(chain)
    return result


def load_cases(session: Session) -> tuple[CaseRef, ...]:
    """Every case with its attributes, in informant order (alias by number, then name)."""
    values: dict[int, dict[str, str]] = {}
    for cid, name, value in session.execute(
        select(CaseAttribute.case_id, Attribute.name, CaseAttribute.value)
        .join(Attribute, Attribute.id == CaseAttribute.attribute_id)
        .order_by(Attribute.id)
    ):
        values.setdefault(cid, {})[name] = value
    cases = [
        CaseRef(cid, name, alias, MappingProxyType(values.get(cid, {})))
        for cid, name, alias in session.execute(select(Case.id, Case.name, Case.alias))
    ]
    cases.sort(key=lambda c: (c.alias is None, natural_key(c.alias or c.name), c.name))
    return tuple(cases)


def attribute_exists(session: Session, *, name: str) -> None:
    """:class:`NotFound` unless a case attribute called ``name`` exists."""
    if session.scalar(select(Attribute.id).where(Attribute.name == name)) is None:
        raise NotFound("attribute", name)


def lookup(mapping: Mapping[int, int], keys: np.ndarray) -> np.ndarray:
    """``mapping[k]`` for each of ``keys`` (an integer array), -1 where ``k`` is not in
    ``mapping`` (whose values are never negative)."""
    if not mapping:
        return np.full(len(keys), -1, dtype=np.int64)
    known = np.fromiter(mapping.keys(), dtype=np.int64, count=len(mapping))
    values = np.fromiter(mapping.values(), dtype=np.int64, count=len(mapping))
    order = np.argsort(known)
    known, values = known[order], values[order]
    at = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    return np.where(known[at] == keys, values[at], -1)


class CaseFinder:
    """The case of a position in a document, from the document↔case links in memory."""

    def __init__(self, session: Session) -> None:
        self._whole: dict[int, int] = {}
        self._starts: dict[int, list[int]] = {}
        self._spans: dict[int, list[tuple[int, int, int]]] = {}
        for doc_id, case_id, start, end in session.execute(
            select(
                DocumentCase.document_id, DocumentCase.case_id, DocumentCase.start, DocumentCase.end
            ).order_by(DocumentCase.document_id, DocumentCase.start, DocumentCase.id)
        ):
            if start is None or end is None:
                self._whole.setdefault(doc_id, case_id)
            else:
                self._starts.setdefault(doc_id, []).append(start)
                self._spans.setdefault(doc_id, []).append((start, end, case_id))

    def case_at(self, document_id: int, pos: int) -> int | None:
        """The case whose span holds ``pos``, else the whole-document case, else None."""
        starts = self._starts.get(document_id)
        if starts:
            spans = self._spans[document_id]
            i = bisect_right(starts, pos) - 1
            while i >= 0:
                if spans[i][1] > pos:
                    return spans[i][2]
                i -= 1
        return self._whole.get(document_id)

    def cases_of(self, document_ids: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """:meth:`case_at` of each (document, position) pair as an array, -1 for none."""
        result = lookup(self._whole, document_ids)
        if not self._starts or not len(document_ids):
            return result
        spans = [(d, s, e, c) for d, found in self._spans.items() for s, e, c in found]
        spans.sort(key=lambda x: (x[0], x[1]))  # stable: each document's spans stay in order
        doc, start, end, case_id = (
            np.array(col, dtype=np.int64) for col in zip(*spans, strict=True)
        )
        place = (doc << 32) | start
        # The last span starting at or before the position; when it ends before it, an
        # earlier span of the document may still hold it (nested spans): those few are
        # looked up one by one.
        at = np.searchsorted(place, (document_ids << 32) | starts, side="right") - 1
        held = at >= 0
        at = np.maximum(at, 0)
        same = held & (doc[at] == document_ids)
        inside = same & (end[at] > starts)
        result[inside] = case_id[at[inside]]
        for i in np.flatnonzero(same & ~inside).tolist():
            found = self.case_at(int(document_ids[i]), int(starts[i]))
            result[i] = -1 if found is None else found
        return result

    def has_spans(self) -> bool:
        """Whether any link covers only part of a document."""
        return bool(self._starts)

    def whole(self) -> Mapping[int, int]:
        """Document id → case of documents linked as a whole."""
        return self._whole

    def column_of(
        self, codings: Iterable[CodingRef], case_column: Mapping[int, int]
    ) -> Iterable[tuple[CodingRef, int]]:
        """(coding, column) for each coding whose case has a column in ``case_column``."""
        if not self._starts:
            by_doc = {d: case_column[c] for d, c in self._whole.items() if c in case_column}
            for coding in codings:
                col = by_doc.get(coding.document_id)
                if col is not None:
                    yield coding, col
            return
        for coding in codings:
            case_id = self.case_at(coding.document_id, coding.start)
            if case_id is not None and case_id in case_column:
                yield coding, case_column[case_id]


#: The stances of :attr:`CodingTable.stance`, by number (``supports`` is 0).
STANCES = (Stance.SUPPORTS.value, Stance.ABSENT.value, Stance.BARRIER.value)
#: The columns of :class:`CodingTable`, in :class:`CodingRef` order.
_TABLE_COLUMNS = ("id", "code_id", "document_id", "start", "end", "illustrative", "stance",
                  "coder_id")  # fmt: skip


@dataclass(frozen=True, eq=False)
class CodingTable:
    """Codings as columns: one integer array per :class:`CodingRef` field, ``stance`` as its
    number in :data:`STANCES`. Row ``i`` of every array is one coding; rows are ordered by
    document, start and id. Analyses count with index arrays into this table and build
    :class:`CodingRef` values only for the codings they show (:meth:`refs`)."""

    id: np.ndarray
    code_id: np.ndarray
    document_id: np.ndarray
    start: np.ndarray
    end: np.ndarray
    illustrative: np.ndarray
    stance: np.ndarray
    coder_id: np.ndarray

    @classmethod
    def of(cls, refs: Sequence[CodingRef]) -> CodingTable:
        """The table of ``refs``, in their order."""
        rows = [(*r[:6], STANCES.index(r.stance), r.coder_id) for r in refs]
        columns = list(zip(*rows, strict=True)) or [()] * len(_TABLE_COLUMNS)
        return cls(*(np.array(col, dtype=np.int64) for col in columns))

    def __len__(self) -> int:
        return len(self.id)

    def take(self, rows: np.ndarray) -> CodingTable:
        """The table of ``rows`` (indices or a mask), in that order."""
        return CodingTable(*(getattr(self, name)[rows] for name in _TABLE_COLUMNS))

    def refs(self, rows: np.ndarray | None = None) -> list[CodingRef]:
        """The codings of ``rows`` (indices; all when None) as :class:`CodingRef`."""
        table = self if rows is None else self.take(rows)
        columns = [getattr(table, name).tolist() for name in _TABLE_COLUMNS]
        columns[5] = [bool(v) for v in columns[5]]
        columns[6] = [STANCES[v] for v in columns[6]]
        return list(map(CodingRef._make, zip(*columns, strict=True)))


def _int_column(text: str | None) -> np.ndarray:
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def load_coding_table(
    session: Session,
    *,
    code_ids: Collection[int] | None,
    selection: CoderSelection | None = None,
) -> CodingTable:
    """The evidence codings of ``code_ids`` (every code when None) as a
    :class:`CodingTable`: those of ``selection`` (default: the primary coders), one per
    document, code and span however many selected coders made it (the lowest id stands for
    the others).

    The database packs each coding into four integers (two fields in one where they fit)
    and sends each of the four as one comma-separated aggregate string, which numpy parses:
    hundreds of thousands of codings then cost four strings, not a Python tuple and eight
    integers each (that per-row cost was most of a matrix's time)."""
    coder_ids = (selection or select_coders(session)).ids
    if (code_ids is not None and not code_ids) or not coder_ids:
        return CodingTable(*(np.zeros(0, dtype=np.int64) for _ in _TABLE_COLUMNS))
    # Four numbers a coding: id, code and document, start and end, coder and flags.
    pair = 1 << 32  # ids and offsets stay below 2**31
    stance_number = case(*((Coding.stance == s, n) for n, s in enumerate(STANCES) if n), else_=0)
    packed = (
        Coding.id,
        cast(Coding.code_id, BigInteger) * pair + Coding.document_id,
        cast(Coding.start, BigInteger) * pair + Coding.end,
        Coding.coder_id * 8 + stance_number * 2 + case((Coding.illustrative, 1), else_=0),
    )
    query = select(*(func.aggregate_strings(cast(f, String), ",") for f in packed))
    total_coders = session.scalar(select(func.count()).select_from(Coder)) or 0
    if len(coder_ids) < total_coders:
        query = query.where(Coding.coder_id.in_(list(coder_ids)))
    parts: list[tuple[str | None, ...]] = []
    ids = [] if code_ids is None else sorted(code_ids)
    for i in range(0, max(len(ids), 1), _CHUNK):
        chunk = query if code_ids is None else query.where(Coding.code_id.in_(ids[i : i + _CHUNK]))
        parts.append(tuple(session.execute(chunk).one()))
    # the chunks' strings joined (one chunk: the string itself), not copies of their arrays
    coding_id, code_doc, span, flags = (
        _int_column(",".join(text for text in found if text)) for found in zip(*parts, strict=True)
    )
    # Order and thin out the four packed columns, then unpack: half the arrays to permute.
    place = ((code_doc & (pair - 1)) << 32) | (span >> 32)  # document and start
    order = np.lexsort((coding_id, place))
    ordered = [column[order] for column in (coding_id, code_doc, span, flags)]
    if len(coder_ids) > 1:
        keep = _first_per_span(place[order], ordered[1] >> 32, ordered[2] & (pair - 1))
        ordered = [column[keep] for column in ordered]
    coding_id, code_doc, span, flags = ordered
    columns = (
        coding_id, code_doc >> 32, code_doc & (pair - 1), span >> 32, span & (pair - 1),
        flags & 1, (flags >> 1) & 3, flags >> 3,
    )  # fmt: skip
    return CodingTable(*columns)


def load_codings(
    session: Session,
    *,
    code_ids: Collection[int] | None,
    selection: CoderSelection | None = None,
) -> list[CodingRef]:
    """:func:`load_coding_table` as a list of :class:`CodingRef`, ordered by document and
    start."""
    return load_coding_table(session, code_ids=code_ids, selection=selection).refs()


def _run_numbers(ordered: np.ndarray) -> np.ndarray:
    """For each element of a sorted array, the number of distinct values before its own."""
    numbers = np.zeros(len(ordered), dtype=np.int64)
    np.cumsum(ordered[1:] != ordered[:-1], out=numbers[1:])
    return numbers


def _first_per_span(place: np.ndarray, code_id: np.ndarray, end: np.ndarray) -> np.ndarray:
    """A mask of the codings that do not repeat an earlier coding's document, code and span.

    The codings are ordered by ``place`` (document and start), ties in id order. Numbering
    the places, then the (place, code) pairs, makes two keys that are already sorted but
    inside one place, so two stable sorts by them (timsort: about linear on such keys; one
    sort of every coding by code and end is n log n and grows faster than the corpus) bring
    identical spans together in id order; all but the first (the lowest id) are dropped."""
    keep = np.ones(len(place), dtype=bool)
    if len(place) < 2:
        return keep
    by_code = (_run_numbers(place) << 32) | code_id  # ids and offsets stay below 2**31
    order = np.argsort(by_code, kind="stable")
    by_end = (_run_numbers(by_code[order]) << 32) | end[order]
    within = np.argsort(by_end, kind="stable")
    order, by_end = order[within], by_end[within]
    keep[order[1:][by_end[1:] == by_end[:-1]]] = False
    return keep


def document_types(session: Session) -> dict[int, str]:
    """Document id → its source type."""
    return {
        doc_id: kind for doc_id, kind in session.execute(select(Document.id, Document.source_type))
    }


def case_of_codings(finder: CaseFinder, codings: Iterable[CodingRef]) -> dict[int, int]:
    """Coding id → case id, for the codings that belong to a case."""
    whole = finder.whole()
    if not finder.has_spans():
        return {c.id: whole[c.document_id] for c in codings if c.document_id in whole}
    result: dict[int, int] = {}
    for c in codings:
        case_id = finder.case_at(c.document_id, c.start)
        if case_id is not None:
            result[c.id] = case_id
    return result


def load_quotes(
    session: Session,
    *,
    codings: Collection[CodingRef],
    finder: CaseFinder | None = None,
    selection: CoderSelection | None = None,
) -> dict[int, Excerpt]:
    """Coding id → excerpt (text, code, document, case, coder) for exactly ``codings``.

    With ``selection`` an excerpt names (``coders``, and ``coder`` joined by ", ") every
    selected coder who coded the same span with the same code. ``speaker`` is left empty:
    analyses cite quotes by case, not by turn.
    """
    if not codings:
        return {}
    finder = finder or CaseFinder(session)
    cases = {c.id: c for c in load_cases(session)}
    ids = sorted({c.id for c in codings})
    query = excerpt_query()
    result: dict[int, Excerpt] = {}
    for i in range(0, len(ids), _CHUNK):
        for row in session.execute(query.where(Coding.id.in_(ids[i : i + _CHUNK]))):
            case_id = finder.case_at(row[5], row[7])
            result[row[0]] = make_excerpt(row, cases.get(case_id) if case_id else None, None)
    if selection is not None and len(selection.ids) > 1:
        _name_every_coder(session, result, selection)
    return result


def _name_every_coder(
    session: Session, quotes: dict[int, Excerpt], selection: CoderSelection
) -> None:
    spans: dict[tuple[int, int, int, int], int] = {
        (e.document_id, e.code_id, e.start, e.end): cid for cid, e in quotes.items()
    }
    docs = sorted({e.document_id for e in quotes.values()})
    names: dict[int, set[str]] = {}
    for i in range(0, len(docs), _CHUNK):
        rows = session.execute(
            select(Coding.document_id, Coding.code_id, Coding.start, Coding.end, Coder.name)
            .join(Coder, Coder.id == Coding.coder_id)
            .where(
                Coding.document_id.in_(docs[i : i + _CHUNK]),
                Coding.coder_id.in_(list(selection.ids)),
            )
        )
        for doc, code, start, end, name in rows:
            owner = spans.get((doc, code, start, end))
            if owner is not None:
                names.setdefault(owner, set()).add(name)
    for cid, who in names.items():
        if len(who) > 1:
            ordered = tuple(sorted(who))
            quotes[cid] = replace(quotes[cid], coder=", ".join(ordered), coders=ordered)
