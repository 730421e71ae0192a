"""The coding-details panel: the codings under the cursor, their memo, star and evidence
stance (what the passage says of the code: it happens, it does not, or an obstacle)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.coding.codings import CodingInfo, Stance
from app.ui.workbench.codebook_model import CodebookModel

Index = QModelIndex | QPersistentModelIndex


def stance_labels() -> dict[Stance, str]:
    """Each evidence stance in the interface language."""
    translate = QCoreApplication.translate
    return {
        Stance.SUPPORTS: translate("CodingPanel", "Supports: it happens"),
        Stance.ABSENT: translate("CodingPanel", "Does not happen (absent)"),
        Stance.BARRIER: translate("CodingPanel", "Barrier to it"),
    }


def stance_mark(stance: Stance) -> str:
    """The short mark shown before a coding that does not support its code."""
    translate = QCoreApplication.translate
    if stance is Stance.ABSENT:
        return translate("CodingPanel", "[does not happen] ")
    if stance is Stance.BARRIER:
        return translate("CodingPanel", "[barrier] ")
    return ""


class CodingsHereModel(QAbstractListModel):
    """Codings covering the cursor position (or the picked coding)."""

    def __init__(self, codes: CodebookModel) -> None:
        super().__init__()
        self.codes = codes
        self.rows: list[CodingInfo] = []

    def set_codings(self, rows: list[CodingInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            star = "★ " if c.illustrative else ""
            return f"{stance_mark(c.stance)}{star}{self.codes.name_of(c.code_id)}  ({c.coder})"
        if role == Qt.ItemDataRole.DecorationRole:
            code = self.codes.codes.get(c.code_id)
            return QColor(code.colour) if code else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.snippet[:400]
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        return None


class CodingPanel(QWidget):
    """Lists codings at the cursor; edits the memo and star of the chosen one."""

    memoSaved = Signal(int, str)
    starToggled = Signal(int, bool)
    stanceChosen = Signal(int, object)
    removeRequested = Signal(int)
    recodeRequested = Signal(int)
    codingChosen = Signal(int)

    def __init__(self, codes: CodebookModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingPanel")
        self.model = CodingsHereModel(codes)
        self.list = QListView(self)
        self.list.setObjectName("codingsHere")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(60)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.hint = QLabel(self.tr("Place the cursor in coded text to see its codings."), self)
        self.hint.setWordWrap(True)
        self.star = QCheckBox(self.tr("Illustrative quote (★)"), self)
        self.star.setObjectName("illustrativeStar")
        self.stance = QComboBox(self)
        self.stance.setObjectName("codingStance")
        for stance, label in stance_labels().items():
            self.stance.addItem(label, stance)
        self.stance.setToolTip(
            self.tr(
                "What the passage says of the code. Only supporting evidence fills a box; "
                "Ctrl+Shift+E switches to the next stance."
            )
        )
        self.memo = QPlainTextEdit(self)
        self.memo.setObjectName("codingMemo")
        self.memo.setPlaceholderText(self.tr("Memo on this coding…"))
        self.memo.setMaximumHeight(72)
        self.save = QPushButton(self.tr("Save memo"), self)
        self.remove = QPushButton(self.tr("Remove coding"), self)
        self.remove.setObjectName("removeCoding")
        self.recode = QPushButton(self.tr("Re-code with current code"), self)
        self.recode.setObjectName("recodeCoding")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.star)
        stance_row = QHBoxLayout()
        stance_row.addWidget(QLabel(self.tr("Evidence:"), self))
        stance_row.addWidget(self.stance, 1)
        layout.addLayout(stance_row)
        layout.addWidget(self.memo)
        layout.addLayout(buttons)
        layout.addWidget(self.recode)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.save.clicked.connect(self._save_memo)
        self.star.clicked.connect(self._toggle_star)
        self.stance.activated.connect(self._choose_stance)
        self.remove.clicked.connect(lambda: self._emit(self.removeRequested))
        self.recode.clicked.connect(lambda: self._emit(self.recodeRequested))
        self._set_enabled(False)

    def current(self) -> CodingInfo | None:
        idx = self.list.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() else None

    def show_codings(self, rows: list[CodingInfo], prefer: int | None = None) -> None:
        now = self.current()
        keep = prefer if prefer is not None else (now.id if now is not None else None)
        self.model.set_codings(rows)
        self.hint.setVisible(not rows)
        row = next((i for i, c in enumerate(rows) if c.id == keep), 0 if rows else -1)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self._on_current(QModelIndex(), QModelIndex())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        info = self.model.rows[current.row()] if current.isValid() else None
        self._set_enabled(info is not None)
        self.memo.setPlainText(info.memo if info else "")
        self.star.setChecked(bool(info and info.illustrative))
        self.stance.setCurrentIndex(self.stance.findData(info.stance if info else Stance.SUPPORTS))
        if info is not None:
            self.codingChosen.emit(info.id)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.star, self.stance, self.memo, self.save, self.remove, self.recode):
            w.setEnabled(on)

    def _emit(self, signal: Any) -> None:
        info = self.current()
        if info is not None:
            signal.emit(info.id)

    def _save_memo(self) -> None:
        info = self.current()
        if info is not None and self.memo.toPlainText() != info.memo:
            self.memoSaved.emit(info.id, self.memo.toPlainText())

    def _toggle_star(self, checked: bool) -> None:
        info = self.current()
        if info is not None:
            self.starToggled.emit(info.id, checked)

    def _choose_stance(self, index: int) -> None:
        info = self.current()
        stance = self.stance.itemData(index)
        if info is not None and stance is not None and stance != info.stance:
            self.stanceChosen.emit(info.id, Stance(stance))
