"""The new-project dialog: name, folder, codebooks, names in exports and attribute template.

``projectPath`` holds the file to create (folder and name in one); it is kept in sync with the
name and folder fields both ways. Accepting creates the file through
:func:`app.coding.project_setup.create_study`; :attr:`NewProjectDialog.created` is its path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.coding.cases import ATTRIBUTE_TYPES
from app.coding.project_setup import create_study
from app.coding.settings import NamesInExports
from app.ui.errors import error_message
from app.ui.start.codebook_choices import (
    AttributeTemplateModel,
    CodebookChoicesModel,
    type_label,
)

SUFFIX = ".telaah"


def default_folder() -> Path:
    """A ``Telaah`` folder in the user's Documents (created when the project is)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "Telaah"


def free_name(folder: Path, stem: str) -> str:
    """``stem``, or ``stem 2``, ``stem 3``… when a project of that name is in ``folder``."""
    candidate, n = stem, 1
    while (folder / f"{candidate}{SUFFIX}").exists():
        n += 1
        candidate = f"{stem} {n}"
    return candidate


class _TypeDelegate(QStyledItemDelegate):
    """A drop-down of the attribute kinds for the template's second column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        box = QComboBox(parent)
        for kind in ATTRIBUTE_TYPES:
            box.addItem(type_label(kind), kind)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class NewProjectDialog(QDialog):
    """Create a project file and say where it went (:attr:`created`)."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self.created: Path | None = None
        self._syncing = False
        folder = default_folder()

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("projectName")
        self.folder_edit = QLineEdit(str(folder), self)
        self.folder_edit.setObjectName("projectFolder")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("projectPath")
        self.name_edit.textChanged.connect(self._from_parts)
        self.folder_edit.textChanged.connect(self._from_parts)
        self.path_edit.textChanged.connect(self._from_path)

        self.codebooks = CodebookChoicesModel(language, self)
        self.codebook_view = QListView(self)
        self.codebook_view.setObjectName("codebookChoices")
        self.codebook_view.setModel(self.codebooks)
        self.codebook_view.setWordWrap(True)
        self.codebook_view.setUniformItemSizes(False)
        self.codebook_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.codebook_view.setSpacing(2)
        self.codebook_view.setMinimumHeight(190)

        self.aliases = QRadioButton(self)
        self.aliases.setObjectName("namesAliases")
        self.real_names = QRadioButton(self)
        self.real_names.setObjectName("namesReal")
        self.aliases.setChecked(True)
        self._names = QButtonGroup(self)
        self._names.addButton(self.aliases)
        self._names.addButton(self.real_names)

        self.attributes = AttributeTemplateModel(self)
        self.attribute_view = QTableView(self)
        self.attribute_view.setObjectName("attributeTemplate")
        self.attribute_view.setModel(self.attributes)
        self.attribute_view.setItemDelegateForColumn(1, _TypeDelegate(self.attribute_view))
        self.attribute_view.verticalHeader().hide()
        header = self.attribute_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.attribute_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.attribute_view.setMinimumHeight(150)
        self.add_attribute = QPushButton(self)
        self.add_attribute.clicked.connect(self._add_attribute)
        self.remove_attribute = QPushButton(self)
        self.remove_attribute.clicked.connect(self._remove_attribute)

        self.problem = QLabel(self)
        self.problem.setObjectName("newProjectProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.name_label = QLabel(self)
        self.folder_label = QLabel(self)
        self.path_label = QLabel(self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.folder_label, folder_row)
        form.addRow(self.path_label, self.path_edit)

        self.codebook_box = QGroupBox(self)
        box = QVBoxLayout(self.codebook_box)
        self.codebook_hint = QLabel(self.codebook_box)
        self.codebook_hint.setWordWrap(True)
        box.addWidget(self.codebook_hint)
        box.addWidget(self.codebook_view)

        self.names_box = QGroupBox(self)
        names = QVBoxLayout(self.names_box)
        names.addWidget(self.aliases)
        names.addWidget(self.real_names)

        self.attribute_box = QGroupBox(self)
        attrs = QVBoxLayout(self.attribute_box)
        self.attribute_hint = QLabel(self.attribute_box)
        self.attribute_hint.setWordWrap(True)
        attrs.addWidget(self.attribute_hint)
        attrs.addWidget(self.attribute_view)
        attr_buttons = QHBoxLayout()
        attr_buttons.addWidget(self.add_attribute)
        attr_buttons.addWidget(self.remove_attribute)
        attr_buttons.addStretch(1)
        attrs.addLayout(attr_buttons)

        right = QVBoxLayout()
        right.addWidget(self.names_box)
        right.addWidget(self.attribute_box, 1)
        columns = QHBoxLayout()
        columns.addWidget(self.codebook_box, 3)
        columns.addLayout(right, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.name_edit.setText(free_name(folder, self.tr("My study")))
        self._from_parts()
        self.resize(900, 600)

    # --- text ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New project"))
        self.name_label.setText(self.tr("Name:"))
        self.folder_label.setText(self.tr("Folder:"))
        self.path_label.setText(self.tr("File:"))
        self.browse.setText(self.tr("Choose…"))
        self.codebook_box.setTitle(self.tr("Theory codebooks to include"))
        self.codebook_hint.setText(
            self.tr(
                "Tick the theories your study uses; their codes and indicators are added with "
                "definitions and references. You can add or write codebooks later."
            )
        )
        self.names_box.setTitle(self.tr("Informant names in exports"))
        self.aliases.setText(self.tr("Aliases (Informan 1, Informan 2, …)"))
        self.real_names.setText(self.tr("Real names"))
        self.attribute_box.setTitle(self.tr("Informant attributes"))
        self.attribute_hint.setText(
            self.tr("What you record about each informant. Edit, add or remove as you need.")
        )
        self.add_attribute.setText(self.tr("Add attribute"))
        self.remove_attribute.setText(self.tr("Remove"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create project"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- name, folder and file kept in step --------------------------------------------

    def _from_parts(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        name = self.name_edit.text().strip()
        folder = self.folder_edit.text().strip()
        self.path_edit.setText(str(Path(folder) / f"{name}{SUFFIX}") if name and folder else "")
        self._syncing = False
        self.problem.hide()

    def _from_path(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
            self.name_edit.setText(stem)
            self.folder_edit.setText(str(path.parent))
        self._syncing = False
        self.problem.hide()

    def _browse(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        while start and not Path(start).is_dir() and Path(start).parent != Path(start):
            start = str(Path(start).parent)
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the project"), start)
        if chosen:
            self.folder_edit.setText(chosen)
            self._from_parts()

    def _add_attribute(self) -> None:
        index = self.attributes.add_row()
        self.attribute_view.setCurrentIndex(index)
        self.attribute_view.edit(index)

    def _remove_attribute(self) -> None:
        self.attributes.remove_row(self.attribute_view.currentIndex().row())

    # --- creating -----------------------------------------------------------------------

    def target(self) -> Path | None:
        """The file that would be created (with the ``.telaah`` suffix), if a name is given."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)

    def real_names_in_exports(self) -> bool:
        return self.real_names.isChecked()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def accept(self) -> None:
        path = self.target()
        if path is None or not path.name[: -len(SUFFIX)].strip():
            self._refuse(self.tr("Give the project a name."))
            return
        if path.exists():
            self._refuse(
                self.tr("A file called {0} is already in that folder. Choose another name.").format(
                    path.name
                )
            )
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_study(
                path,
                codebooks=self.codebooks.chosen(),
                attributes=self.attributes.definitions(),
                names_in_exports=NamesInExports.REAL
                if self.real_names.isChecked()
                else NamesInExports.ALIASES,
            )
        except Exception as exc:  # every failure is shown; nothing was left on disk
            self._refuse(error_message(exc))
            return
        self.created = path
        super().accept()
