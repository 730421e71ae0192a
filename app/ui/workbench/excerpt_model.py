"""Excerpts of the selected code, filtered by case attribute, coder, document and speaker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.coding.changes import Changes
from app.coding.codings import Stance
from app.coding.retrieval import Excerpt, context, excerpts
from app.ui.context import ProjectContext, ServerOffline
from app.ui.rows_model import RowsTableModel
from app.ui.workbench.coding_panel import stance_mark

Index = QModelIndex | QPersistentModelIndex

TEXT, DOCUMENT, CASE, SPEAKER, CODER = range(5)
EXCERPT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ExcerptFilter:
    """What the excerpt panel keeps; None means "any"."""

    attribute: tuple[str, str] | None = None
    coder: str | None = None
    document_id: int | None = None
    speaker: str | None = None


class ExcerptModel(RowsTableModel):
    """Rows of :class:`Excerpt` from :func:`app.coding.retrieval.excerpts`."""

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.code_id: int | None = None
        self.filter = ExcerptFilter()
        self.rows: list[Excerpt] = []
        self._context: dict[int, tuple[str, str]] = {}

    def show_code(self, code_id: int | None) -> None:
        self.code_id = code_id
        self.reload()

    def set_filter(self, flt: ExcerptFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        rows: list[Excerpt] = []
        if self.code_id is not None:  # read first: a failed read resets nothing
            f = self.filter
            rows = list(
                self.ctx.query(
                    excerpts,
                    code_ids=[self.code_id],
                    include_children=True,
                    document_ids=[f.document_id] if f.document_id is not None else None,
                    coders=[f.coder] if f.coder else None,
                    case_filter=dict([f.attribute]) if f.attribute else None,
                    speaker=f.speaker,
                )
            )
        self.beginResetModel()
        self._context.clear()
        self.rows = rows
        self.endResetModel()

    def on_codings_changed(self, changes: Changes) -> None:
        """Reload when the shown code (or one of its indicators) was touched (or any code)."""
        if self.code_id is None:
            return
        shown = {self.code_id} | {e.code_id for e in self.rows}
        if not changes.codes or changes.codes & shown:
            self.reload()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Excerpt"),
            self.tr("Document"),
            self.tr("Case"),
            self.tr("Speaker"),
            self.tr("Coder"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TEXT:
                text = " ".join(e.text.split())
                mark = stance_mark(Stance(e.stance))
                return mark + ("★ " if e.illustrative else "") + text
            if col == DOCUMENT:
                return e.document
            if col == CASE:
                return e.case_alias or e.case or "–"
            if col == SPEAKER:
                return e.speaker or "–"
            return e.coder
        if role == Qt.ItemDataRole.ToolTipRole and col == TEXT:
            before, after = self._context_of(e)
            body = f"…{_esc(before)}<b>{_esc(e.text)}</b>{_esc(after)}…"
            memo = f"<p><i>{_esc(e.memo)}</i></p>" if e.memo else ""
            return f"<p>{body}</p>{memo}"
        if role == EXCERPT_ROLE:
            return e
        return None

    def _context_of(self, e: Excerpt) -> tuple[str, str]:
        found = self._context.get(e.coding_id)
        if found is None:
            try:
                found = self.ctx.query(
                    context, document_id=e.document_id, start=e.start, end=e.end, chars=160
                )
            except ServerOffline:
                return "", ""  # painted without context until the server is back
            self._context[e.coding_id] = found
        return found


def _esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )
