"""Project ▸ Add codebook: the codebooks that ship with Telaah by name, then one from a file
(.toml or REFI-QDA .qdc). The empty code tree offers the same (``empty_hints``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from app.coding.changes import Changes
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.ui.commands.base import run_command, translate
from app.ui.commands.codes import ImportCodebookCommand
from app.ui.context import ProjectContext
from app.ui.start.codebook_choices import BundledCodebook, bundled_codebooks, codebook_label
from app.ui.workbench.codebook_editing import CodebookEditor
from app.ui.workbench.interchange import Interchange

if TYPE_CHECKING:
    from app.ui.workbench.menus import WorkbenchActions


@cache
def shipped() -> tuple[BundledCodebook, ...]:
    """The bundled codebooks (read once per run: they ship with the app)."""
    return tuple(bundled_codebooks())


def action_name(key: str) -> str:
    """The object name of the action that adds bundled codebook ``key``."""
    return f"actionAddCodebook_{key}"


class AddBundledCodebookCommand(ImportCodebookCommand):
    """Install a codebook that ships with Telaah (kept up to date by Update codebook)."""

    def __init__(self, ctx: ProjectContext, key: str) -> None:
        super().__init__(ctx, load_bundled_codebook(key))
        self.setText(translate("CodeCommands", "Add codebook"))
        self._text = translate("CodeCommands", "Add codebook")

    def do(self) -> Changes:
        installed = self.ctx.query(install_codebook, spec=self.spec, origin="bundled")
        self.codebook_id = installed.codebook_id
        return installed.changes


class CodebookAdder(QObject):
    """Adds a bundled codebook or one read from a file, undoably."""

    def __init__(self, editor: CodebookEditor, interchange: Interchange) -> None:
        super().__init__(editor)
        self.editor, self.interchange = editor, interchange
        self.ctx: ProjectContext = editor.ctx

    def books(self) -> list[tuple[BundledCodebook, str, bool]]:
        """Each bundled codebook, its label in the interface language and whether the
        project has it already."""
        present = {b.key for b in self.editor.codes.books}
        lang = self.ctx.language
        return [(b, codebook_label(b, lang), b.key in present) for b in shipped()]

    def add_bundled(self, key: str) -> bool:
        if self.ctx.read_only:
            return False
        return run_command(
            self.ctx, AddBundledCodebookCommand(self.ctx, key), self.editor.nav.widget()
        )

    def ask_file(self) -> bool:
        """One file dialog for both kinds of codebook file."""
        name, _ = QFileDialog.getOpenFileName(
            self.editor.nav.widget(),
            self.tr("Add a codebook from a file"),
            str(self.ctx.project.folder),
            self.tr("Codebook (*.toml *.qdc);;Telaah codebook (*.toml);;REFI-QDA codebook (*.qdc)"),
        )
        if not name:
            return False
        return self.add_file(Path(name))

    def add_file(self, path: Path) -> bool:
        if path.suffix.lower() == ".qdc":
            return self.interchange.import_qdc(path)
        return self.editor.import_file(path)


def fill_codebook_menu(
    menu: QMenu, adder: CodebookAdder, acts: WorkbenchActions, from_file: QAction
) -> list[QAction]:
    """Project ▸ Add codebook: the bundled codebooks by name (greyed when the project has
    one already), then ``from_file``. Returns the bundled entries."""
    entries: list[QAction] = []

    def refresh() -> None:
        for act, (_book, label, present) in zip(entries, adder.books(), strict=True):
            act.setText(label)
            act.setEnabled(not present and not adder.ctx.read_only)

    for book, label, present in adder.books():
        act = QAction(label, menu.parent())
        act.setObjectName(action_name(book.key))
        act.setToolTip(book.description_id if adder.ctx.language == "id" else book.description_en)
        act.setEnabled(not present and not adder.ctx.read_only)
        act.triggered.connect(lambda _=False, key=book.key: adder.add_bundled(key))
        entries.append(act)
        acts.all.append(act)
    menu.addActions(entries)
    menu.addSeparator()
    menu.addAction(from_file)
    menu.aboutToShow.connect(refresh)
    return entries
