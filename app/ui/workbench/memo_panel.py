"""The memo panel: the analytic memo of the chosen document or code, edited in place."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.coding.changes import Changes, Kind
from app.coding.memos import get_memo, target_exists
from app.ui.commands.memos import SetMemoCommand
from app.ui.context import ProjectContext, ServerOffline
from app.ui.errors import show_error

#: a memo's target can vanish with its code, document or case; memos change by themselves
_TARGETS = (Kind.MEMOS, Kind.CODES, Kind.DOCUMENTS, Kind.CASES)


class MemoPanel(QWidget):
    """Shows and saves the memo of one target (``document``/``code``/``case``/``project``)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoPanel")
        self.ctx = ctx
        self.target: tuple[str, int | None] = ("project", None)
        self.target_name = ""
        self._shown = ""
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("memoEditor")
        self.editor.textChanged.connect(self._update_button)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveMemo")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        ctx.watch(self, self._on_changes, kinds=_TARGETS)
        self._retranslate()
        self.reload()

    def show_target(self, kind: str, target_id: int | None, name: str) -> None:
        """Switch to another target (unsaved text of the previous one is saved first)."""
        if self._dirty():
            self.save()
        previous = self.target, self.target_name
        self.target, self.target_name = (kind, target_id), name
        try:
            self.reload()
        except ServerOffline:  # the team server is gone: keep showing the previous memo
            self.target, self.target_name = previous
            raise

    def _on_changes(self, changes: Changes) -> None:
        """Follow the shown target: when it is gone (its code was deleted or merged away,
        its document import undone) the panel shows the project memo instead of a memo
        that can no longer be saved; otherwise it re-reads the memo if it changed."""
        kind, target_id = self.target
        if not self.ctx.query(target_exists, target_kind=kind, target_id=target_id):
            self.target, self.target_name = ("project", None), ""
            self.reload()
        elif Kind.MEMOS in changes and (not changes.memos or self.target in changes.memos):
            self.reload()

    def _dirty(self) -> bool:
        return self.editor.toPlainText() != self._shown

    def reload(self) -> None:
        kind, target_id = self.target
        memo = self.ctx.query(get_memo, target_kind=kind, target_id=target_id)
        self._shown = memo.text if memo is not None else ""
        self.editor.blockSignals(True)
        self.editor.setPlainText(self._shown)
        self.editor.blockSignals(False)
        kinds = {
            "document": self.tr("Memo on the document"),
            "code": self.tr("Memo on the code"),
            "case": self.tr("Memo on the case"),
            "project": self.tr("Project memo"),
        }
        self.title.setText(kinds[kind] + (f": {self.target_name}" if self.target_name else ""))
        self.info.setText(
            self.tr("Last written by {0}, {1}").format(
                memo.author or "?", memo.updated_at.strftime("%Y-%m-%d %H:%M")
            )
            if memo is not None
            else ""
        )
        self.editor.setReadOnly(self.ctx.read_only)
        self._update_button()

    def save(self) -> bool:
        """Store the text (blank removes the memo); undoable."""
        if not self._dirty() or self.ctx.read_only:
            return False
        kind, target_id = self.target
        try:
            self.ctx.execute(SetMemoCommand(self.ctx, kind, target_id, self.editor.toPlainText()))
        except Exception as exc:  # shown to the user, never swallowed
            show_error(self, exc)
            return False
        return True

    def _update_button(self) -> None:
        self.save_button.setEnabled(self._dirty() and not self.ctx.read_only)

    def _retranslate(self) -> None:
        self.save_button.setText(self.tr("Save memo"))
        self.editor.setPlaceholderText(
            self.tr("What do you notice here? Ideas, doubts, links to theory…")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            with suppress(ServerOffline):  # the server gone: the text shown stays
                self.reload()
        super().changeEvent(event)
