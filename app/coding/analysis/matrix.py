"""Coded matrices: the codes of a codebook against cases, attribute values or other codes.

Rows are the codes of a codebook in tree order, indicators included. Columns are

* ``cases`` — every case, in informant order (alias by number, then name);
* ``attr:KEY`` — the values of case attribute KEY, in order of first appearance;
* ``source-type`` — the document source types present (interview, observation, …), in
  :class:`~app.coding.sources.SourceType` order (triangulation);
* a codebook key — that codebook's codes (co-occurrence).

A cell's evidence is the row code's *supporting* codings that fall in the column: whose case
is that case, whose case has that attribute value, whose document is of that source type, or
that overlap (share at least one character with) a coding of the column code in the same
document. Codings are those of the primary coders unless ``coders`` are given, one per
document, code and span (:mod:`app.coding.analysis.evidence`). Codings whose stance is
``absent`` or ``barrier`` are kept apart in ``contrary`` and never counted.
With ``rollup`` a code with indicators (``rolled_up`` row or column) includes their codings,
in every cell kind: a count cell is the number of evidence codings and always equals the
number of quotes its quote cell shows (indicators' quotes included, their ``code_id`` says
which indicator), and a summary cell of a rolled-up row adds its indicators' summaries.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import overload

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.coding.analysis.cell_summaries import attr_column_key, cell_summaries
from app.coding.analysis.evidence import (
    CaseFinder,
    CaseRef,
    CodingRef,
    CodingTable,
    attribute_exists,
    codebook_info,
    document_types,
    load_cases,
    load_coding_table,
    load_quotes,
    lookup,
    pick,
    select_coders,
    subtrees,
)
from app.coding.codes import CodeInfo
from app.coding.errors import InvalidValue
from app.coding.exports.table_kinds import CellKind as CellKind  # re-exported: declared there
from app.coding.exports.table_kinds import parse_cells as parse_cells
from app.coding.retrieval import Excerpt
from app.coding.sources import SourceType
from app.models.bulk import gc_paused
from app.models.schema import Code

#: The ``cols`` value of a matrix whose columns are document source types.
SOURCE_TYPE_COLUMNS = "source-type"


class ColumnKind(StrEnum):
    """What a matrix's columns are."""

    CASE = "case"
    ATTR = "attr"
    CODE = "code"
    SOURCE = "source"


def parse_columns(cols: str) -> tuple[ColumnKind, str]:
    """``cases`` / ``attr:KEY`` / ``source-type`` / a codebook key → (kind, source)."""
    cols = cols.strip()
    if cols == "cases":
        return ColumnKind.CASE, "cases"
    if cols == SOURCE_TYPE_COLUMNS:
        return ColumnKind.SOURCE, SOURCE_TYPE_COLUMNS
    if cols.startswith("attr:"):
        name = cols[len("attr:") :].strip()
        if not name:
            raise InvalidValue("columns", cols, "attr: needs an attribute name")
        return ColumnKind.ATTR, name
    if not cols:
        raise InvalidValue("columns", cols, "expected cases, attr:KEY or a codebook")
    return ColumnKind.CODE, cols


@dataclass(frozen=True)
class MatrixRow:
    """A row: one code of the row codebook."""

    code_id: int
    key: str
    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    depth: int
    rolled_up: bool
    parent_id: int | None = None

    def name(self, language: str) -> str:
        """Name in ``language`` ("id"/"en"), falling back to the other."""
        return pick(language, self.name_id, self.name_en)

    def definition(self, language: str) -> str:
        """Definition in ``language``, falling back to the other."""
        return pick(language, self.definition_id, self.definition_en)


@dataclass(frozen=True)
class MatrixColumn:
    """A column. ``key`` is the case name, attribute value or code key (the CSV header);
    ``summary_key`` names the column in stored cell summaries."""

    kind: ColumnKind
    key: str
    summary_key: str
    name_id: str
    name_en: str
    alias: str | None = None
    code_id: int | None = None
    case_id: int | None = None
    depth: int = 0
    rolled_up: bool = False

    def name(self, language: str) -> str:
        """Heading in ``language`` (code names are translated, cases and values are not)."""
        return pick(language, self.name_id, self.name_en)


