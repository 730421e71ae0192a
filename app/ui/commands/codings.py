"""Undoable coding edits: apply, remove, change, in-vivo and code-all-hits."""

from __future__ import annotations

from collections.abc import Sequence

from app.coding import codes as codes_core
from app.coding.changes import Changes
from app.coding.codings import (
    CodingChanges,
    CodingInfo,
    NewCoding,
    Stance,
    apply_codes,
    remove_codings,
    restore_codings,
    update_coding,
)
from app.coding.in_vivo import code_in_vivo
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext


class AddCodingsCommand(CoreCommand):
    """Create codings (one or many, e.g. every search hit) as a single undo step."""

    def __init__(
        self, ctx: ProjectContext, codings: Sequence[NewCoding], text: str | None = None
    ) -> None:
        super().__init__(ctx, text or translate("CodingCommands", "Apply code"))
        self.new = tuple(codings)
        self.added: tuple[CodingInfo, ...] = ()
        self.changes = CodingChanges()
        self.undone = CodingChanges()  # a reviewer's marks made before the undo come back

    def do(self) -> Changes:
        self.changes = self.ctx.query(apply_codes, codings=self.new, coder=self.ctx.coder)
        self.added = self.changes.added
        return self.changes.changes

    def undo_core(self) -> Changes:
        if not self.added:
            return Changes()
        self.undone = self.ctx.query(
            remove_codings, coding_ids=[c.id for c in self.added], unchanged=self.added
        )
        return self.undone.changes

    def redo_core(self) -> Changes:
        if not self.added:
            return Changes()
        return self.ctx.query(
            restore_codings, codings=self.added, review=self.undone.review
        ).changes


class RestoredCodingsCommand(CoreCommand):
    """Wraps codings another core function already created (e.g. auto-coding)."""

    def __init__(self, ctx: ProjectContext, changes: CodingChanges, text: str) -> None:
        super().__init__(ctx, text)
        self.added = changes.added
        self.changes = changes
        self.undone = CodingChanges()

    def do(self) -> Changes:
        return self.changes.changes

    def undo_core(self) -> Changes:
        if not self.added:
            return Changes()
        self.undone = self.ctx.query(remove_codings, coding_ids=[c.id for c in self.added])
        return self.undone.changes

    def redo_core(self) -> Changes:
        if not self.added:
            return Changes()
        return self.ctx.query(
            restore_codings, codings=self.added, review=self.undone.review
        ).changes


class RemoveCodingsCommand(CoreCommand):
    """Remove codings; undo puts them back with the same ids, memos and stars."""

    def __init__(self, ctx: ProjectContext, coding_ids: Sequence[int]) -> None:
        super().__init__(ctx, translate("CodingCommands", "Remove coding"))
        self.ids = tuple(coding_ids)
        self.removed: tuple[CodingInfo, ...] = ()
        self.result = CodingChanges()

    def do(self) -> Changes:
        self.result = self.ctx.query(remove_codings, coding_ids=self.ids)
        self.removed = self.result.removed
        return self.result.changes

    def undo_core(self) -> Changes:
        return self.ctx.query(
            restore_codings, codings=self.removed, review=self.result.review
        ).changes


class UpdateCodingCommand(CoreCommand):
    """Change a coding's memo, star, code or span; undo restores the previous values."""

    def __init__(
        self,
        ctx: ProjectContext,
        coding_id: int,
        *,
        memo: str | None = None,
        illustrative: bool | None = None,
        code_id: int | None = None,
        stance: Stance | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(ctx, text or translate("CodingCommands", "Change coding"))
        self.coding_id = coding_id
        self.fields = {
            "memo": memo, "illustrative": illustrative, "code_id": code_id, "stance": stance
        }  # fmt: skip
        self.before: CodingInfo | None = None
        self.after: CodingInfo | None = None

    def do(self) -> Changes:
        changes = self.ctx.query(update_coding, coding_id=self.coding_id, **self.fields)
        self.before = changes.before[0]
        self.after = changes.updated[0]
        return changes.changes

    def undo_core(self) -> Changes:
        b = self.before
        assert b is not None
        changes = self.ctx.query(
            update_coding,
            coding_id=b.id,
            memo=b.memo,
            illustrative=b.illustrative,
            code_id=b.code_id,
            start=b.start,
            end=b.end,
            stance=b.stance,
            unchanged=self.after,  # another coder's later change is not overwritten
        )
        return changes.changes


class InVivoCommand(CoreCommand):
    """Create a code named from the selection (codebook "In vivo") and apply it there."""

    def __init__(self, ctx: ProjectContext, document_id: int, start: int, end: int, name: str):
        super().__init__(ctx, translate("CodingCommands", "Code in vivo"))
        self.document_id, self.start, self.end, self.name = document_id, start, end, name
        self.code: codes_core.CodeRow | None = None
        self.snapshot: codes_core.CodeSnapshot | None = None

    def do(self) -> Changes:
        made = self.ctx.query(
            code_in_vivo,
            document_id=self.document_id,
            start=self.start,
            end=self.end,
            coder=self.ctx.coder,
            name=self.name,
        )  # one transaction: codebook, code and coding
        self.code = made.code
        return made.changes

    def undo_core(self) -> Changes:
        assert self.code is not None
        self.snapshot = self.ctx.query(codes_core.delete_code, code_id=self.code.id)
        return self.snapshot.changes

    def redo_core(self) -> Changes:
        assert self.snapshot is not None
        return self.ctx.query(codes_core.restore_code, snapshot=self.snapshot)
