"""What an empty project shows instead of empty lists: how to bring documents in (drag files
here or Import documents…) and the codebooks that ship with Telaah, one button each."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

HINT_STYLE = "QLabel#hintText { color: #444; }"


class _Hint(QFrame):
    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(HINT_STYLE)
        self.text = QLabel(text, self)
        self.text.setObjectName("hintText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(12, 12, 12, 12)
        self.box.addWidget(self.text)

    def button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        # long codebook names must not widen the dock (it has its width from the window)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setToolTip(text)
        self.box.addWidget(button)
        return button


class EmptyDocumentsHint(_Hint):
    """Shown while the project has no documents; files dropped on it are imported."""

    filesDropped = Signal(list)  # list[Path]

    def __init__(self, import_files: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(
            "emptyDocumentsHint",
            self.tr(
                "No documents yet.\n\nDrag your transcripts (.docx, .pdf, .txt, .odt, .rtf) "
                "onto this list, or import them:"
            ),
            parent,
        )
        self.setAcceptDrops(True)
        self.button("importDocumentsButton", self.tr("Import documents…"), import_files)
        self.box.addStretch(1)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)


class EmptyCodesHint(_Hint):
    """Shown while the project has no codebook: a button per bundled codebook, a new code,
    a codebook from a file. ``books`` are (key, label) pairs; ``run`` triggers an action by
    its object name (the Project ▸ Add codebook entries)."""

    def __init__(
        self,
        books: list[tuple[str, str]],
        run: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "emptyCodesHint",
            self.tr(
                "No codes yet. Add a theory codebook that ships with Telaah (codes, "
                "indicators, definitions and references), or make your own:"
            ),
            parent,
        )
        from app.ui.workbench.codebook_adding import action_name

        for key, label in books:
            self.button(f"addCodebook_{key}", label, partial(run, action_name(key)))
        self.box.addSpacing(6)
        self.button("newCodeButton", self.tr("New code…"), lambda: run("actionAddCode"))
        self.button(
            "codebookFromFileButton",
            self.tr("Codebook from a file (.toml, .qdc)…"),
            lambda: run("actionImportCodebook"),
        )
        self.box.addStretch(1)


class HintedView(QStackedWidget):
    """``view`` and ``hint`` in one place: the hint while ``model`` has no rows.

    The models outlive the views (a language switch rebuilds the views): the model's
    signals reach a method of this widget, so Qt disconnects them when it is deleted."""

    def __init__(self, view: QWidget, model: QAbstractItemModel, hint: QWidget) -> None:
        super().__init__()
        self.view, self.model, self.hint = view, model, hint
        self.addWidget(hint)
        self.addWidget(view)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        self.setCurrentWidget(self.view if self.model.rowCount() else self.hint)
