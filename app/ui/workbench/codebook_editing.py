"""Codebook editing for the main window: add, edit, move, merge, delete, import."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from app.coding.codebook_files import load_codebook_file
from app.coding.codebooks import outdated_codebooks
from app.coding.codes import code_row
from app.ui.commands.base import CoreCommand, run_command, translate
from app.ui.commands.codes import (
    AddCodeCommand,
    DeleteCodeCommand,
    ImportCodebookCommand,
    MergeCodesCommand,
    MoveCodeCommand,
    UpdateCodebookCommand,
    UpdateCodeCommand,
)
from app.ui.context import ProjectContext
from app.ui.dialogs.code_editor import EXTRA_FIELDS, PALETTE, CodeDialog
from app.ui.errors import show_error
from app.ui.workbench.codebook_model import CodebookModel
from app.ui.workbench.navigation import Navigator


class CodebookEditor(QObject):
    """Turns codebook gestures into undoable commands. Dialog-free methods take arguments,
    ``ask_*`` methods ask the user first."""

    def __init__(self, ctx: ProjectContext, nav: Navigator, codes: CodebookModel) -> None:
        super().__init__(nav.widget())
        self.ctx, self.nav, self.codes = ctx, nav, codes

    def _run(self, command: CoreCommand) -> bool:
        return run_command(self.ctx, command, self.nav.widget())

    # --- commands (no dialogs) ---------------------------------------------------------------

    def add_code(
        self,
        *,
        name_id: str,
        name_en: str = "",
        codebook_id: int | None = None,
        parent_id: int | None = None,
        colour: str | None = None,
        definition_id: str = "",
        definition_en: str = "",
        **details: str,
    ) -> int | None:
        """Add a code; returns its id (None when it failed, after telling the user)."""
        cmd = AddCodeCommand(
            self.ctx,
            codebook_id=codebook_id,
            name_id=name_id,
            name_en=name_en,
            parent_id=parent_id,
            colour=colour or PALETTE[len(self.codes.codes) % len(PALETTE)],
            definition_id=definition_id,
            definition_en=definition_en,
            **{k: v for k, v in details.items() if v},
        )
        if not self._run(cmd) or cmd.row is None:
            return None
        self.nav.select_code(cmd.row.id)
        return cmd.row.id

    def edit_code(self, code_id: int, **fields: str) -> bool:
        row = self.ctx.query(code_row, code_id=code_id)  # every field, rules included
        changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
        if not changed:
            return False
        text = (
            translate("CodebookEditor", "Recolour code")
            if set(changed) == {"colour"}
            else translate("CodebookEditor", "Edit code")
        )
        return self._run(UpdateCodeCommand(self.ctx, code_id, text, **changed))

    def move_code(self, code_id: int, parent_id: int) -> bool:
        """Move under ``parent_id`` (-1: top level of its codebook)."""
        target = None if parent_id < 0 else parent_id
        if target == code_id:
            return False
        return self._run(MoveCodeCommand(self.ctx, code_id, target))

    def merge(self, source_id: int, target_id: int) -> bool:
        return self._run(MergeCodesCommand(self.ctx, source_id, target_id))

    def delete(self, code_id: int) -> bool:
        return self._run(DeleteCodeCommand(self.ctx, code_id))

    def import_file(self, path: Path) -> bool:
        try:
            spec = load_codebook_file(path)
        except Exception as exc:
            show_error(self.nav.widget(), exc)
            return False
        return self._run(ImportCodebookCommand(self.ctx, spec))

    # --- asking the user ---------------------------------------------------------------------

    def ask_add(self) -> None:
        code = self.nav.current_code()
        book = self.nav.current_codebook()
        parent_name = self.codes.name_of(code) if code is not None else None
        dialog = CodeDialog(
            self.nav.widget(),
            title=self.tr("New code"),
            indicator_of=parent_name,
            colour=PALETTE[len(self.codes.codes) % len(PALETTE)],
        )
        if dialog.exec() != CodeDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        parent = code if code is not None and dialog.as_indicator.isChecked() else None
        if parent is None and code is not None:
            parent = self.codes.codes[code].parent_id
        self.add_code(codebook_id=book, parent_id=parent, **values)

    def ask_edit(self) -> None:
        code = self.nav.current_code()
        if code is None:
            return
        row = self.ctx.query(code_row, code_id=code)
        dialog = CodeDialog(
            self.nav.widget(),
            title=self.tr("Edit code"),
            name_id=row.name_id,
            name_en=row.name_en,
            definition_id=row.definition_id,
            definition_en=row.definition_en,
            colour=row.colour,
            extra={name: getattr(row, name) for name in EXTRA_FIELDS},
        )
        if dialog.exec() == CodeDialog.DialogCode.Accepted:
            self.edit_code(code, **dialog.values())

    def ask_merge(self) -> None:
        code = self.nav.current_code()
        if code is None:
            return
        others = [c for c in self.codes.order if c != code]
        labels = [f"{self.codes.name_of(c)}  [{self.codes.codes[c].key}]" for c in others]
        label, ok = QInputDialog.getItem(
            self.nav.widget(),
            self.tr("Merge codes"),
            self.tr("Merge “{0}” into:").format(self.codes.name_of(code)),
            labels,
            0,
            False,
        )
        if ok and label in labels:
            self.merge(code, others[labels.index(label)])

    def ask_delete(self) -> None:
        code = self.nav.current_code()
        if code is None:
            return
        row = self.codes.codes[code]
        answer = QMessageBox.question(
            self.nav.widget(),
            self.tr("Delete code"),
            self.tr(
                "Delete the code “{0}” with its indicators and its {1} coding(s)? "
                "You can undo this."
            ).format(self.codes.name_of(code), row.codings),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(code)

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.nav.widget(), self.tr("Import codebook"), "", self.tr("Codebook (*.toml)")
        )
        if path:
            self.import_file(Path(path))

    def update_codebook(self, key: str, *, texts: bool = False) -> int | None:
        """Bring bundled codebook ``key`` up to date; returns the number of codes added."""
        cmd = UpdateCodebookCommand(self.ctx, key, texts=texts)
        if not self._run(cmd) or cmd.update is None:
            return None
        added = len(cmd.update.added)
        self.nav.status(
            self.tr("%n new code(s) added; your codings are unchanged.", "", added), 8000
        )
        return added

    def ask_update(self) -> None:
        books = self.ctx.query(outdated_codebooks)
        if not books:
            QMessageBox.information(
                self.nav.widget(),
                self.tr("Update codebook"),
                self.tr("Every codebook that ships with Telaah is up to date in this project."),
            )
            return
        lang = self.ctx.language
        labels = [
            self.tr("{0} (version {1} → {2})").format(
                b.name_en if lang == "en" else b.name_id, b.version, b.bundled_version
            )
            for b in books
        ]
        label, ok = QInputDialog.getItem(
            self.nav.widget(), self.tr("Update codebook"), self.tr("Codebook:"), labels, 0, False
        )
        if not ok:
            return
        book = books[labels.index(label)]
        box = QMessageBox(self.nav.widget())
        box.setWindowTitle(self.tr("Update codebook"))
        box.setText(
            self.tr(
                "Add the codes that are new in version {0}? Codings stay where they are, "
                "and you can undo this."
            ).format(book.bundled_version)
        )
        only = box.addButton(self.tr("Add new codes"), QMessageBox.ButtonRole.AcceptRole)
        texts = box.addButton(
            self.tr("Add them and take the corrected names"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() in (only, texts):
            self.update_codebook(book.key, texts=box.clickedButton() is texts)

    def context_menu(self, global_pos: QPoint, actions: Mapping[str, QAction]) -> None:
        """The code tree's menu at ``global_pos`` (the window's code actions by name)."""
        if self.ctx.read_only:
            return
        menu = QMenu(self.nav.widget())
        code = self.nav.current_code()
        menu.addAction(actions["actionAddCode"])
        if code is not None:
            menu.addAction(actions["actionEditCode"])
            if self.codes.codes[code].parent_id is not None:
                menu.addAction(self.tr("Move to top level"), lambda: self.move_code(code, -1))
            menu.addAction(actions["actionMergeCode"])
            menu.addSeparator()
            menu.addAction(actions["actionDeleteCode"])
        menu.popup(global_pos)
