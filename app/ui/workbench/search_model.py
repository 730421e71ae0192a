"""Search results: one row per hit with its context, a page at a time.

The panel shows the first page of hits at once; the view asks for the next one
(``canFetchMore``/``fetchMore``) when the user scrolls to the bottom, so a common word over a
large project never reads every document before the first hits appear.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from app.coding.search import SearchCursor, SearchHit, SearchPage
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole
#: Fetches the page starting at a cursor; None when it failed (the error was shown).
PageFetcher = Callable[[SearchCursor], SearchPage | None]


class SearchHitModel(RowsTableModel):
    """Rows of :class:`SearchHit` (document, context), grown page by page."""

    #: Emitted after a further page was appended.
    grown = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SearchHit] = []
        self.cursor: SearchCursor | None = None
        self._fetch: PageFetcher | None = None

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        """Show exactly ``hits`` (nothing more to fetch)."""
        self.set_page(SearchPage(hits, None), None)

    def set_page(self, page: SearchPage, fetch: PageFetcher | None) -> None:
        """Show the first ``page``; ``fetch`` gets the following ones on demand."""
        self.beginResetModel()
        self.rows = list(page.hits)
        self.cursor, self._fetch = page.more, fetch
        self.endResetModel()

    def has_more(self) -> bool:
        """Whether hits beyond the shown ones may exist."""
        return self.cursor is not None and self._fetch is not None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self.has_more()

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self.cursor is None or self._fetch is None:
            return
        page = self._fetch(self.cursor)
        if page is None:  # failed and shown: stop asking
            self.cursor = None
            self.grown.emit()
            return
        self.cursor = page.more
        if page.hits:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.hits) - 1)
            self.rows.extend(page.hits)
            self.endInsertRows()
        self.grown.emit()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Document"), self.tr("Context"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return hit.document
            return context_line(hit.before, hit.match, hit.after)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return f"…{hit.before}【{hit.match}】{hit.after}…"
        if role == HIT_ROLE:
            return hit
        return None


def context_line(before: str, match: str, after: str) -> str:
    """``…before [match] after…`` on one line, spaced as in the text: a space beside the
    brackets only where the text has one, so "banjir." shows as "[banjir]." and not
    "[banjir] ."."""
    left = " ".join(before.split())
    right = " ".join(after.split())
    if left and before[-1:].isspace():
        left += " "
    if right and after[:1].isspace():
        right = " " + right
    return f"…{left}[{match}]{right}…"
