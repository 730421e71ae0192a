"""What a matrix cell can show and how an analysis table can be laid out: declared once.

:data:`CELL_KINDS` and :data:`LAYOUTS` are the registries: the command line's choices, the
analysis window's cell list and the export dialog's layout list are read from them, and so
are the matrix export's per-kind behaviour (:mod:`app.coding.exports.matrix`: the value
writers keyed by kind, the note under a Word table, wide or coloured .xlsx columns, whether
quotes are loaded). A new cell kind is one entry here and its two writers there.

Labels are the English source texts the interface translates (their Qt context is
:data:`CELL_LABEL_CONTEXT` / :data:`LAYOUT_LABEL_CONTEXT`). This module imports nothing
heavy: the command line builds its parser from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.coding.errors import InvalidValue

#: The marks of a presence cell (and of an empty quote cell).
PRESENT = "\u2713"
ABSENT = "\u2013"

#: The Qt translation contexts of the labels below (the windows that show them).
CELL_LABEL_CONTEXT = "AnalysisLayout"
LAYOUT_LABEL_CONTEXT = "ExportDialog"


class CellKind(StrEnum):
    """What a matrix cell shows (the members of :data:`CELL_KINDS`, in its order)."""

    COUNT = "count"
    PRESENCE = "presence"
    QUOTES = "quotes"
    SUMMARY = "summary"


@dataclass(frozen=True)
class CellKindSpec:
    """One cell kind: its label, the note under a Word table in each language, whether its
    cells hold text (wide .xlsx columns) or a number to colour (a heat scale), and whether
    the matrix must be built with its quotes."""

    kind: CellKind
    label: str
    note_id: str
    note_en: str
    text: bool = False
    heat: bool = False
    needs_quotes: bool = False

    def note(self, language: str) -> str:
        """The note under a Word table of this kind, in ``language``."""
        return self.note_en if language == "en" else self.note_id


CELL_KINDS: tuple[CellKindSpec, ...] = (
    CellKindSpec(
        CellKind.COUNT,
        "Counts",
        "Angka menunjukkan jumlah kutipan pendukung.",
        "Numbers are counts of supporting quotes.",
        heat=True,
    ),
    CellKindSpec(
        CellKind.PRESENCE,
        "Presence",
        f"{PRESENT} = ada kutipan pendukung; {ABSENT} = tidak ada.",
        f"{PRESENT} = supporting quote; {ABSENT} = none.",
    ),
    CellKindSpec(
        CellKind.QUOTES,
        "Quotes",
        "Kutipan bertanda [tidak terjadi] atau [hambatan] tidak dihitung sebagai bukti pendukung.",
        "Quotes marked [does not happen] or [barrier] are not counted as supporting evidence.",
        text=True,
        needs_quotes=True,
    ),
    CellKindSpec(
        CellKind.SUMMARY,
        "Cell summaries",
        "Isi sel adalah ringkasan peneliti atas kutipan pada sel tersebut.",
        "Each cell holds the researcher's summary of the quotes it covers.",
        text=True,
    ),
)
_CELL_SPECS = {spec.kind: spec for spec in CELL_KINDS}
assert list(_CELL_SPECS) == list(CellKind), "every CellKind is declared once, in order"


def cell_kind(kind: CellKind | str) -> CellKindSpec:
    """The declaration of cell kind ``kind`` (see :func:`parse_cells` for user input)."""
    return _CELL_SPECS[CellKind(kind)]


def cell_choices() -> tuple[str, ...]:
    """The cell kinds as the command line offers them."""
    return tuple(spec.kind.value for spec in CELL_KINDS)


def parse_cells(cells: str) -> CellKind:
    """A cell kind's name (``count``, ``presence``…) → :class:`CellKind`."""
    try:
        return CellKind(cells.strip())
    except ValueError as exc:
        raise InvalidValue("cells", cells, "expected " + _one_of(cell_choices())) from exc


class Layout(StrEnum):
    """``wide``: boxes × columns; ``long``: one row per box and column; ``split``: one table
    per top-level box (the members of :data:`LAYOUTS`, in its order)."""

    WIDE = "wide"
    LONG = "long"
    SPLIT = "split"


@dataclass(frozen=True)
class LayoutSpec:
    """One layout of a Word table and its label."""

    layout: Layout
    label: str


LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(Layout.WIDE, "Wide: boxes × columns"),
    LayoutSpec(Layout.LONG, "Long: one row per box and column"),
    LayoutSpec(Layout.SPLIT, "Split: one table per top-level box"),
)
assert [spec.layout for spec in LAYOUTS] == list(Layout), "every Layout is declared once"


def layout_choices() -> tuple[str, ...]:
    """The layouts as the command line offers them."""
    return tuple(spec.layout.value for spec in LAYOUTS)


def parse_layout(layout: str) -> Layout:
    """A layout's name → :class:`Layout`."""
    try:
        return Layout(layout)
    except ValueError as exc:
        raise InvalidValue("layout", layout, "expected " + _one_of(layout_choices())) from exc


def _one_of(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1]
