"""Undoable codebook edits: add, rename/recolour/redefine, move, merge, delete, import."""

from __future__ import annotations

from pathlib import Path

from app.coding import codes as core
from app.coding.changes import Changes
from app.coding.codebook_files import CodebookSpec
from app.coding.codebooks import (
    CodebookSnapshot,
    CodebookUpdate,
    ensure_codebook,
    install_codebook,
    remove_codebook,
    restore_codebook,
    revert_codebook_update,
    update_codebook,
)
from app.coding.refiqda import import_qdc
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext

#: the codebook of codes the researcher adds without choosing one
USER_CODEBOOK = "my-codes"


class AddCodeCommand(CoreCommand):
    """Add a code to a codebook (under ``parent_id`` when given; without ``codebook_id`` to
    the researcher's own codebook, created on first use)."""

    def __init__(
        self,
        ctx: ProjectContext,
        *,
        codebook_id: int | None,
        name_id: str,
        name_en: str = "",
        parent_id: int | None = None,
        colour: str = "#888888",
        definition_id: str = "",
        definition_en: str = "",
        **details: str,
    ) -> None:
        super().__init__(ctx, translate("CodeCommands", "Add code"))
        self.kwargs = {
            "codebook_id": codebook_id,
            "name_id": name_id,
            "name_en": name_en,
            "parent_id": parent_id,
            "colour": colour,
            "definition_id": definition_id,
            "definition_en": definition_en,
            **details,
        }
        self.row: core.CodeRow | None = None
        self.snapshot: core.CodeSnapshot | None = None
        #: the researcher's own codebook, when this code was its first (undo removes it too)
        self.new_book: int | None = None
        self.book_snapshot: CodebookSnapshot | None = None

    def do(self) -> Changes:
        with self.ctx.session() as s:
            book = Changes()
            if self.kwargs["codebook_id"] is None:
                ensured = ensure_codebook(
                    s, key=USER_CODEBOOK, name_id="Kode saya", name_en="My codes"
                )
                self.kwargs["codebook_id"], book = ensured.codebook_id, ensured.changes
                self.new_book = ensured.codebook_id if ensured.created else None
            self.row = core.create_code(s, **self.kwargs)  # type: ignore[arg-type]
        return self.row.changes | book

    def undo_core(self) -> Changes:
        assert self.row is not None
        if self.new_book is not None:
            self.book_snapshot = self.ctx.query(remove_codebook, codebook_id=self.new_book)
            return self.book_snapshot.changes
        self.snapshot = self.ctx.query(core.delete_code, code_id=self.row.id)
        return self.snapshot.changes

    def redo_core(self) -> Changes:
        if self.book_snapshot is not None:
            return self.ctx.query(restore_codebook, snapshot=self.book_snapshot)
        assert self.snapshot is not None
        return self.ctx.query(core.restore_code, snapshot=self.snapshot)


class UpdateCodeCommand(CoreCommand):
    """Change names, definitions or colour of a code."""

    def __init__(self, ctx: ProjectContext, code_id: int, text: str, **fields: str) -> None:
        super().__init__(ctx, text)
        self.code_id = code_id
        self.fields = fields
        self.before: core.CodeRow | None = None

    def do(self) -> Changes:
        edit = self.ctx.query(core.update_code, code_id=self.code_id, **self.fields)
        self.before = edit.before
        return edit.changes

    def undo_core(self) -> Changes:
        b = self.before
        assert b is not None
        old = {name: getattr(b, name) for name in self.fields}
        return self.ctx.query(core.update_code, code_id=self.code_id, **old).changes


