"""Undoable review edits: marking excerpts, commenting and resolving threads."""

from __future__ import annotations

from collections.abc import Sequence

from app.coding.changes import Changes
from app.coding.review import (
    CommentInfo,
    add_comment,
    delete_comment,
    mark_coding,
    resolve_thread,
    restore_comment,
)
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext


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

    def do(self) -> Changes:
        self.previous = {}
        changes = Changes()
        try:
            with self.ctx.session() as s:
                for cid in self.coding_ids:
                    mark = mark_coding(s, coding_id=cid, reviewer=self.reviewer, status=self.status)
                    self.previous[cid] = mark.before
                    changes |= mark.changes
        except BaseException:
            self.undo_core()  # all or nothing: put back the marks already changed
            raise
        return changes

    def undo_core(self) -> Changes:
        changes = Changes()
        with self.ctx.session() as s:
            for cid, status in self.previous.items():
                changes |= mark_coding(
                    s, coding_id=cid, reviewer=self.reviewer, status=status
                ).changes
        return changes


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

    def _set(self, resolved: bool) -> Changes:
        changes = Changes()
        with self.ctx.session() as s:
            for comment_id in self.comment_ids:
                changes |= resolve_thread(s, comment_id=comment_id, resolved=resolved)
        return changes

    def do(self) -> Changes:
        return self._set(self.resolved)

    def undo_core(self) -> Changes:
        return self._set(not self.resolved)


class AddCommentCommand(CoreCommand):
    """Comment on a coding (or answer a comment); undo takes the comment back."""

    def __init__(
        self, ctx: ProjectContext, coding_id: int, text: str, reply_to: int | None = None
    ) -> None:
        super().__init__(ctx, translate("ReviewCommands", "Add comment"))
        self.coding_id = coding_id
        self.comment_text = text
        self.reply_to = reply_to
        self.author = ctx.coder
        self.comment: CommentInfo | None = None

    def do(self) -> Changes:
        with self.ctx.session() as s:
            self.comment = add_comment(
                s,
                coding_id=self.coding_id,
                author=self.author,
                text=self.comment_text,
                reply_to=self.reply_to,
            )
        return self.comment.changes

    def undo_core(self) -> Changes:
        assert self.comment is not None
        with self.ctx.session() as s:
            self.comment = delete_comment(s, comment_id=self.comment.id)
        return self.comment.changes

    def redo_core(self) -> Changes:
        assert self.comment is not None
        with self.ctx.session() as s:
            return restore_comment(s, comment=self.comment)
