"""Undoable memo edits (documents, codes, cases, the project)."""

from __future__ import annotations

from app.coding.changes import Changes
from app.coding.memos import MemoInfo, restore_memo, set_memo
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
        change = self.ctx.query(
            set_memo,
            target_kind=self.target_kind,
            target_id=self.target_id,
            text=self.memo_text,
            author=self.author,
        )
        self.before, self.after = change.before, change.after
        return change.changes

    def _put(self, memo: MemoInfo | None) -> Changes:
        return self.ctx.query(
            restore_memo, target_kind=self.target_kind, target_id=self.target_id, memo=memo
        ).changes

    def undo_core(self) -> Changes:
        return self._put(self.before)

    def redo_core(self) -> Changes:
        return self._put(self.after)
