"""The code tree: codebooks, codes and indicators with colours, counts and definitions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.coding.workbench_queries import (
    CodebookRow,
    CodeRow,
    code_counts,
    list_code_rows,
    list_codebook_rows,
)
from app.ui.context import ProjectContext
from app.ui.workbench.transcript import MIME_CODE, MIME_SELECTION

Index = QModelIndex | QPersistentModelIndex

NAME, COUNT = range(2)
#: role holding the code id (None for a codebook row)
CODE_ID_ROLE = Qt.ItemDataRole.UserRole
#: role holding the codebook id of any row
CODEBOOK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: role holding the stable key
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


def _book_node(book_id: int) -> int:
    return book_id * 2 + 1


def _code_node(code_id: int) -> int:
    return code_id * 2


class CodebookModel(QAbstractItemModel):
    """Tree over :func:`list_codebook_rows` and :func:`list_code_rows`.

    Internal ids encode the node: ``2*id+1`` for a codebook, ``2*id`` for a code.
    """

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.books: list[CodebookRow] = []
        self.codes: dict[int, CodeRow] = {}
        self.book_by_id: dict[int, CodebookRow] = {}
        self.kids: dict[int, list[int]] = {}  # node -> child nodes
        self.parent_node: dict[int, int | None] = {}
        self.order: dict[int, int] = {}  # code id -> position in tree order
        #: code id -> its codings plus those of its indicators (its whole subtree)
        self.totals: dict[int, int] = {}
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Bulk reload (structure changed: code added, moved, merged, deleted, imported)."""
        with self.ctx.session() as s:  # read first: a failed read resets nothing
            books = list(list_codebook_rows(s))
            rows = list_code_rows(s)
        self.beginResetModel()
        self.books = books
        self.book_by_id = {b.id: b for b in self.books}
        self.codes = {c.id: c for c in rows}
        self.kids = {-1: [_book_node(b.id) for b in self.books]}
        self.parent_node = {_book_node(b.id): None for b in self.books}
        for code in rows:  # already in sibling order
            parent = (
                _code_node(code.parent_id)
                if code.parent_id is not None
                else _book_node(code.codebook_id)
            )
            self.kids.setdefault(parent, []).append(_code_node(code.id))
            self.parent_node[_code_node(code.id)] = parent
        self.order = {}
        self._number(-1)
        self.totals = self._totals()
        self.endResetModel()

    def _totals(self) -> dict[int, int]:
        """Per code, the codings of its subtree: what the summary counts for a box."""
        totals: dict[int, int] = {}
        for cid in sorted(self.order, key=self.order.__getitem__, reverse=True):
            kids = self.kids.get(_code_node(cid), [])  # children come later in tree order
            totals[cid] = self.codes[cid].codings + sum(totals[k // 2] for k in kids)
        return totals

    def _number(self, node: int) -> None:
        stack = list(reversed(self.kids.get(node, [])))
        while stack:
            n = stack.pop()
            if n % 2 == 0:
                self.order[n // 2] = len(self.order)
            stack.extend(reversed(self.kids.get(n, [])))

    def refresh_counts(self, code_ids: Iterable[int]) -> None:
        """Re-count codings of these codes only (after coding changes)."""
        ids = [c for c in code_ids if c in self.codes]
        if not ids:
            return
        counts = self.ctx.query(code_counts, code_ids=ids)
        for cid in ids:
            old = self.codes[cid]
            new_count = counts.get(cid, 0)
            if old.codings != new_count:
                self.codes[cid] = CodeRow(**{**old.__dict__, "codings": new_count})
        before, self.totals = self.totals, self._totals()
        for cid in self.totals:
            if cid in ids or before.get(cid) != self.totals[cid]:
                idx = self.index_for_code(cid, COUNT)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole])

    def relabel(self) -> None:
        """Names switched language: every label changed."""
        if self.rowCount():
            self._emit_all(QModelIndex())

    def _emit_all(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, COUNT, parent))
        for r in range(rows):
            self._emit_all(self.index(r, 0, parent))

    # --- lookups ---------------------------------------------------------------------------

    def name_of(self, code_id: int) -> str:
        c = self.codes.get(code_id)
        return self.ctx.code_name(c.name_id, c.name_en) if c else ""

    def code_id(self, index: Index) -> int | None:
        if not index.isValid() or index.internalId() % 2:
            return None
        return int(index.internalId()) // 2

    def codebook_id(self, index: Index) -> int | None:
        if not index.isValid():
            return None
        node = int(index.internalId())
        return node // 2 if node % 2 else self.codes[node // 2].codebook_id

    def index_for_code(self, code_id: int, column: int = NAME) -> QModelIndex:
        node = _code_node(code_id)
        return self._index_of(node, column) if node in self.parent_node else QModelIndex()

    def index_for_codebook(self, codebook_id: int) -> QModelIndex:
        node = _book_node(codebook_id)
        return self._index_of(node, NAME) if node in self.parent_node else QModelIndex()

    def _index_of(self, node: int, column: int) -> QModelIndex:
        parent = self.parent_node[node]
        row = self.kids[-1 if parent is None else parent].index(node)
        return self.createIndex(row, column, node)

    # --- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column > COUNT or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = int(parent.internalId()) if parent.isValid() else -1
        kids = self.kids.get(node, [])
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.parent_node.get(int(index.internalId()))
        if parent is None:
            return QModelIndex()
        return self._index_of(parent, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = int(parent.internalId()) if parent.isValid() else -1
        return len(self.kids.get(node, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Code") if section == NAME else self.tr("Codings")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = int(index.internalId())
        if node % 2:
            return self._book_data(self.book_by_id[node // 2], index.column(), role)
        return self._code_data(self.codes[node // 2], index.column(), role)

    def _book_data(self, book: CodebookRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == NAME:
            return self.ctx.code_name(book.name_id, book.name_en)
        if role == Qt.ItemDataRole.FontRole and column == NAME:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == CODEBOOK_ID_ROLE:
            return book.id
        if role == KEY_ROLE:
            return book.key
        return None

    def _code_data(self, code: CodeRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return self.ctx.code_name(code.name_id, code.name_en)
            return self.count_text(code.id)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return QColor(code.colour)
        if role == Qt.ItemDataRole.ToolTipRole and column == COUNT:
            own, total = code.codings, self.totals.get(code.id, code.codings)
            text = self.tr("%n coding(s) with this code", "", own)
            if total != own:
                text += "\n" + self.tr("%n with its indicators (as in the summary)", "", total)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            definition = code.definition_id if self.ctx.language == "id" else code.definition_en
            definition = definition or code.definition_id or code.definition_en
            name = self.ctx.code_name(code.name_id, code.name_en)
            return f"<b>{_esc(name)}</b><br/><i>{_esc(code.key)}</i><p>{_esc(definition)}</p>"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CODE_ID_ROLE:
            return code.id
        if role == CODEBOOK_ID_ROLE:
            return code.codebook_id
        if role == KEY_ROLE:
            return code.key
        return None

    def count_text(self, code_id: int) -> str:
        """The count column: the code's own codings, then "· N" with its indicators' when
        they add any ("1 · 33"); empty for a code nothing is coded with."""
        own = self.codes[code_id].codings
        total = self.totals.get(code_id, own)
        if total == own:
            return str(own) if own else ""
        return f"{own} · {total}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() % 2 == 0:
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME_CODE, MIME_SELECTION]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        for index in indexes:
            cid = self.code_id(index)
            if cid is not None:
                data.setData(MIME_CODE, str(cid).encode())
                data.setText(self.name_of(cid))
                break
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
