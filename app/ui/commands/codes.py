"""Undoable codebook edits: add, rename/recolour/redefine, move, merge, delete, import."""

from __future__ import annotations

from pathlib import Path

from app.coding import codes as core
from app.coding.changes import Changes, Kind
from app.coding.codebook_update import CodebookUpdate, revert_codebook_update, update_codebook
from app.coding.codebooks import CodebookSpec, install_codebook
from app.coding.codes import CodebookSnapshot, remove_codebook, restore_codebook
from app.coding.codings import CodingChanges
from app.coding.refiqda import import_qdc
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext

#: Deleting or merging codes moves their memos along (any memo view re-reads its target).
_MEMOS = Changes(kinds=frozenset({Kind.MEMOS}))


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

    def do(self) -> Changes:
        with self.ctx.session() as s:
            if self.kwargs["codebook_id"] is None:
                self.kwargs["codebook_id"] = core.ensure_codebook(
                    s, key=USER_CODEBOOK, name_id="Kode saya", name_en="My codes"
                )
            self.row = core.create_code(s, **self.kwargs)  # type: ignore[arg-type]
        return Changes.of_codes([self.row.id])

    def undo_core(self) -> Changes:
        assert self.row is not None
        self.snapshot = self.ctx.query(core.delete_code, code_id=self.row.id)
        return Changes.of_codes()

    def redo_core(self) -> Changes:
        assert self.snapshot is not None
        self.ctx.query(core.restore_code, snapshot=self.snapshot)
        return Changes.of_codes()


class UpdateCodeCommand(CoreCommand):
    """Change names, definitions or colour of a code."""

    def __init__(self, ctx: ProjectContext, code_id: int, text: str, **fields: str) -> None:
        super().__init__(ctx, text)
        self.code_id = code_id
        self.fields = fields
        self.before: core.CodeRow | None = None

    def do(self) -> Changes:
        self.before, _after = self.ctx.query(core.update_code, code_id=self.code_id, **self.fields)
        return Changes.of_codes()

    def undo_core(self) -> Changes:
        b = self.before
        assert b is not None
        old = {name: getattr(b, name) for name in self.fields}
        self.ctx.query(core.update_code, code_id=self.code_id, **old)
        return Changes.of_codes()


class MoveCodeCommand(CoreCommand):
    """Re-parent a code inside its codebook."""

    def __init__(self, ctx: ProjectContext, code_id: int, parent_id: int | None) -> None:
        super().__init__(ctx, translate("CodeCommands", "Move code"))
        self.code_id, self.parent_id = code_id, parent_id
        self.before: core.CodeRow | None = None

    def do(self) -> Changes:
        self.before, _ = self.ctx.query(
            core.move_code, code_id=self.code_id, parent_id=self.parent_id
        )
        return Changes.of_codes()

    def undo_core(self) -> Changes:
        b = self.before
        assert b is not None
        self.ctx.query(
            core.move_code, code_id=self.code_id, parent_id=b.parent_id, sort_order=b.sort_order
        )
        return Changes.of_codes()


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
        return self._everything()

    def undo_core(self) -> Changes:
        assert self.record is not None
        self.ctx.query(core.unmerge_codes, record=self.record)
        return self._everything()

    def _everything(self) -> Changes:
        # Codings moved between the two codes: every view showing either of them reloads.
        both = {self.source_id, self.target_id}
        return Changes.of_codes(both) | Changes.codings_of(codes=both) | _MEMOS


class DeleteCodeCommand(CoreCommand):
    """Delete a code with its indicators and codings; undo restores all of it."""

    def __init__(self, ctx: ProjectContext, code_id: int) -> None:
        super().__init__(ctx, translate("CodeCommands", "Delete code"))
        self.code_id = code_id
        self.snapshot: core.CodeSnapshot | None = None

    def do(self) -> Changes:
        self.snapshot = self.ctx.query(core.delete_code, code_id=self.code_id)
        return (
            Changes.of_codes([self.code_id])
            | _MEMOS
            | CodingChanges.of(removed=self.snapshot.codings).changes
        )

    def undo_core(self) -> Changes:
        assert self.snapshot is not None
        self.ctx.query(core.restore_code, snapshot=self.snapshot)
        return (
            Changes.of_codes([self.code_id])
            | _MEMOS
            | CodingChanges.of(added=self.snapshot.codings).changes
        )


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
        return Changes.of_codes()

    def undo_core(self) -> Changes:
        assert self.codebook_id is not None
        self.snapshot = self.ctx.query(remove_codebook, codebook_id=self.codebook_id)
        return Changes.of_codes()

    def redo_core(self) -> Changes:
        assert self.snapshot is not None
        self.ctx.query(restore_codebook, snapshot=self.snapshot)
        return Changes.of_codes()


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
        return Changes.of_codes()

    def undo_core(self) -> Changes:
        assert self.update is not None
        self.ctx.query(revert_codebook_update, update=self.update)
        return Changes.of_codes()


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
        return Changes.of_codes()
