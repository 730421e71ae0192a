"""Cases and attributes: create cases, set typed attributes, assign documents or passages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.coding.cases import ATTRIBUTE_TYPES, CaseInfo, list_cases
from app.coding.changes import Kind
from app.coding.informants import Informant, list_informants
from app.coding.workbench_queries import attribute_types
from app.ui.commands.cases import (
    CreateCaseCommand,
    LinkDocumentCommand,
    SetAttributesCommand,
    SetInformantCodeCommand,
)
from app.ui.context import ProjectContext
from app.ui.errors import show_error
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(RowsTableModel):
    """One row per case: name, alias, informant code, then one column per attribute.

    A code derived from the group (not set by the researcher) is shown in grey."""

    CODE_COLUMN = 2

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[CaseInfo] = []
        self.attributes: list[str] = []
        self.codes: dict[int, Informant] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list(self.ctx.query(list_cases))
        self.codes = {i.case_id: i for i in self.ctx.query(list_informants)}
        names: dict[str, None] = {}
        for case in self.rows:
            for name in case.attributes:
                names.setdefault(name, None)
        self.attributes = list(names)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Case"), self.tr("Alias"), self.tr("Informant code"), *self.attributes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self.rows[index.row()]
        informant = self.codes.get(case.id)
        if index.column() == self.CODE_COLUMN and informant is not None:
            if role == Qt.ItemDataRole.ForegroundRole and not informant.own:
                return QBrush(QColor("#6b6b6b"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    self.tr("Set by you")
                    if informant.own
                    else self.tr("Made from the group; set your own below")
                )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == 0:
            return case.name
        if index.column() == 1:
            return case.alias or ""
        if index.column() == self.CODE_COLUMN:
            return informant.code if informant else ""
        return case.attributes.get(self.attributes[index.column() - 3], "")


class CasesDialog(QDialog):
    """Manage cases; assign the current document or the selected passage to one."""

    def __init__(
        self,
        ctx: ProjectContext,
        parent: QWidget | None = None,
        *,
        document_id: int | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casesDialog")
        self.setWindowTitle(self.tr("Cases and attributes"))
        self.setMinimumSize(760, 480)
        self.ctx = ctx
        self.document_id, self.span = document_id, span
        self.model = CaseTableModel(ctx)
        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        new_box = QGroupBox(self.tr("New case"), self)
        self.case_name = QLineEdit(new_box)
        self.case_name.setObjectName("caseName")
        self.case_name.setPlaceholderText(self.tr("Name, e.g. the informant's name"))
        self.case_alias = QLineEdit(new_box)
        self.case_alias.setPlaceholderText(self.tr("Alias, e.g. Informan 3"))
        add = QPushButton(self.tr("Create case"), new_box)
        add.setObjectName("createCase")
        add.clicked.connect(self._create)
        row = QHBoxLayout(new_box)
        row.addWidget(self.case_name, 2)
        row.addWidget(self.case_alias, 1)
        row.addWidget(add)

        attr_box = QGroupBox(self.tr("Attribute of the selected case"), self)
        self.attr_name = QComboBox(attr_box)
        self.attr_name.setObjectName("attributeName")
        self.attr_name.setEditable(True)
        self.attr_name.setMinimumContentsLength(14)
        self.attr_type = QComboBox(attr_box)
        labels = {
            "text": self.tr("text"),
            "number": self.tr("number"),
            "date": self.tr("date (YYYY-MM-DD)"),
            "category": self.tr("category"),
        }
        for t in ATTRIBUTE_TYPES:
            self.attr_type.addItem(labels[t], t)
        self.attr_type.setCurrentIndex(ATTRIBUTE_TYPES.index("category"))
        self.attr_value = QLineEdit(attr_box)
        self.attr_value.setObjectName("attributeValue")
        set_button = QPushButton(self.tr("Set"), attr_box)
        set_button.setObjectName("setAttribute")
        set_button.clicked.connect(self._set_attribute)
        grid = QGridLayout(attr_box)
        grid.addWidget(QLabel(self.tr("Attribute:"), attr_box), 0, 0)
        grid.addWidget(self.attr_name, 0, 1)
        grid.addWidget(QLabel(self.tr("Type:"), attr_box), 0, 2)
        grid.addWidget(self.attr_type, 0, 3)
        grid.addWidget(QLabel(self.tr("Value:"), attr_box), 1, 0)
        grid.addWidget(self.attr_value, 1, 1, 1, 3)
        grid.addWidget(set_button, 1, 4)

        code_box = QGroupBox(self.tr("Informant code of the selected case"), self)
        self.code_edit = QLineEdit(code_box)
        self.code_edit.setObjectName("informantCode")
        self.code_edit.setPlaceholderText(self.tr("e.g. AP1; empty: made from the group"))
        self.code_edit.setMaxLength(32)
        self.code_edit.returnPressed.connect(self._set_code)
        self.code_button = QPushButton(self.tr("Set code"), code_box)
        self.code_button.setObjectName("setInformantCode")
        self.code_button.clicked.connect(self._set_code)
        code_row = QHBoxLayout(code_box)
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.code_button)

        link_box = QGroupBox(self.tr("Assign to the selected case"), self)
        self.link_doc = QPushButton(self.tr("Whole current document"), link_box)
        self.link_doc.setObjectName("linkDocument")
        self.link_doc.clicked.connect(lambda: self._link(whole=True))
        self.link_span = QPushButton(self.tr("Selected passage only"), link_box)
        self.link_span.setObjectName("linkSpan")
        self.link_span.clicked.connect(lambda: self._link(whole=False))
        self.link_doc.setEnabled(document_id is not None and not ctx.read_only)
        self.link_span.setEnabled(span is not None and document_id is not None)
        links = QHBoxLayout(link_box)
        links.addWidget(self.link_doc)
        links.addWidget(self.link_span)
        links.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(new_box)
        layout.addWidget(attr_box)
        layout.addWidget(code_box)
        layout.addWidget(link_box)
        layout.addWidget(buttons)
        ctx.watch(self, lambda _changes: self._reload(), kinds=(Kind.CASES,))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_code())
        self._reload()

    def _reload(self) -> None:
        selected = self.selected_case()
        self.model.reload()
        types = self.ctx.query(attribute_types)
        current = self.attr_name.currentText()
        self.attr_name.clear()
        self.attr_name.addItems(sorted(types))
        self.attr_name.setEditText(current)
        self._types = types
        if selected is not None:
            self.select_case(selected)

    def selected_case(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()].id if idx.isValid() else None

    def select_case(self, case_id: int) -> None:
        for i, case in enumerate(self.model.rows):
            if case.id == case_id:
                self.table.selectRow(i)
                return

    def _run(self, command: Any) -> bool:
        try:
            self.ctx.execute(command)
        except Exception as exc:
            show_error(self, exc)
            return False
        return True

    def _create(self) -> None:
        name = self.case_name.text().strip()
        if not name:
            self.case_name.setFocus()
            return
        cmd = CreateCaseCommand(self.ctx, name, self.case_alias.text().strip() or None)
        if self._run(cmd) and cmd.case is not None:
            self.case_name.clear()
            self.case_alias.clear()
            self.select_case(cmd.case.id)

    def _set_attribute(self) -> None:
        case = self.selected_case()
        name = self.attr_name.currentText().strip()
        if case is None or not name:
            return
        types = {} if name in self._types else {name: str(self.attr_type.currentData())}
        if self._run(SetAttributesCommand(self.ctx, case, {name: self.attr_value.text()}, types)):
            self.attr_value.clear()

    def _show_code(self) -> None:
        """The selected case's own informant code in the editor (empty when derived)."""
        case = self.selected_case()
        informant = self.model.codes.get(case) if case is not None else None
        self.code_edit.setText(informant.code if informant and informant.own else "")
        self.code_edit.setPlaceholderText(
            self.tr("e.g. AP1; empty: made from the group")
            if informant is None
            else self.tr("empty: %1, made from the group").replace("%1", informant.code)
        )
        self.code_button.setEnabled(case is not None and not self.ctx.read_only)

    def _set_code(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        self._run(SetInformantCodeCommand(self.ctx, case, self.code_edit.text().strip()))

    def _link(self, *, whole: bool) -> None:
        case = self.selected_case()
        if case is None or self.document_id is None:
            return
        start, end = (None, None) if whole or self.span is None else self.span
        self._run(LinkDocumentCommand(self.ctx, case, self.document_id, start, end))
