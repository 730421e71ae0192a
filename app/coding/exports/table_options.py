"""How a thesis table is titled, numbered, filtered and laid out (matrix and summary exports).

``quotes``: ``starred`` (only the researcher's starred quotes), ``all``, a number N, or the
default: starred quotes first, then the longest, at most :data:`DEFAULT_QUOTES`, with
"(+N lainnya)" for the rest. ``depth`` 1 keeps the top-level boxes only (they roll their
indicators up). ``where`` keeps the evidence of the cases with an attribute value
(``attr:KEY=VALUE``) or the evidence that overlaps a code (``code:CODE``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from app.coding.analysis.evidence import CaseFinder, CodingRef, load_cases, load_codings
from app.coding.analysis.matrix import Matrix
from app.coding.codes import find_code, list_codes
from app.coding.errors import InvalidValue, NotFound
from app.coding.exports.docx_tables import next_number
from app.coding.exports.table_kinds import Layout as Layout  # re-exported: declared there
from app.coding.exports.table_kinds import parse_layout
from app.coding.retrieval import Excerpt

DEFAULT_QUOTES = 3
_T = TypeVar("_T")


NUMBERINGS = ("chapter", "continuous")


@dataclass(frozen=True)
class Where:
    """A filter: ``kind`` is ``attr`` (``key`` = ``value``) or ``code`` (``key``)."""

    kind: str
    key: str
    value: str = ""

    def label(self) -> str:
        return f"{self.key} = {self.value}" if self.kind == "attr" else self.key


def parse_where(text: str | None) -> Where | None:
    """``attr:KEY=VALUE`` or ``code:CODE`` → :class:`Where`; ``InvalidValue`` otherwise."""
    if text is None or not text.strip():
        return None
    kind, _, rest = text.strip().partition(":")
    if kind == "attr":
        key, eq, value = rest.partition("=")
        if key.strip() and eq and value.strip():
            return Where("attr", key.strip(), value.strip())
    elif kind == "code" and rest.strip():
        return Where("code", rest.strip())
    raise InvalidValue("where", text, "expected attr:KEY=VALUE or code:CODE")


def parse_quotes(text: str | int | None) -> str | int:
    """``starred`` / ``all`` / a positive number / None (the default) → the quote mode."""
    if text is None or text == "default":
        return "default"
    if isinstance(text, int) or str(text).strip().isdigit():
        n = int(text)
        if n < 1:
            raise InvalidValue("quotes", str(text), "expected starred, all or a number from 1")
        return n
    mode = str(text).strip()
    if mode in ("starred", "all"):
        return mode
    raise InvalidValue("quotes", str(text), "expected starred, all or a number from 1")


@dataclass(frozen=True)
class TableOptions:
    """The choices of a Word table (see the module docstring)."""

    title: str | None = None
    numbering: str = "chapter"
    table_number: str | None = None
    quotes: str | int = "default"
    depth: int | None = None
    layout: Layout = Layout.WIDE
    where: Where | None = None

    def __post_init__(self) -> None:
        if self.numbering not in NUMBERINGS:
            raise InvalidValue("numbering", self.numbering, "expected chapter or continuous")
        if self.depth is not None and self.depth < 1:
            raise InvalidValue("depth", str(self.depth), "expected 1 or more")
        parse_quotes(self.quotes)

    def first_number(self) -> str:
        """ "4.1" (chapter) or "1" (continuous) unless a table number was given."""
        if self.table_number:
            number = self.table_number.strip()
            if self.numbering == "continuous" or "." in number:
                return number
            return f"4.{number}"
        return "4.1" if self.numbering == "chapter" else "1"

    def numbers(self, count: int) -> list[str]:
        """The numbers of ``count`` successive tables."""
        out = [self.first_number()]
        while len(out) < count:
            out.append(next_number(out[-1]))
        return out


def make_options(
    *,
    title: str | None = None,
    numbering: str = "chapter",
    table_number: str | None = None,
    quotes: str | int | None = None,
    depth: int | None = None,
    layout: str = "wide",
    where: str | None = None,
) -> TableOptions:
    """:class:`TableOptions` from the plain values of the CLI or a dialog."""
    kind = parse_layout(layout)
    return TableOptions(
        title=title.strip() if title and title.strip() else None,
        numbering=numbering,
        table_number=table_number,
        quotes=parse_quotes(quotes),
        depth=depth,
        layout=kind,
        where=parse_where(where),
    )


@dataclass(frozen=True)
class Picked:
    """The quotes a cell shows: ``hidden`` more were left out; ``starred`` whether any of
    the box's quotes is starred."""

    shown: tuple[Excerpt, ...]
    hidden: int
    starred: bool


