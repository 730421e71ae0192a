"""The undoable edits of the analysis view: a framework-matrix cell summary, a box's
finding."""

from __future__ import annotations

from app.coding.analysis import CellSummaryChange, set_cell_summary
from app.coding.changes import Changes
from app.coding.findings import set_finding
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext


class SetCellSummary(CoreCommand):
    """Store a cell summary; undo puts the previous text back. The analysis view learns what
    the cell now holds from the change stream (:attr:`Kind.SUMMARIES`)."""

    def __init__(
        self,
        ctx: ProjectContext,
        *,
        row_code_id: int,
        column_kind: str,
        column_key: str,
        text: str,
    ) -> None:
        super().__init__(ctx, translate("AnalysisWindow", "Edit cell summary"))
        self.cell = (row_code_id, column_kind, column_key)
        self.new_text = text
        self.previous = ""

    def _write(self, text: str) -> CellSummaryChange:
        row_code_id, kind, key = self.cell
        return self.ctx.query(
            set_cell_summary, row_code_id=row_code_id, column_kind=kind, column_key=key, text=text
        )

    def do(self) -> Changes:
        change = self._write(self.new_text)
        self.previous = change.previous
        return change.changes

    def undo_core(self) -> Changes:
        return self._write(self.previous).changes


class SetFinding(CoreCommand):
    """Write a box's finding ("Temuan"); undo puts the previous text back. The analysis view
    learns the new text from the change stream (the code changed)."""

    def __init__(self, ctx: ProjectContext, *, code_id: int, text: str) -> None:
        super().__init__(ctx, translate("AnalysisWindow", "Edit finding"))
        self.code_id = code_id
        self.new_text = text
        self.previous = ""

    def do(self) -> Changes:
        change = self.ctx.query(set_finding, code_id=self.code_id, text=self.new_text)
        self.previous = change.before
        return change.changes

    def undo_core(self) -> Changes:
        return self.ctx.query(set_finding, code_id=self.code_id, text=self.previous).changes
