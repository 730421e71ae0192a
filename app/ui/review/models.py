"""Item models of the review screens: excerpts grouped by code or informant, open questions.

:class:`ReviewTreeModel` lists groups (codes or informants) at the top level and loads a
group's excerpts only when the group is opened (``fetchMore``). A change of marks or comments
updates just the affected rows and the group counts; a change of codings resets the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.coding.changes import Changes
from app.coding.review import OpenQuestion, open_questions
from app.coding.review_queries import (
    BY_CODE,
    ReviewGroup,
    ReviewItem,
    code_names,
    review_groups,
    review_items,
    review_states,
    with_state,
)
from app.ui.context import ProjectContext
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

EXCERPT, CODE, SOURCE, CODER, MARK, COMMENTS = range(6)
ITEM_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

AGREED_COLOUR = "#1e7b34"
QUESTIONED_COLOUR = "#b35900"
SYMBOLS = {"agreed": "✓", "questioned": "?"}


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks too) turned into one space."""
    return " ".join(text.split())


def source_of(item: ReviewItem) -> str:
    """ "Informan 5 · INF05_Bambang.txt" (or the document alone)."""
    e = item.excerpt
    who = e.case_alias or e.case
    return f"{who} · {e.document}" if who else e.document


class ReviewTreeModel(QAbstractItemModel):
    """Groups (internal id 0) with their excerpts (internal id = group row + 1)."""

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.by = BY_CODE
        self.groups: list[ReviewGroup] = []
        self.items: dict[int, list[ReviewItem]] = {}

    # --- loading ------------------------------------------------------------------------------

    def set_grouping(self, by: str) -> None:
        if by != self.by:
            self.by = by
            self.reload()

    def reload(self) -> None:
        """Reload the groups; every group's excerpts are fetched again when opened."""
        self.beginResetModel()
        self.groups = list(self.ctx.query(review_groups, by=self.by))
        self.items = {}
        self.endResetModel()

    def on_review_changed(self, changes: Changes) -> None:
        """Update the marks and comment counts of the changed excerpts and the group counts
        (everything when the change does not name its codings)."""
        if not changes.reviewed:
            self.reload()
            return
        wanted = set(changes.reviewed)
        states = self.ctx.query(review_states, coding_ids=wanted)
        for row, items in self.items.items():
            parent = self.index(row, 0)
            for n, item in enumerate(items):
                if item.excerpt.coding_id in wanted:
                    items[n] = with_state(item, states.get(item.excerpt.coding_id))
                    self.dataChanged.emit(
                        self.index(n, MARK, parent), self.index(n, COMMENTS, parent)
                    )
        fresh = self.ctx.query(review_groups, by=self.by)
        if [(g.kind, g.id) for g in fresh] != [(g.kind, g.id) for g in self.groups]:
            self.reload()
            return
        for row, group in enumerate(fresh):
            if group != self.groups[row]:
                self.groups[row] = group
                self.dataChanged.emit(self.index(row, 0), self.index(row, COMMENTS))

    # --- lookups ------------------------------------------------------------------------------

    def item(self, index: Index) -> ReviewItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.items[int(index.internalId()) - 1][index.row()]

    def group(self, index: Index) -> ReviewGroup | None:
        if not index.isValid() or index.internalId() != 0:
            return None
        return self.groups[index.row()]

    def group_label(self, group: ReviewGroup) -> str:
        if group.kind == BY_CODE:
            return self.ctx.code_name(group.name_id, group.name_en)
        if group.id is None:
            return self.tr("Without informant (other documents)")
        return f"{group.alias} — {group.key}" if group.alias else group.key

    def index_of_coding(self, coding_id: int) -> QModelIndex:
        for row, items in self.items.items():
            for n, item in enumerate(items):
                if item.excerpt.coding_id == coding_id:
                    return self.index(n, 0, self.index(row, 0))
        return QModelIndex()

    # --- QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < 6:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        if row >= len(self.items.get(parent.row(), [])):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self.items.get(parent.row(), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self.groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return False
        return self.groups[parent.row()].total > 0

    def canFetchMore(self, parent: Index) -> bool:
        group = self.group(parent)
        return group is not None and parent.column() == 0 and parent.row() not in self.items

    def fetchMore(self, parent: Index) -> None:
        group = self.group(parent)
        if group is None or parent.row() in self.items:
            return
        found = list(self.ctx.query(review_items, by=self.by, group_id=group.id))
        if not found:
            self.items[parent.row()] = []
            return
        self.beginInsertRows(parent, 0, len(found) - 1)
        self.items[parent.row()] = found
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 6:
            return None
        return (
            self.tr("Excerpt"),
            self.tr("Code"),
            self.tr("Source"),
            self.tr("Coder"),
            self.tr("Review"),
            self.tr("Comments"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.group(index)
        if group is not None:
            return self._group_data(group, index.column(), role)
        item = self.item(index)
        return None if item is None else self._item_data(item, index.column(), role)

    def _group_data(self, group: ReviewGroup, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == EXCERPT:
                return f"{self.group_label(group)} ({group.total})"
            if col == MARK:
                parts = []
                if group.agreed:
                    parts.append(f"✓ {group.agreed}")
                if group.questioned:
                    parts.append(f"? {group.questioned}")
                return "  ".join(parts)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == MARK:
            return self.tr("{0} of {1} excerpts agreed, {2} questioned").format(
                group.agreed, group.total, group.questioned
            )
        if role == Qt.ItemDataRole.ToolTipRole and col == EXCERPT:
            label = self.group_label(group)
            return f"{label}\n{group.key}" if group.kind == BY_CODE else label
        if role == Qt.ItemDataRole.FontRole and col == EXCERPT:
            font = QFont()
            font.setBold(True)
            return font
        if role == GROUP_ROLE:
            return group
        return None

    def _item_data(self, item: ReviewItem, col: int, role: int) -> Any:
        e, state = item.excerpt, item.state
        if role == Qt.ItemDataRole.DisplayRole:
            if col == EXCERPT:
                return ("★ " if e.illustrative else "") + one_line(e.text)
            if col == CODE:
                return self.ctx.code_name(e.code_name_id, e.code_name_en)
            if col == SOURCE:
                return source_of(item)
            if col == CODER:
                return e.coder
            if col == MARK:
                return ", ".join(f"{SYMBOLS[m.status]} {m.reviewer}" for m in state.marks)
            if col == COMMENTS:
                if not state.comments:
                    return ""
                if state.open_threads:
                    return self.tr("{0} (open)").format(state.comments)
                return str(state.comments)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == MARK and state.status:
            colour = AGREED_COLOUR if state.status == "agreed" else QUESTIONED_COLOUR
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ToolTipRole and col == EXCERPT:
            return e.text
        if role == ITEM_ROLE:
            return item
        if role == STATUS_ROLE:
            return state.status
        return None


OQ_EXCERPT, OQ_CODE, OQ_DOCUMENT, OQ_REVIEWER, OQ_LAST = range(5)
QUESTION_ROLE = Qt.ItemDataRole.UserRole


class OpenQuestionModel(RowsTableModel):
    """Questioned excerpts whose threads are still open, from :func:`open_questions`."""

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[OpenQuestion] = []
        self.names: dict[str, tuple[str, str, str]] = {}

    def reload(self) -> None:
        self.beginResetModel()
        with self.ctx.session() as s:
            self.rows = list(open_questions(s))
            self.names = code_names(s, keys=[q.code_key for q in self.rows])
        self.endResetModel()

    def row_of(self, coding_id: int) -> int | None:
        return next((n for n, q in enumerate(self.rows) if q.coding_id == coding_id), None)

    def on_review_changed(self, _changes: Changes) -> None:
        """Reload: any change may open or close a question, and the list is short."""
        self.reload()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Excerpt"),
            self.tr("Code"),
            self.tr("Document"),
            self.tr("Asked by"),
            self.tr("Last comment"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == OQ_EXCERPT:
                return one_line(q.snippet)
            if col == OQ_CODE:
                name_id, name_en, _colour = self.names.get(q.code_key, (q.code_key, "", ""))
                return self.ctx.code_name(name_id, name_en)
            if col == OQ_DOCUMENT:
                return q.document
            if col == OQ_REVIEWER:
                return q.reviewer
            if col == OQ_LAST:
                if not q.thread:
                    return self.tr("(no comment yet)")
                last = q.thread[-1]
                return f"{last.author}: {one_line(last.text)}"
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col in (OQ_EXCERPT, OQ_LAST):
            return (
                q.snippet
                if col == OQ_EXCERPT
                else "\n".join(f"{c.author}: {c.text}" for c in q.thread)
            )
        if role == QUESTION_ROLE:
            return q
        return None
