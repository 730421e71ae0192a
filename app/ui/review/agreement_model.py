"""Table models of the agreement view: figures per code and overall, and disagreements."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.coding.agreement import AgreementReport, Disagreement, Figures
from app.coding.exports.review_report import figure_text, percent_text
from app.ui.context import ProjectContext
from app.ui.review.models import one_line
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

# Kappa and alpha lead; percent agreement comes after the agreement on coded text because
# it counts every character neither coder coded as agreement.
F_CODE, F_KAPPA, F_ALPHA, F_CODED, F_PERCENT, F_A_ONLY, F_B_ONLY, F_BOTH = range(8)
FIGURE_COLUMNS = 8
#: the raw value of a cell (a float, ``None`` for n/a, an int, or the code name)
VALUE_ROLE = Qt.ItemDataRole.UserRole
#: the code key of a row ("" for the overall row)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
LOW_KAPPA = 0.4


class FiguresModel(QAbstractTableModel):
    """The overall row first, then one row per code (code names in the interface language)."""

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[tuple[str, str, Figures]] = []
        self.coders = ("", "")

    def set_report(
        self, report: AgreementReport | None, names: dict[str, tuple[str, str, str]]
    ) -> None:
        """Show ``report`` (``None`` clears); ``names`` maps code keys to names and colour."""
        self.beginResetModel()
        self.rows = []
        if report is not None:
            self.coders = (report.coder_a, report.coder_b)
            self.rows.append(("", self.tr("Overall"), report.overall))
            for key, figures in report.codes.items():
                name_id, name_en, _colour = names.get(key, (key, key, ""))
                self.rows.append((key, self.ctx.code_name(name_id, name_en), figures))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIGURE_COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < FIGURE_COLUMNS:
            return None
        a, b = self.coders
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Code"),
                self.tr("Kappa"),
                self.tr("Alpha"),
                self.tr("Agreement on coded text"),
                self.tr("Percent agreement (incl. uncoded text)"),
                self.tr("Only {0}").format(a) if a else self.tr("Only A"),
                self.tr("Only {0}").format(b) if b else self.tr("Only B"),
                self.tr("Both"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                None,
                self.tr("Cohen's kappa: agreement corrected for chance"),
                self.tr("Krippendorff's alpha (nominal)"),
                self.tr("Characters both coders coded, out of the characters either coder coded"),
                self.tr(
                    "Share of all characters both coders treat alike, uncoded text included: "
                    "near 100% on long transcripts whatever the coders did; report kappa or "
                    "alpha instead"
                ),
                self.tr("Characters only the first coder coded"),
                self.tr("Characters only the second coder coded"),
                self.tr("Characters both coders coded"),
            )[section]
        return None

    def value(self, row: int, col: int) -> Any:
        _key, name, f = self.rows[row]
        return (
            name,
            f.cohen_kappa,
            f.krippendorff_alpha,
            f.coded_agreement,
            f.percent_agreement,
            f.table.a_only,
            f.table.b_only,
            f.table.both,
        )[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        key = self.rows[row][0]
        value = self.value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == F_CODE:
                return value
            if col in (F_PERCENT, F_CODED):
                # The decimal separator is translated: "87,5%" in Indonesian.
                return percent_text(value, decimal=self.tr(".", "decimal separator"))
            if col in (F_KAPPA, F_ALPHA):
                return figure_text(value)
            return f"{value:,}"
        if role == VALUE_ROLE:
            return value
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole and col != F_CODE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not key:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == F_CODE:
            return key or None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col == F_KAPPA
            and value is not None
            and value < LOW_KAPPA
        ):
            return QColor("#b35900")
        return None


class FiguresProxy(QSortFilterProxyModel):
    """Sorts by the raw values (n/a last) and keeps the overall row on top."""

    def lessThan(self, left: Index, right: Index) -> bool:
        source = self.sourceModel()
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        if not source.data(left, KEY_ROLE):
            return ascending
        if not source.data(right, KEY_ROLE):
            return not ascending
        a, b = source.data(left, VALUE_ROLE), source.data(right, VALUE_ROLE)
        if a is None or b is None:  # n/a after every figure
            return a is not None and b is None
        return bool(a < b)


D_DOCUMENT, D_CODE, D_SPAN, D_CODER, D_TEXT = range(5)
DISAGREEMENT_ROLE = Qt.ItemDataRole.UserRole


class DisagreementModel(RowsTableModel):
    """Stretches one coder coded with a code and the other did not."""

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[Disagreement] = []
        self.texts: list[str] = []
        self.names: dict[str, tuple[str, str, str]] = {}

    def set_disagreements(
        self,
        rows: tuple[Disagreement, ...],
        texts: tuple[str, ...],
        names: dict[str, tuple[str, str, str]],
    ) -> None:
        self.beginResetModel()
        self.rows, self.texts, self.names = list(rows), list(texts), names
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Document"),
            self.tr("Code"),
            self.tr("Characters"),
            self.tr("Coded only by"),
            self.tr("Text"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == D_DOCUMENT:
                return d.document
            if col == D_CODE:
                name_id, name_en, _c = self.names.get(d.code_key, (d.code_key, d.code_key, ""))
                return self.ctx.code_name(name_id, name_en)
            if col == D_SPAN:
                return f"{d.start}–{d.end}"
            if col == D_CODER:
                return d.coded_by
            return one_line(self.texts[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole and col == D_TEXT:
            return self.texts[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and col == D_CODE:
            colour = self.names.get(d.code_key, ("", "", ""))[2]
            return QColor(colour) if colour else None
        if role == DISAGREEMENT_ROLE:
            return d
        return None