class MoveCodeCommand(CoreCommand):
    """Re-parent a code inside its codebook."""

    def __init__(self, ctx: ProjectContext, code_id: int, parent_id: int | None) -> None:
        super().__init__(ctx, translate("CodeCommands", "Move code"))
        self.code_id, self.parent_id = code_id, parent_id
        self.before: core.CodeRow | None = None

    def do(self) -> Changes:
        edit = self.ctx.query(core.move_code, code_id=self.code_id, parent_id=self.parent_id)
        self.before = edit.before
        return edit.changes

    def undo_core(self) -> Changes:
        b = self.before
        assert b is not None
        return self.ctx.query(
            core.move_code, code_id=self.code_id, parent_id=b.parent_id, sort_order=b.sort_order
        ).changes


class MergeCodesCommand(CoreCommand):
    """Merge ``source`` into ``target``; undo splits them again exactly."""

    def __init__(self, ctx: ProjectContext, source_id: int, target_id: int) -> None:
        super().__init__(ctx, translate("CodeCommands", "Merge codes"))
        self.source_id, self.target_id = source_id, target_id
        self.record: core.MergeRecord | None = None

    def do(self) -> Changes:
        self.record = self.ctx.query(
            core.merge_codes, source_id=self.source_id, target_id=self.target_id
        )
        return self.record.changes

    def undo_core(self) -> Changes:
        assert self.record is not None
        return self.ctx.query(core.unmerge_codes, record=self.record)


class DeleteCodeCommand(CoreCommand):
    """Delete a code with its indicators and codings; undo restores all of it."""

    def __init__(self, ctx: ProjectContext, code_id: int) -> None:
        super().__init__(ctx, translate("CodeCommands", "Delete code"))
        self.code_id = code_id
        self.snapshot: core.CodeSnapshot | None = None

    def do(self) -> Changes:
        self.snapshot = self.ctx.query(core.delete_code, code_id=self.code_id)
        return self.snapshot.changes

    def undo_core(self) -> Changes:
        assert self.snapshot is not None
        return self.ctx.query(core.restore_code, snapshot=self.snapshot)


class ImportCodebookCommand(CoreCommand):
    """Install a codebook read from a file; undo removes it again."""

    def __init__(self, ctx: ProjectContext, spec: CodebookSpec) -> None:
        super().__init__(ctx, translate("CodeCommands", "Import codebook"))
        self.spec = spec
        self.codebook_id: int | None = None
        self.snapshot: CodebookSnapshot | None = None

    def do(self) -> Changes:
        installed = self.ctx.query(install_codebook, spec=self.spec, origin="imported")
        self.codebook_id = installed.codebook_id
        return installed.changes

    def undo_core(self) -> Changes:
        assert self.codebook_id is not None
        self.snapshot = self.ctx.query(remove_codebook, codebook_id=self.codebook_id)
        return self.snapshot.changes

    def redo_core(self) -> Changes:
        assert self.snapshot is not None
        return self.ctx.query(restore_codebook, snapshot=self.snapshot)


class UpdateCodebookCommand(CoreCommand):
    """Add the codes of a bundled codebook's newer version (``texts``: take its corrected
    wording too); undo removes them and restores the texts."""

    def __init__(self, ctx: ProjectContext, key: str, *, texts: bool = False) -> None:
        super().__init__(ctx, translate("CodeCommands", "Update codebook"))
        self.key = key
        self.texts = texts
        self.update: CodebookUpdate | None = None

    def do(self) -> Changes:
        self.update = self.ctx.query(update_codebook, key=self.key, texts=self.texts)
        return self.update.changes

    def undo_core(self) -> Changes:
        assert self.update is not None
        return self.ctx.query(revert_codebook_update, update=self.update)


class ImportQdcCommand(ImportCodebookCommand):
    """Add the codebook of a REFI-QDA ``.qdc`` file; undo removes it again."""

    def __init__(self, ctx: ProjectContext, path: Path) -> None:
        CoreCommand.__init__(self, ctx, translate("CodeCommands", "Import codebook"))
        self.path = path
        self.codebook_id = None
        self.snapshot = None

    def do(self) -> Changes:
        imported = self.ctx.query(import_qdc, path=self.path)
        self.codebook_id = imported.codebook_id
        return imported.changes
