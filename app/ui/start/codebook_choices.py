"""Item models of the new-project dialog: the bundled codebooks to include and the attribute
template (both checkable or editable lists, nothing stored until the dialog is accepted)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.coding.cases import ATTRIBUTE_TYPES
from app.coding.codebook_files import CodebookSpec, bundled_codebook_keys, load_bundled_codebook
from app.coding.project_setup import AttributeDefinition

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


@dataclass(frozen=True)
class BundledCodebook:
    key: str
    name_id: str
    name_en: str
    description_id: str
    description_en: str
    codes: int


def bundled_codebooks() -> list[BundledCodebook]:
    """The codebooks that ship with Telaah, in their usual order."""

    def summary(spec: CodebookSpec) -> BundledCodebook:
        return BundledCodebook(
            spec.key,
            spec.name_id,
            spec.name_en,
            spec.description_id,
            spec.description_en,
            sum(1 for _ in spec.walk_codes()),
        )

    return [summary(load_bundled_codebook(key)) for key in bundled_codebook_keys()]


def first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def codebook_label(book: BundledCodebook, language: str) -> str:
    name = book.name_id if language == "id" else book.name_en
    return translate("NewProject", "{0} ({1} codes)").format(name, book.codes)


class CodebookChoicesModel(QAbstractListModel):
    """One checkable row per bundled codebook; its key in ``Qt.UserRole``."""

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.books = bundled_codebooks()
        self.checked: set[str] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.books)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        book = self.books[index.row()]
        description = book.description_id if self.language == "id" else book.description_en
        if role == Qt.ItemDataRole.DisplayRole:
            return codebook_label(book, self.language) + "\n" + first_sentence(description)
        if role == Qt.ItemDataRole.ToolTipRole:
            return description
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if book.key in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return book.key
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.books[index.row()].key
        state = value.value if isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked.value:
            self.checked.add(key)
        else:
            self.checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def chosen(self) -> list[str]:
        """The checked keys in the list's order."""
        return [b.key for b in self.books if b.key in self.checked]

    def set_language(self, language: str) -> None:
        self.language = language
        if self.books:
            self.dataChanged.emit(self.index(0), self.index(len(self.books) - 1))


def default_attributes() -> list[AttributeDefinition]:
    """The usual informant attributes, named in the interface language."""
    return [
        AttributeDefinition(translate("NewProject", "group"), "category"),
        AttributeDefinition(translate("NewProject", "role"), "text"),
        AttributeDefinition(translate("NewProject", "institution"), "text"),
        AttributeDefinition(translate("NewProject", "gender"), "category"),
        AttributeDefinition(translate("NewProject", "interview date"), "date"),
        AttributeDefinition(translate("NewProject", "place"), "text"),
    ]


def type_label(kind: str) -> str:
    return {
        "text": translate("NewProject", "text"),
        "number": translate("NewProject", "number"),
        "date": translate("NewProject", "date"),
        "category": translate("NewProject", "category"),
    }.get(kind, kind)


class AttributeTemplateModel(QAbstractTableModel):
    """The attribute template: name and type per row, both editable; empty names are dropped."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AttributeDefinition] = default_attributes()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Attribute"), self.tr("Kind of value"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        attr = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return attr.name
            return type_label(attr.type) if role == Qt.ItemDataRole.DisplayRole else attr.type
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        attr = self.rows[index.row()]
        if index.column() == 0:
            attr = AttributeDefinition(str(value).strip(), attr.type)
        elif str(value) in ATTRIBUTE_TYPES:
            attr = AttributeDefinition(attr.name, str(value))
        else:
            return False
        self.rows[index.row()] = attr
        self.dataChanged.emit(index, index)
        return True

    def add_row(self) -> QModelIndex:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(AttributeDefinition("", "text"))
        self.endInsertRows()
        return self.index(row, 0)

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def definitions(self) -> list[AttributeDefinition]:
        return [a for a in self.rows if a.name.strip()]
