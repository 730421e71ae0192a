"""Analyses of the coded data: the illustrative-method summary and coded matrices."""

from app.coding.analysis.cell_summaries import (
    CellSummaryChange,
    attr_column_key,
    get_cell_summary,
    set_cell_summary,
)
from app.coding.analysis.choices import AnalysisChoices, CodebookChoice, analysis_choices
from app.coding.analysis.evidence import ALL_CODES, load_quotes
from app.coding.analysis.matrix import (
    CellKind,
    ColumnKind,
    Matrix,
    MatrixColumn,
    MatrixRow,
    build_matrix,
    parse_cells,
    parse_columns,
)
from app.coding.analysis.summary import (
    BoxStatus,
    BoxSummary,
    CodebookSummary,
    build_summary,
)

__all__ = [
    "ALL_CODES",
    "AnalysisChoices",
    "BoxStatus",
    "BoxSummary",
    "CellKind",
    "CellSummaryChange",
    "CodebookChoice",
    "CodebookSummary",
    "ColumnKind",
    "Matrix",
    "MatrixColumn",
    "MatrixRow",
    "analysis_choices",
    "attr_column_key",
    "build_matrix",
    "build_summary",
    "get_cell_summary",
    "load_quotes",
    "parse_cells",
    "parse_columns",
    "set_cell_summary",
]
