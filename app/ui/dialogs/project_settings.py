"""Project settings: coder roles (whose codings are evidence) and how exports name and cite.

Every change is an undoable edit on the project's undo stack; the dialog rereads the core
after each one, so what it shows is what is stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.coding.coders import CoderInfo, CoderRole, list_coders
from app.coding.settings import NamesInExports, get_settings
from app.ui.commands.settings import SetCoderRoleCommand, UpdateSettingsCommand
from app.ui.context import ProjectContext
from app.ui.errors import show_error
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class CodersModel(RowsTableModel):
    """One row per coder: name, number of codings, role."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Coder"), self.tr("Codings"), self.tr("Role"))

    def role_text(self, role: CoderRole) -> str:
        if role is CoderRole.PRIMARY:
            return self.tr("primary: codings are evidence")
        return self.tr("second: agreement checks only")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        coder: CoderInfo = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (coder.name, coder.codings, self.role_text(coder.role))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return coder.name
        return None


class ProjectSettingsDialog(QDialog):
    """Two tabs: coders and their roles; names and source lines in exports."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("projectSettings")
        self.setWindowTitle(self.tr("Coders and export settings"))
        self.setMinimumSize(620, 420)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._coders_tab(), self.tr("Coders"))
        self.tabs.addTab(self._exports_tab(), self.tr("Exports"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.reload()

    # --- coders -----------------------------------------------------------------------

    def _coders_tab(self) -> QWidget:
        page = QWidget(self)
        self.coders = CodersModel(self)
        self.coder_view = QTableView(page)
        self.coder_view.setObjectName("codersTable")
        self.coder_view.setModel(self.coders)
        self.coder_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.coder_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.coder_view.verticalHeader().hide()
        self.coder_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.role_combo = QComboBox(page)
        self.role_combo.setObjectName("coderRole")
        for role in CoderRole:
            self.role_combo.addItem(self.coders.role_text(role), role)
        self.set_role_button = QPushButton(self.tr("Set role"), page)
        self.set_role_button.clicked.connect(self.apply_role)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Role of the selected coder:"), page))
        row.addWidget(self.role_combo, 1)
        row.addWidget(self.set_role_button)
        hint = QLabel(
            self.tr(
                "Summaries, matrices and Word tables count the codings of primary coders only "
                "(one excerpt however many of them coded a passage). A supervisor who codes a "
                "few transcripts to check agreement is a second coder."
            ),
            page,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.coder_view)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.coder_view.selectionModel().currentRowChanged.connect(self._coder_chosen)
        return page

    def _coder_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            coder: CoderInfo = self.coders.rows[current.row()]
            self.role_combo.setCurrentIndex(self.role_combo.findData(coder.role))

    def select_coder(self, name: str) -> None:
        """Select the row of coder ``name``."""
        for row, coder in enumerate(self.coders.rows):
            if coder.name == name:
                self.coder_view.selectRow(row)
                self.coder_view.setCurrentIndex(self.coders.index(row, 0))

    def apply_role(self) -> None:
        """Give the selected coder the chosen role (undoable)."""
        index = self.coder_view.currentIndex()
        if not index.isValid():
            return
        coder: CoderInfo = self.coders.rows[index.row()]
        role = CoderRole(self.role_combo.currentData())
        if role is coder.role:
            return
        try:
            self.ctx.execute(SetCoderRoleCommand(self.ctx, name=coder.name, role=role))
        except Exception as exc:  # read-only, a vanished coder: shown, nothing changes
            show_error(self, exc)
        self.reload()
        self.select_coder(coder.name)

    # --- exports ----------------------------------------------------------------------

    def _exports_tab(self) -> QWidget:
        page = QWidget(self)
        self.aliases = QRadioButton(self.tr("Aliases (Informan 1, Informan 2, …)"), page)
        self.aliases.setObjectName("namesAliases")
        self.real = QRadioButton(self.tr("Real names"), page)
        self.real.setObjectName("namesReal")
        group = QButtonGroup(page)
        group.addButton(self.aliases)
        group.addButton(self.real)
        names = QHBoxLayout()
        names.addWidget(self.aliases)
        names.addWidget(self.real)
        names.addStretch(1)
        self.year = QSpinBox(page)
        self.year.setObjectName("studyYear")
        self.year.setRange(1899, 2200)
        self.year.setSpecialValueText(self.tr("from the data"))
        self.roles = QLineEdit(page)
        self.roles.setObjectName("identifyingRoles")
        self.roles.setPlaceholderText(self.tr("e.g. Camat; Lurah; Kepala Dinas"))
        self.primary = QLineEdit(page)
        self.secondary = QLineEdit(page)
        self.mixed = QLineEdit(page)
        for edit in (self.primary, self.secondary, self.mixed):
            edit.setPlaceholderText(self.tr("built-in wording; {year} stands for the year"))
        form = QFormLayout()
        form.addRow(self.tr("Names in exports:"), names)
        form.addRow(self.tr("Study year in source lines:"), self.year)
        form.addRow(self.tr("Roles that identify a person:"), self.roles)
        form.addRow(self.tr("Source line, interviews and observations:"), self.primary)
        form.addRow(self.tr("Source line, documents and news:"), self.secondary)
        form.addRow(self.tr("Source line, both:"), self.mixed)
        self.save_button = QPushButton(self.tr("Save export settings"), page)
        self.save_button.setObjectName("saveExportSettings")
        self.save_button.clicked.connect(self.save_exports)
        hint = QLabel(
            self.tr(
                "With aliases no real name appears in any export: informants by alias, "
                "documents by their title, identifying roles by the informant group."
            ),
            page,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def save_exports(self) -> None:
        """Store the export settings as shown (undoable)."""
        year = self.year.value()
        values = {
            "names_in_exports": (
                NamesInExports.ALIASES if self.aliases.isChecked() else NamesInExports.REAL
            ),
            "study_year": None if year == self.year.minimum() else year,
            "identifying_roles": [r for r in self.roles.text().split(";") if r.strip()],
            "source_primary": self.primary.text(),
            "source_secondary": self.secondary.text(),
            "source_mixed": self.mixed.text(),
        }
        try:
            self.ctx.execute(UpdateSettingsCommand(self.ctx, **values))
        except Exception as exc:  # a bad wording or a read-only project: nothing changes
            show_error(self, exc)
        self.reload()

    # --- both -------------------------------------------------------------------------

    def reload(self) -> None:
        """Show what the project stores."""
        coders = self.ctx.query(list_coders)
        settings = self.ctx.query(get_settings)
        self.coders.set_rows(coders)
        self.coder_view.resizeColumnsToContents()
        (self.aliases if settings.pseudonymise else self.real).setChecked(True)
        self.year.setValue(settings.study_year or self.year.minimum())
        self.roles.setText("; ".join(settings.identifying_roles))
        self.primary.setText(settings.source_primary)
        self.secondary.setText(settings.source_secondary)
        self.mixed.setText(settings.source_mixed)
        writable = not self.ctx.read_only
        for widget in (self.set_role_button, self.save_button, self.role_combo):
            widget.setEnabled(writable)
