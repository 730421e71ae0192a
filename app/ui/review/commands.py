"""Undoable review edits: marking excerpts and resolving threads.

Adding a comment is not on the undo stack: a comment is a message to someone else (the
core has no function to take one back), like sending an e-mail.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.coding.review import mark_coding, resolve_thread
from app.ui.commands.base import CoreCommand
from app.ui.context import ProjectContext
from app.ui.review.hub import notify_review

translate = QCoreApplication.translate


class MarkCodingsCommand(CoreCommand):
    """Give one or more codings the reviewer's mark (``None`` clears it); undo puts back
    each coding's previous mark."""

    def __init__(self, ctx: ProjectContext, coding_ids: Sequence[int], status: str | None) -> None:
        texts = {
            "agreed": translate("ReviewCommands", "Mark agreed"),
            "questioned": translate("ReviewCommands", "Mark questioned"),
            None: translate("ReviewCommands", "Clear review mark"),
        }
        super().__init__(ctx, texts.get(status, texts[None]))
        self.coding_ids = tuple(dict.fromkeys(coding_ids))
        self.status = status
        self.reviewer = ctx.coder
        self.previous: dict[int, str | None] = {}

    def do(self) -> None:
        self.previous = {}
        try:
            with self.ctx.session() as s:
                for cid in self.coding_ids:
                    self.previous[cid] = mark_coding(
                        s, coding_id=cid, reviewer=self.reviewer, status=self.status
                    )
        except BaseException:
            self.undo_core()  # all or nothing: put back the marks already changed
            raise
        notify_review(self.ctx, self.coding_ids)

    def undo_core(self) -> None:
        with self.ctx.session() as s:
            for cid, status in self.previous.items():
                mark_coding(s, coding_id=cid, reviewer=self.reviewer, status=status)
        notify_review(self.ctx, self.coding_ids)


class ResolveThreadCommand(CoreCommand):
    """Mark threads (their root comments) resolved, or open again."""

    def __init__(
        self,
        ctx: ProjectContext,
        coding_id: int,
        comment_ids: Sequence[int],
        resolved: bool = True,
    ) -> None:
        text = (
            translate("ReviewCommands", "Resolve question")
            if resolved
            else translate("ReviewCommands", "Reopen question")
        )
        super().__init__(ctx, text)
        self.coding_id = coding_id
        self.comment_ids = tuple(comment_ids)
        self.resolved = resolved

    def _set(self, resolved: bool) -> None:
        with self.ctx.session() as s:
            for comment_id in self.comment_ids:
                resolve_thread(s, comment_id=comment_id, resolved=resolved)
        notify_review(self.ctx, [self.coding_id])

    def do(self) -> None:
        self._set(self.resolved)

    def undo_core(self) -> None:
        self._set(not self.resolved)