def _starts_run(ordered: np.ndarray) -> np.ndarray:
    """Where a sorted array's value differs from the one before (a mask)."""
    mask = np.ones(len(ordered), dtype=bool)
    mask[1:] = ordered[1:] != ordered[:-1]
    return mask


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, ascending (``np.unique`` hashes: many times slower here)."""
    ordered = np.sort(values)
    distinct: np.ndarray = ordered[_starts_run(ordered)]
    return distinct


class CellView(Sequence[CodingRef]):
    """The codings of one cell, in position order: row numbers of a :class:`CodingTable`,
    read as :class:`CodingRef` values only when they are read."""

    __slots__ = ("_rows", "_table")

    def __init__(self, table: CodingTable, rows: np.ndarray) -> None:
        self._table, self._rows = table, rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> CodingRef: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[CodingRef, ...]: ...
    def __getitem__(self, index: int | slice) -> CodingRef | tuple[CodingRef, ...]:
        if isinstance(index, slice):
            return tuple(self._table.refs(self._rows[index]))
        return self._table.refs(self._rows[[index]])[0]

    def __iter__(self) -> Iterator[CodingRef]:
        return iter(self._table.refs(self._rows))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CellView({list(self)!r})"


class CellCodings(Mapping[tuple[int, int], Sequence[CodingRef]]):
    """(row, column) → the codings of that cell, for the cells that have any.

    Built from two parallel arrays, the cell (``row * width + column``) and the coding (row
    number in ``table``) of every (cell, coding) pair; they are sorted once by cell and
    coding, so each cell is one slice, in position order. Only the cells that are read build
    their :class:`CodingRef` values."""

    def __init__(
        self, table: CodingTable, cells: np.ndarray, codings: np.ndarray, width: int
    ) -> None:
        size = max(len(table), 1)
        pairs = np.sort(cells * size + codings)  # by cell, then coding
        cells, self._codings = pairs // size, pairs % size
        first = np.flatnonzero(_starts_run(cells))
        self._table, self._width, self._keys = table, width, cells[first]
        self._bounds: list[int] = [*first.tolist(), len(cells)]
        self._where: dict[int, int] | None = None

    def _slot(self, key: object) -> int | None:
        if not isinstance(key, tuple) or len(key) != 2:
            return None
        row, col = key
        if not 0 <= col < self._width:
            return None
        if self._where is None:
            self._where = {k: i for i, k in enumerate(self._keys.tolist())}
        return self._where.get(row * self._width + col)

    def __getitem__(self, key: tuple[int, int]) -> CellView:
        slot = self._slot(key)
        if slot is None:
            raise KeyError(key)
        return CellView(self._table, self._codings[self._bounds[slot] : self._bounds[slot + 1]])

    def __contains__(self, key: object) -> bool:
        return self._slot(key) is not None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        width = self._width
        return zip((self._keys // width).tolist(), (self._keys % width).tolist(), strict=True)

    def __len__(self) -> int:
        return len(self._keys)

    def codings(self) -> np.ndarray:
        """The row numbers in the table of every coding of any cell, ascending."""
        return _distinct(self._codings)


@dataclass(frozen=True)
class Matrix:
    """A built matrix. Cells are addressed by (row index, column index).

    ``quotes`` holds excerpts only when the matrix was built ``with_quotes``. ``evidence``
    holds the supporting codings of each cell, ``contrary`` its ``absent``/``barrier`` ones.
    ``coders`` are the coders whose codings were used (``coders_explicit``: picked by the
    user, else the primary coders).
    """

    rows_codebook: str
    rows_name_id: str
    rows_name_en: str
    column_kind: ColumnKind
    column_source: str
    coders: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    columns: tuple[MatrixColumn, ...]
    evidence: Mapping[tuple[int, int], Sequence[CodingRef]]
    summaries: Mapping[tuple[int, int], str] = field(default_factory=dict)
    contrary: Mapping[tuple[int, int], Sequence[CodingRef]] = field(default_factory=dict)
    coders_explicit: bool = False
    #: The source types of the documents behind the evidence (for the source line).
    source_types: frozenset[str] = frozenset()
    quotes: Mapping[int, Excerpt] = field(default_factory=dict)
    cases: Mapping[str, CaseRef] = field(default_factory=dict)
    columns_name_id: str = ""
    columns_name_en: str = ""

    def codings(self, row: int, col: int) -> Sequence[CodingRef]:
        """The evidence of a cell, by document and position (do not modify)."""
        return self.evidence.get((row, col), ())

    def count(self, row: int, col: int) -> int:
        """Number of evidence codings of a cell."""
        return len(self.evidence.get((row, col), ()))

    def present(self, row: int, col: int) -> bool:
        """Whether a cell has any evidence."""
        return (row, col) in self.evidence

    def summary(self, row: int, col: int) -> str:
        """The researcher's summary of a cell ("" when none)."""
        return self.summaries.get((row, col), "")

    def cell_quotes(self, row: int, col: int, *, own_only: bool = False) -> tuple[Excerpt, ...]:
        """Supporting excerpts of a cell (needs ``with_quotes``), as many as its count.
        ``own_only`` leaves out the codings a rolled-up row takes from its indicators."""
        code_id = self.rows[row].code_id
        return tuple(
            self.quotes[c.id]
            for c in self.codings(row, col)
            if c.id in self.quotes and (not own_only or c.code_id == code_id)
        )

    def contrary_quotes(self, row: int, col: int) -> tuple[Excerpt, ...]:
        """The ``absent`` and ``barrier`` excerpts of a cell (needs ``with_quotes``)."""
        return tuple(
            self.quotes[c.id] for c in self.contrary.get((row, col), ()) if c.id in self.quotes
        )

    def contrary_count(self, row: int, col: int, stance: str) -> int:
        """Number of a cell's codings with ``stance`` (``absent`` or ``barrier``)."""
        return sum(1 for c in self.contrary.get((row, col), ()) if c.stance == stance)

    def summary_parts(self, row: int, col: int) -> tuple[tuple[int | None, str], ...]:
        """A cell's summary and, for a rolled-up row, its indicators' summaries: (row index
        of the indicator or None for the row's own, text), in tree order, blanks left out."""
        own = self.summary(row, col)
        parts: list[tuple[int | None, str]] = [(None, own)] if own else []
        if self.rows[row].rolled_up:
            below = {self.rows[row].code_id}
            for r in range(row + 1, len(self.rows)):
                if self.rows[r].parent_id not in below:
                    break
                below.add(self.rows[r].code_id)
                text = self.summary(r, col)
                if text:
                    parts.append((r, text))
        return tuple(parts)

    def max_count(self) -> int:
        """The largest count of any cell (0 for an empty matrix)."""
        return max((len(v) for v in self.evidence.values()), default=0)

    def name(self, language: str) -> str:
        """The row codebook's name in ``language``."""
        return pick(language, self.rows_name_id, self.rows_name_en)

    def columns_name(self, language: str) -> str:
        """The column codebook's name (code columns) or the attribute name (attr columns)."""
        return pick(language, self.columns_name_id, self.columns_name_en) or self.column_source


