"""Item models of the analysis view: the summary, a matrix (counts as a heat map) and the
excerpts of the selected cell. They show core results; they never query by themselves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.coding.analysis import BoxStatus, CellKind, CodebookSummary, ColumnKind, Matrix
from app.coding.retrieval import Excerpt

Index = QModelIndex | QPersistentModelIndex
PRESENT = "\u2713"
ABSENT = "\u2013"
STATUS_COLOURS = {
    BoxStatus.FILLED: QColor("#e2efda"),
    BoxStatus.THIN: QColor("#fff2cc"),
    BoxStatus.CONTESTED: QColor("#fce4d6"),
    BoxStatus.ABSENT: QColor("#d9d9d9"),
    BoxStatus.EMPTY: QColor("#f8cbad"),
}
#: Roles carrying raw values for views and tests.
CountRole = Qt.ItemDataRole.UserRole + 1


def heat_colour(count: int, peak: int) -> QColor | None:
    """White to orange by ``count / peak``; None for an empty cell."""
    if count <= 0 or peak <= 0:
        return None
    share = 0.15 + 0.85 * count / peak
    return QColor(
        round(255 + (244 - 255) * share),
        round(255 + (162 - 255) * share),
        round(255 + (89 - 255) * share),
    )


def source_type_label(kind: str) -> str:
    """A document source type in the interface language."""
    labels = {
        "interview": QCoreApplication.translate("SourceType", "Interview"),
        "observation": QCoreApplication.translate("SourceType", "Observation"),
        "fgd": QCoreApplication.translate("SourceType", "Focus group"),
        "document": QCoreApplication.translate("SourceType", "Document"),
        "news": QCoreApplication.translate("SourceType", "News"),
        "other": QCoreApplication.translate("SourceType", "Other"),
    }
    return labels.get(kind, kind)


def _short(text: str, limit: int = 220) -> str:
    """One line of at most ``limit`` characters (the tooltip holds the whole quote)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def stance_mark(stance: str) -> str:
    """The mark before an ``absent`` or ``barrier`` quote ("" for supporting ones)."""
    if stance == "absent":
        return QCoreApplication.translate("Stance", "[does not happen] ")
    if stance == "barrier":
        return QCoreApplication.translate("Stance", "[barrier] ")
    return ""


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class SummaryModel(QAbstractTableModel):
    """One row per box: name, supporting excerpts, informants, groups, status, what says it
    does not happen or hinders it, the researcher's finding, the first quote."""

    COLUMNS = 8
    FINDING_COLUMN = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.summary: CodebookSummary | None = None
        self.language = "id"

    def set_summary(self, summary: CodebookSummary | None, language: str = "id") -> None:
        self.beginResetModel()
        self.summary, self.language = summary, language
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.summary is None:
            return 0
        return len(self.summary.boxes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Box"),
            self.tr("Excerpts"),
            self.tr("Informants"),
            self.tr("Groups"),
            self.tr("Status"),
            self.tr("Does not happen / barriers"),
            self.tr("Finding"),
            self.tr("Illustrative quote"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def status_text(self, status: BoxStatus) -> str:
        return {
            BoxStatus.FILLED: self.tr("filled"),
            BoxStatus.THIN: self.tr("thin"),
            BoxStatus.CONTESTED: self.tr("contested"),
            BoxStatus.ABSENT: self.tr("does not happen"),
            BoxStatus.EMPTY: self.tr("empty"),
        }[status]

    def against_text(self, absent: int, barriers: int) -> str:
        parts = []
        if absent:
            parts.append(self.tr("does not happen: %n", "", absent))
        if barriers:
            parts.append(self.tr("barriers: %n", "", barriers))
        return "; ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.summary is None:
            return None
        box = self.summary.boxes[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return "    " * box.depth + box.name(self.language)
            if col == 1:
                return box.excerpts
            if col == 2:
                return len(box.cases)
            if col == 3:
                return ", ".join(box.groups)
            if col == 4:
                return self.status_text(box.status)
            if col == 5:
                return self.against_text(box.absent, box.barriers)
            if col == 6:
                return box.finding
            if col == 7:
                return _short(box.quotes[0].text) if box.quotes else ""
        if role == Qt.ItemDataRole.EditRole and col == 6:
            return box.finding
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return box.definition(self.language) or None
            if col == 2:
                return "\n".join(box.cases) or None
            if col == 5 and (box.absent_quotes or box.barrier_quotes):
                return "\n\n".join(q.text for q in (*box.absent_quotes, *box.barrier_quotes))
            if col == 7 and box.quotes:
                return "\n\n".join(q.text for q in box.quotes)
        if role == Qt.ItemDataRole.BackgroundRole and col == 4:
            return STATUS_COLOURS[box.status]
        if role == Qt.ItemDataRole.FontRole and col == 0 and box.depth == 0:
            return _bold()
        if role == CountRole and col == 1:
            return box.excerpts
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MatrixModel(QAbstractTableModel):
    """A matrix: rows are codes, columns cases / values / codes; counts as a heat map."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.cells = CellKind.COUNT
        self.language = "id"
        self.aliases = False
        self._peak = 0

    def set_matrix(
        self, matrix: Matrix | None, cells: CellKind, language: str = "id", aliases: bool = False
    ) -> None:
        self.beginResetModel()
        self.matrix, self.cells, self.language, self.aliases = matrix, cells, language, aliases
        self._peak = matrix.max_count() if matrix is not None else 0
        self.endResetModel()

    def set_summary(self, row: int, col: int, text: str) -> None:
        """Show a changed cell summary (the matrix itself is immutable: rebuild its map)."""
        if self.matrix is None:
            return
        summaries = dict(self.matrix.summaries)
        if text.strip():
            summaries[(row, col)] = text
        else:
            summaries.pop((row, col), None)
        self.matrix = replace(self.matrix, summaries=summaries)
        changed = self.index(row, col)
        self.dataChanged.emit(changed, changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        matrix = self.matrix
        if matrix is None or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(matrix.rows):
                return None
            row = matrix.rows[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.definition(self.language) or row.key
            return "    " * row.depth + row.name(self.language)
        if not 0 <= section < len(matrix.columns):
            return None
        column = matrix.columns[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.key
        if column.kind is ColumnKind.CASE and self.aliases and column.alias:
            return column.alias
        if column.kind is ColumnKind.SOURCE:
            return source_type_label(column.key)
        return column.name(self.language)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if not index.isValid() or matrix is None:
            return None
        r, c = index.row(), index.column()
        count = matrix.count(r, c)
        if role == CountRole:
            return count
        absent = matrix.contrary_count(r, c, "absent")
        barriers = matrix.contrary_count(r, c, "barrier")
        if role == Qt.ItemDataRole.DisplayRole:
            # Supporting evidence is the number; what says otherwise is marked beside it.
            other = (f" \u2298{absent}" if absent else "") + (
                f" \u26a0{barriers}" if barriers else ""
            )
            if self.cells is CellKind.COUNT:
                return f"{count}{other}" if other else count
            if self.cells is CellKind.PRESENCE:
                return (PRESENT if count else ABSENT) + other
            if self.cells is CellKind.SUMMARY:
                return matrix.summary(r, c)
            shown = self.tr("%n quote(s)", "", count) if count else ABSENT
            return shown + other
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and self.cells is not CellKind.SUMMARY
            and (absent or barriers)
        ):
            parts = []
            if absent:
                parts.append(self.tr("does not happen: %n", "", absent))
            if barriers:
                parts.append(self.tr("barriers: %n", "", barriers))
            return "; ".join(parts)
        if role == Qt.ItemDataRole.BackgroundRole and self.cells is not CellKind.SUMMARY:
            return heat_colour(count, self._peak)
        if role == Qt.ItemDataRole.ToolTipRole and self.cells is CellKind.SUMMARY:
            return matrix.summary(r, c) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and self.cells is not CellKind.SUMMARY:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ExcerptModel(QAbstractTableModel):
    """The excerpts of the selected cell or box: quote, source, coder."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.excerpts: tuple[Excerpt, ...] = ()

    def set_excerpts(self, excerpts: Sequence[Excerpt]) -> None:
        self.beginResetModel()
        self.excerpts = tuple(excerpts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.excerpts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Quote"), self.tr("Source"), self.tr("Coder"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.excerpts[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return stance_mark(e.stance) + ("\u2605 " if e.illustrative else "") + e.text
            if col == 1:
                return f"{e.case} ({e.document})" if e.case else e.document
            if col == 2:
                return e.coder
        return None

    def excerpt(self, row: int) -> Excerpt:
        return self.excerpts[row]
