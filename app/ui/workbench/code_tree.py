"""The code tree view: drop a text selection on a code to apply it, drag codes to move them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from app.ui.workbench.codebook_model import COUNT, NAME, CodebookModel
from app.ui.workbench.transcript import MIME_CODE, MIME_SELECTION, selection_from_mime


class CodebookTree(QTreeView):
    """``codebookTree``: shows a :class:`CodebookModel`."""

    #: (code id, document id, start, end): a text selection was dropped on a code
    selectionDropped = Signal(int, int, int, int)
    #: (code id, new parent code id or -1 for top level): a code was dragged elsewhere
    codeMoved = Signal(int, int)

    def __init__(self, model: CodebookModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookTree")
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAlternatingRowColors(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.Interactive)
        self.size_count_column()
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def size_count_column(self) -> None:
        """Wide enough for '888 · 8888' and the column title. Not ResizeToContents: that
        asks the model for every row whenever one count changes, i.e. at every coding."""
        metrics = self.fontMetrics()
        title = str(self.model().headerData(COUNT, Qt.Orientation.Horizontal))
        widest = max(metrics.horizontalAdvance("888 · 8888"), metrics.horizontalAdvance(title))
        self.setColumnWidth(COUNT, widest + 14)

    def code_model(self) -> CodebookModel:
        model = self.model()
        assert isinstance(model, CodebookModel)
        return model

    def current_code_id(self) -> int | None:
        return self.code_model().code_id(self.currentIndex())

    def select_code(self, code_id: int) -> None:
        idx = self.code_model().index_for_code(code_id)
        if idx.isValid():
            self.setCurrentIndex(idx)
            self.scrollTo(idx)

    # --- expansion survives reloads ------------------------------------------------------

    def expanded_keys(self) -> set[str]:
        model = self.code_model()
        keys: set[str] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(model.rowCount(parent)):
                idx = model.index(row, 0, parent)
                if self.isExpanded(idx):
                    keys.add(str(model.data(idx, Qt.ItemDataRole.UserRole + 2)))
                    walk(idx)

        walk(QModelIndex())
        return keys

    def expand_keys(self, keys: set[str]) -> None:
        model = self.code_model()

        def walk(parent: QModelIndex) -> None:
            for row in range(model.rowCount(parent)):
                idx = model.index(row, 0, parent)
                if str(model.data(idx, Qt.ItemDataRole.UserRole + 2)) in keys:
                    self.setExpanded(idx, True)
                    walk(idx)

        walk(QModelIndex())

    # --- drag and drop ---------------------------------------------------------------------

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return data.hasFormat(MIME_SELECTION) or (
            data.hasFormat(MIME_CODE) and event.source() is self
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        index = self.indexAt(event.position().toPoint())
        ok = index.isValid() and (
            not event.mimeData().hasFormat(MIME_SELECTION)
            or self.code_model().code_id(index) is not None
        )
        if ok:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        pos: QPoint = event.position().toPoint()
        index = self.indexAt(pos)
        data = event.mimeData()
        model = self.code_model()
        target = model.code_id(index)
        sel = selection_from_mime(data)
        if sel is not None:
            if target is None:
                event.ignore()
                return
            event.acceptProposedAction()
            self.selectionDropped.emit(target, *sel)
            return
        if data.hasFormat(MIME_CODE) and event.source() is self and index.isValid():
            moved = int(bytes(data.data(MIME_CODE).data()).decode())
            event.setDropAction(Qt.DropAction.CopyAction)  # the model is not asked to move
            event.accept()
            self.codeMoved.emit(moved, -1 if target is None else target)
            return
        event.ignore()
