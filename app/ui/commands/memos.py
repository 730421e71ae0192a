"""Undoable memo edits (documents, codes, cases, the project)."""

from __future__ import annotations

from app.coding.changes import Changes
from app.coding.memos import MemoInfo, get_memo, restore_memo, set_memo
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext


class SetMemoCommand(CoreCommand):
    """Write a memo; undo puts back the memo that was there (or none)."""

    def __init__(
        self, ctx: ProjectContext, target_kind: str, target_id: int | None, text: str
    ) -> None:
        super().__init__(ctx, translate("MemoCommands", "Edit memo"))
        self.target_kind = target_kind
        self.target_id = target_id
        self.memo_text = text
        self.author = ctx.coder
        self.before: MemoInfo | None = None
        self.after: MemoInfo | None = None

    def do(self) -> Changes:
        with self.ctx.session() as s:
            self.before = set_memo(
                s,
                target_kind=self.target_kind,
                target_id=self.target_id,
                text=self.memo_text,
                author=self.author,
            )
            self.after = get_memo(s, target_kind=self.target_kind, target_id=self.target_id)
        return Changes.of_memo(self.target_kind, self.target_id)

    def _put(self, memo: MemoInfo | None) -> Changes:
        with self.ctx.session() as s:
            restore_memo(s, target_kind=self.target_kind, target_id=self.target_id, memo=memo)
        return Changes.of_memo(self.target_kind, self.target_id)

    def undo_core(self) -> Changes:
        return self._put(self.before)

    def redo_core(self) -> Changes:
        return self._put(self.after)