def _code_rows(codes: Sequence[CodeInfo]) -> tuple[MatrixRow, ...]:
    parents = {c.parent_id for c in codes if c.parent_id is not None}
    return tuple(
        MatrixRow(
            c.id, c.key, c.name_id, c.name_en, c.definition_id, c.definition_en, c.depth,
            c.id in parents, c.parent_id,
        )
        for c in codes
    )  # fmt: skip


def _overlap_pairs(table: CodingTable) -> tuple[np.ndarray, np.ndarray]:
    """Every ordered pair (i, j), i ≠ j, of codings (row numbers of ``table``) that share at
    least one character in the same document: both (i, j) and (j, i).

    ``table`` is ordered by document and start, so the codings after i that overlap it are
    exactly those up to the first one starting at or after i's end in i's document."""
    place = (table.document_id << 32) | table.start
    limit = np.searchsorted(place, (table.document_id << 32) | table.end, side="left")
    first = np.arange(len(table))
    after = np.maximum(limit - first - 1, 0)
    i = np.repeat(first, after)
    j = i + 1 + (np.arange(len(i)) - np.repeat(np.cumsum(after) - after, after))
    return np.concatenate((i, j)), np.concatenate((j, i))


class _Targets:
    """Code id → the rows (or columns) its codings count in: the code's own and, rolled up,
    its ancestors'; as arrays, so that whole columns of codings are spread at once."""

    def __init__(self, chains: Mapping[int, tuple[int, ...]], index: Mapping[int, int]) -> None:
        codes = sorted(chains)
        spread = [[index[up] for up in chains[c]] for c in codes]
        self._codes = np.array(codes, dtype=np.int64)
        self._first = np.cumsum([0, *map(len, spread)], dtype=np.int64)
        self._values = np.array([v for found in spread for v in found], dtype=np.int64)

    def spread(self, code_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in ``code_ids``, target) for each element and each of its code's
        targets; codes without targets give none."""
        if not len(self._codes):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._codes, code_ids), len(self._codes) - 1)
        first = self._first[at]
        count = np.where(self._codes[at] == code_ids, self._first[at + 1] - first, 0)
        position = np.repeat(np.arange(len(code_ids)), count)
        offset = np.arange(len(position)) - np.repeat(np.cumsum(count) - count, count)
        return position, self._values[np.repeat(first, count) + offset]


def _or_all(session: Session, code_ids: set[int]) -> set[int] | None:
    """``code_ids``, or None when they are every code (then a plain scan is fastest)."""
    total = session.scalar(select(func.count()).select_from(Code)) or 0
    return None if len(code_ids) >= total else code_ids


def build_matrix(
    session: Session,
    *,
    rows: str,
    cols: str,
    coders: Sequence[str] | None = None,
    coder: str | None = None,
    rollup: bool = True,
    with_quotes: bool = False,
) -> Matrix:
    """Build the matrix of codebook ``rows`` against ``cols`` (see the module docstring).

    ``rows`` or a codebook ``cols`` may be ``*``: every code of the project. ``coders`` (or
    one ``coder``) replace the primary coders. Raises :class:`~app.coding.errors.NotFound`
    for an unknown codebook, attribute or coder and
    :class:`~app.coding.errors.InvalidValue` for a malformed ``cols``.
    """
    picked = list(coders or ()) + ([coder] if coder else [])
    with gc_paused():
        return _build(
            session, rows=rows, cols=cols, coders=picked or None, rollup=rollup,
            with_quotes=with_quotes,
        )  # fmt: skip


def _build(
    session: Session,
    *,
    rows: str,
    cols: str,
    coders: list[str] | None,
    rollup: bool,
    with_quotes: bool,
) -> Matrix:
    kind, source = parse_columns(cols)
    selection = select_coders(session, coders=coders)
    book = codebook_info(session, key=rows)
    row_chain = subtrees(book.codes)
    if not rollup:
        row_chain = {cid: (cid,) for cid in row_chain}
    row_index = {c.id: i for i, c in enumerate(book.codes)}
    cases = load_cases(session)
    columns: list[MatrixColumn] = []
    names = (source, source)

    # Every column kind comes down to (coding, column) pairs: a coding's column is that of
    # its case, its case's attribute value or its document's source type, or (co-occurrence)
    # each column its overlapping codings count in. The pairs are spread to the coding's
    # row and its ancestors' rows (rolled up) and become the cells' codings.
    rows_of = _Targets(row_chain, row_index)
    finder = CaseFinder(session)
    kinds = document_types(session)
    if kind is ColumnKind.CODE:
        other = book if source == rows else codebook_info(session, key=source)
        names = (other.name_id, other.name_en)
        col_chain = subtrees(other.codes) if rollup else {c.id: (c.id,) for c in other.codes}
        col_index = {c.id: i for i, c in enumerate(other.codes)}
        parents = {c.parent_id for c in other.codes if c.parent_id is not None}
        columns = [
            MatrixColumn(
                ColumnKind.CODE, c.key, c.key, c.name_id, c.name_en, code_id=c.id,
                depth=c.depth, rolled_up=c.id in parents,
            )
            for c in other.codes
        ]  # fmt: skip
        width = max(len(columns), 1)
        wanted = set(row_chain) | set(col_chain)
        table = load_coding_table(session, code_ids=_or_all(session, wanted), selection=selection)
        coding, partner = _overlap_pairs(table)
        pair, col = _Targets(col_chain, col_index).spread(table.code_id[partner])
        # a coding counts once in a column however many of its codings it overlaps
        once = _distinct(coding[pair] * width + col)
        coding, col = once // width, once % width
    else:
        table = load_coding_table(
            session, code_ids=_or_all(session, set(row_chain)), selection=selection
        )
        if kind is ColumnKind.SOURCE:
            # a coding's document has a source type (interview when it has none)
            typed = lookup({d: 0 for d in kinds}, table.document_id) >= 0
            present = set(kinds.values()) | ({"interview"} if not typed.all() else set())
            types = [t for t in SourceType if t.value in present]
            type_col = {t.value: i for i, t in enumerate(types)}
            columns = [
                MatrixColumn(ColumnKind.SOURCE, t.value, t.value, t.value, t.value) for t in types
            ]
            of_type = lookup({d: type_col[t] for d, t in kinds.items()}, table.document_id)
            column_of = np.where(typed, of_type, type_col.get("interview", -1))
        else:
            case_col: dict[int, int] = {}
            if kind is ColumnKind.CASE:
                case_col = {c.id: i for i, c in enumerate(cases)}
                columns = [
                    MatrixColumn(
                        ColumnKind.CASE, c.name, c.name, c.name, c.name, c.alias, case_id=c.id
                    )
                    for c in cases
                ]
            else:
                attribute_exists(session, name=source)
                value_col: dict[str, int] = {}
                for case_ref in cases:
                    value = case_ref.attributes.get(source)
                    if not value:
                        continue
                    if value not in value_col:
                        value_col[value] = len(columns)
                        key = attr_column_key(source, value)
                        columns.append(MatrixColumn(ColumnKind.ATTR, value, key, value, value))
                    case_col[case_ref.id] = value_col[value]
            case_of = finder.cases_of(table.document_id, table.start)
            column_of = np.where(case_of >= 0, lookup(case_col, case_of), -1)
        width = max(len(columns), 1)
        coding = np.flatnonzero(column_of >= 0)
        col = column_of[coding]
    position, row = rows_of.spread(table.code_id[coding])
    coding, cell = coding[position], row * width + col[position]
    supports = table.stance[coding] == 0
    evidence = CellCodings(table, cell[supports], coding[supports], width)
    contrary = CellCodings(table, cell[~supports], coding[~supports], width)
    used_docs = set(_distinct(table.document_id[coding]).tolist())
    col_by_key = {c.summary_key: i for i, c in enumerate(columns)}
    stored = (
        {}
        if kind is ColumnKind.SOURCE
        else cell_summaries(session, row_code_ids=list(row_index), column_kind=kind.value)
    )
    summaries = {
        (row_index[code_id], col_by_key[key]): text
        for (code_id, key), text in stored.items()
        if key in col_by_key
    }
    quotes: dict[int, Excerpt] = {}
    if with_quotes:
        shown = _distinct(np.concatenate((evidence.codings(), contrary.codings())))
        quotes = load_quotes(session, codings=table.refs(shown), finder=finder, selection=selection)
    return Matrix(
        rows_codebook=book.key,
        rows_name_id=book.name_id,
        rows_name_en=book.name_en,
        column_kind=kind,
        column_source=source,
        coders=selection.names,
        coders_explicit=selection.explicit,
        rows=_code_rows(book.codes),
        columns=tuple(columns),
        evidence=evidence,
        contrary=contrary,
        summaries=summaries,
        quotes=quotes,
        cases={c.name: c for c in cases},
        columns_name_id=names[0],
        columns_name_en=names[1],
        source_types=frozenset(kinds.get(d, "interview") for d in used_docs),
    )