def pick_quotes(quotes: Sequence[Excerpt], mode: str | int) -> Picked:
    """Starred quotes first, then the longest; cut to what ``mode`` allows."""
    starred = [q for q in quotes if q.illustrative]
    rest = sorted(
        (q for q in quotes if not q.illustrative), key=lambda q: (-len(q.text), q.document)
    )
    ordered = starred + rest
    if mode == "all":
        shown = ordered
    elif mode == "starred":
        shown = starred
    else:
        shown = ordered[: DEFAULT_QUOTES if mode == "default" else int(mode)]
    return Picked(tuple(shown), len(quotes) - len(shown), bool(starred))


# --- applying depth and filters to a built matrix -------------------------------------------


def limit_depth(matrix: Matrix, depth: int | None) -> Matrix:
    """Only the rows (and code columns) above ``depth``; rows keep their rolled-up evidence."""
    if depth is None:
        return matrix
    keep = [i for i, row in enumerate(matrix.rows) if row.depth < depth]
    cols = [i for i, col in enumerate(matrix.columns) if col.depth < depth]
    return _subset(matrix, keep, cols)


def _subset(matrix: Matrix, rows: Sequence[int], cols: Sequence[int]) -> Matrix:
    r_new = {old: new for new, old in enumerate(rows)}
    c_new = {old: new for new, old in enumerate(cols)}

    def remap(cells: Mapping[tuple[int, int], _T]) -> dict[tuple[int, int], _T]:
        out = {}
        for (r, c), refs in cells.items():
            if r in r_new and c in c_new:
                out[(r_new[r], c_new[c])] = refs
        return out

    return dataclasses.replace(
        matrix,
        rows=tuple(matrix.rows[i] for i in rows),
        columns=tuple(matrix.columns[i] for i in cols),
        evidence=remap(matrix.evidence),
        contrary=remap(matrix.contrary),
        summaries=remap(matrix.summaries),
    )


def evidence_filter(session: Session, where: Where | None) -> Callable[[CodingRef], bool] | None:
    """Whether a coding is evidence ``where`` keeps (None: no filter). Raises
    :class:`NotFound` for an unknown attribute or code."""
    if where is None:
        return None
    if where.kind == "attr":
        cases = load_cases(session)
        if not any(where.key in c.attributes for c in cases):
            raise NotFound("attribute", where.key)
        allowed = {c.id for c in cases if c.attributes.get(where.key) == where.value}
        finder = CaseFinder(session)

        def keep(ref: CodingRef) -> bool:
            return finder.case_at(ref.document_id, ref.start) in allowed

        return keep
    code_id = find_code(session, where.key)
    ids = _subtree(session, code_id)
    spans: dict[int, list[tuple[int, int]]] = {}
    for ref in load_codings(session, code_ids=ids):
        spans.setdefault(ref.document_id, []).append((ref.start, ref.end))

    def overlaps(ref: CodingRef) -> bool:
        return any(s < ref.end and ref.start < e for s, e in spans.get(ref.document_id, ()))

    return overlaps


def filter_matrix(session: Session, matrix: Matrix, where: Where | None) -> Matrix:
    """``matrix`` with only the evidence ``where`` keeps (cells left empty disappear).

    Raises :class:`NotFound` for an unknown attribute or code.
    """
    keep = evidence_filter(session, where)
    if keep is None:
        return matrix

    def only(
        cells: Mapping[tuple[int, int], Sequence[CodingRef]],
    ) -> dict[tuple[int, int], tuple[CodingRef, ...]]:
        out = {}
        for key, refs in cells.items():
            kept = tuple(r for r in refs if keep(r))
            if kept:
                out[key] = kept
        return out

    return dataclasses.replace(
        matrix, evidence=only(matrix.evidence), contrary=only(matrix.contrary)
    )


def summary_quotes(mode: str | int, layout: Layout = Layout.WIDE) -> str | int:
    """Which quotes per box a summary must load for quote mode ``mode`` (see
    ``build_summary``): by default its ``best`` (the starred ones when there are, else the
    longest), else ``all`` or the first N, starred ones first."""
    if layout is Layout.LONG or mode in ("all", "starred"):
        return "all"
    return "best" if mode == "default" else max(int(mode), 1)


def _subtree(session: Session, code_id: int) -> list[int]:
    codes = list_codes(session)
    children: dict[int | None, list[int]] = {}
    for c in codes:
        children.setdefault(c.parent_id, []).append(c.id)
    out, todo = [], [code_id]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children.get(current, ()))
    return out


def top_groups(depths: Iterable[int]) -> list[list[int]]:
    """Row indices grouped under each top-level row (for the split layout)."""
    groups: list[list[int]] = []
    for i, depth in enumerate(depths):
        if depth == 0 or not groups:
            groups.append([i])
        else:
            groups[-1].append(i)
    return groups
