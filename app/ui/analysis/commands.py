"""The undoable edits of the analysis view: a framework-matrix cell summary, a box's
finding."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from app.coding.analysis import set_cell_summary
from app.coding.errors import TelaahError
from app.coding.findings import set_finding
from app.models.project import Project


class SetCellSummary(QUndoCommand):
    """Store a cell summary; undo puts the previous text back.

    Like ``CoreCommand`` the first write happens in :meth:`first` (errors reach the caller),
    then the command is pushed. ``shown(text)`` tells the view what the cell now holds;
    ``failed(exc)`` reports a later undo/redo that could not be written.
    """

    def __init__(
        self,
        project: Project,
        *,
        row_code_id: int,
        column_kind: str,
        column_key: str,
        text: str,
        shown: Callable[[str], None],
        failed: Callable[[Exception], None],
        label: str,
    ) -> None:
        super().__init__(label)
        self.project = project
        self.cell = (row_code_id, column_kind, column_key)
        self.new_text = text
        self.previous = ""
        self.shown = shown
        self.failed = failed
        self._pushed = False

    def _write(self, text: str) -> str:
        row_code_id, kind, key = self.cell
        with self.project.session() as s:
            change = set_cell_summary(
                s, row_code_id=row_code_id, column_kind=kind, column_key=key, text=text
            )
        self.shown(change.text)
        return change.previous

    def first(self) -> None:
        self.previous = self._write(self.new_text)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._guard(self.new_text)

    def undo(self) -> None:
        self._guard(self.previous)

    def _guard(self, text: str) -> None:
        try:
            self._write(text)
        except (TelaahError, OSError, SQLAlchemyError) as exc:
            self.setObsolete(True)
            self.failed(exc)


class SetFinding(QUndoCommand):
    """Write a code's finding ("Temuan"); undo puts the previous text back.

    As :class:`SetCellSummary`: :meth:`first` writes (errors reach the caller), then the
    command is pushed; ``shown(code_id, text)`` tells the view what the finding now is.
    """

    def __init__(
        self,
        project: Project,
        *,
        code_id: int,
        text: str,
        shown: Callable[[int, str], None],
        failed: Callable[[Exception], None],
        label: str,
    ) -> None:
        super().__init__(label)
        self.project = project
        self.code_id = code_id
        self.new_text = text
        self.previous = ""
        self.shown = shown
        self.failed = failed
        self._pushed = False

    def _write(self, text: str) -> str:
        with self.project.session() as s:
            change = set_finding(s, code_id=self.code_id, text=text)
        self.shown(self.code_id, change.after)
        return change.before

    def first(self) -> None:
        self.previous = self._write(self.new_text)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._guard(self.new_text)

    def undo(self) -> None:
        self._guard(self.previous)

    def _guard(self, text: str) -> None:
        try:
            self._write(text)
        except (TelaahError, OSError, SQLAlchemyError) as exc:
            self.setObsolete(True)
            self.failed(exc)
