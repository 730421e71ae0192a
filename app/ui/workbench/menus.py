"""The main window's actions, menu bar, toolbar and status bar, built into one value.

:meth:`WorkbenchMenus.build` returns :class:`WorkbenchActions`; the window keeps it and asks
it for actions by name. The menus call the window's helpers through :class:`MenuHandlers`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenuBar, QStatusBar, QToolBar

from app.ui.context import ProjectContext
from app.ui.server.menu import server_items
from app.ui.workbench.codebook_adding import CodebookAdder, fill_codebook_menu
from app.ui.workbench.codebook_editing import CodebookEditor
from app.ui.workbench.coding_actions import CodingActions
from app.ui.workbench.companions import Companions
from app.ui.workbench.importing import DocumentImport
from app.ui.workbench.interchange import Interchange, MergeCopy
from app.ui.workbench.project_files import ProjectFiles


class MenuHandlers(Protocol):
    """What the menus call: the window's helpers and a few window gestures."""

    ctx: ProjectContext
    coding: CodingActions
    editor: CodebookEditor
    importer: DocumentImport
    interchange: Interchange
    merger: MergeCopy
    companions: Companions
    files: ProjectFiles

    def show_cases(self) -> None: ...
    def show_settings(self) -> None: ...
    def cycle_stance(self) -> None: ...
    def focus_search(self) -> None: ...
    def set_language(self, lang: str) -> None: ...


@dataclass
class WorkbenchActions:
    """The window's commands (by object name) and the bars that show them."""

    all: list[QAction] = field(default_factory=list)
    #: what the window removes again when it rebuilds for another language
    widgets: list[QObject] = field(default_factory=list)
    toolbar: QToolBar | None = None
    quick_label: QLabel | None = None
    coder_label: QLabel | None = None

    def __getitem__(self, name: str) -> QAction:
        return next(a for a in self.all if a.objectName() == name)

    @property
    def by_name(self) -> dict[str, QAction]:
        return {a.objectName(): a for a in self.all}


class WorkbenchMenus(QObject):
    """Builds (and, on a language switch, rebuilds) what the window offers as commands."""

    def __init__(self, window: QMainWindow, handlers: MenuHandlers) -> None:
        super().__init__(window)
        self.win = window
        self.w = handlers
        self.acts = WorkbenchActions()

    def action(
        self,
        name: str,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        act = QAction(text, self.win)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        self.acts.all.append(act)
        return act

    def build(self) -> WorkbenchActions:
        """Create the actions, menus, toolbar and status bar of the window."""
        w, win = self.w, self.win
        acts = self.acts = WorkbenchActions()
        a = self.action
        apply = a("actionApplyCode", self.tr("Apply code"), w.coding.apply_current, "Ctrl+E")
        apply.setToolTip(self.tr("Code the selected text with the current code (Ctrl+E)"))
        vivo = a("actionInVivo", self.tr("Code in vivo"), w.coding.in_vivo, "Ctrl+I")
        vivo.setToolTip(self.tr("Create a code named after the selected words"))
        undo = w.ctx.undo_stack.createUndoAction(win, self.tr("Undo"))
        stance = a(
            "actionCycleStance",
            self.tr("Next evidence stance"),
            w.cycle_stance,
            "Ctrl+Shift+E",
        )
        stance.setToolTip(
            self.tr("The chosen coding: supports → does not happen → barrier (Ctrl+Shift+E)")
        )
        undo.setObjectName("actionUndo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = w.ctx.undo_stack.createRedoAction(win, self.tr("Redo"))
        redo.setObjectName("actionRedo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        acts.all += [undo, redo]
        imp = a(
            "actionImportDocuments",
            self.tr("Import documents…"),
            w.importer.ask_import,
            QKeySequence.StandardKey.Open,
        )
        adder = CodebookAdder(w.editor, w.interchange)
        imp_cb = a("actionImportCodebook", self.tr("From a file (.toml, .qdc)…"), adder.ask_file)
        upd_cb = a("actionUpdateCodebook", self.tr("Update codebook…"), w.editor.ask_update)
        cases = a("actionCases", self.tr("Cases and attributes…"), w.show_cases)
        find = a("actionSearch", self.tr("Search"), w.focus_search, QKeySequence.StandardKey.Find)
        files = w.files
        new_project = a(
            "actionNewProject",
            self.tr("New project…"),
            files.new_project,
            QKeySequence.StandardKey.New,
        )
        open_project = a("actionOpenProject", self.tr("Open project…"), files.open_project)
        open_server = a(
            "actionOpenServerProject", self.tr("Open server project…"), files.open_server
        )
        close = a(
            "actionClose", self.tr("Close"), files.close_project, QKeySequence.StandardKey.Close
        )
        close.setToolTip(self.tr("Close this project and go back to the start window"))
        add = a("actionAddCode", self.tr("New code…"), w.editor.ask_add)
        edit = a("actionEditCode", self.tr("Edit code…"), w.editor.ask_edit)
        merge = a("actionMergeCode", self.tr("Merge into…"), w.editor.ask_merge)
        delete = a("actionDeleteCode", self.tr("Delete code…"), w.editor.ask_delete)
        lang_id = a("actionLanguageIndonesian", "Bahasa Indonesia", lambda: w.set_language("id"))
        lang_en = a("actionLanguageEnglish", "English", lambda: w.set_language("en"))
        group = QActionGroup(win)
        for act, lang in ((lang_id, "id"), (lang_en, "en")):
            act.setCheckable(True)
            act.setChecked(w.ctx.language == lang)
            group.addAction(act)
        acts.widgets.append(group)

        ix = w.interchange
        # Lambdas: ``triggered`` passes a ``checked`` flag these methods must not receive.
        qdpx_out = a(
            "actionExportQdpx", self.tr("Export project (.qdpx)…"), lambda: ix.export_qdpx()
        )
        qdpx_in = a(
            "actionImportQdpx", self.tr("Import project (.qdpx)…"), lambda: ix.import_qdpx()
        )
        qdc_out = a("actionExportQdc", self.tr("Export codebook (.qdc)…"), lambda: ix.export_qdc())
        qdc_in = a("actionImportQdc", self.tr("Import codebook (.qdc)…"), lambda: ix.import_qdc())
        analysis = a(
            "actionOpenAnalysis", self.tr("Summary and matrices…"), w.companions.show_analysis, "F9"
        )
        who = a("actionChangeCoder", self.tr("Change my name…"), w.companions.ask_coder_name)
        settings = a(
            "actionProjectSettings", self.tr("Coders and export settings…"), w.show_settings
        )
        merge_copy = a("actionMergeCopy", self.tr("Merge another copy…"), lambda: w.merger.run())

        bar = QMenuBar(win)
        project = bar.addMenu(self.tr("&Project"))
        project.setObjectName("menuProject")
        project.addActions([new_project, open_project, open_server])
        recent = project.addMenu(self.tr("Recent projects"))
        recent.setObjectName("menuRecentProjects")
        recent.aboutToShow.connect(lambda: files.fill_recent(recent))
        files.fill_recent(recent)
        project.addSeparator()
        project.addAction(imp)
        add_book = project.addMenu(self.tr("Add codebook"))
        add_book.setObjectName("menuAddCodebook")
        bundled = fill_codebook_menu(add_book, adder, self.acts, imp_cb)
        project.addAction(cases)
        project.addSeparator()
        exchange = project.addMenu(self.tr("Exchange with NVivo, ATLAS.ti, MAXQDA"))
        exchange.addActions([qdpx_out, qdpx_in])
        exchange.addSeparator()
        exchange.addActions([qdc_out, qdc_in])
        project.addAction(merge_copy)
        project.addSeparator()
        project.addAction(who)
        project.addAction(settings)
        project.addAction(close)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(find)
        code_menu = bar.addMenu(self.tr("&Code"))
        code_menu.addActions([apply, vivo, stance])
        code_menu.addSeparator()
        code_menu.addActions([add, edit, merge, delete])
        code_menu.addSeparator()
        code_menu.addAction(upd_cb)
        analysis_menu = bar.addMenu(self.tr("&Analysis"))
        analysis_menu.addAction(analysis)
        review_menu = bar.addMenu(self.tr("&Review"))
        review_menu.addActions(
            [
                a("actionAgreement", self.tr("Intercoder agreement…"), w.companions.show_agreement),
                a(
                    "actionReviewReport",
                    self.tr("Review report (Word)…"),
                    w.companions.ask_review_report,
                ),
            ]
        )
        view_menu = bar.addMenu(self.tr("&View"))
        lang_menu = view_menu.addMenu(self.tr("Language"))
        lang_menu.addActions([lang_id, lang_en])
        win.setMenuBar(bar)

        toolbar = acts.toolbar = QToolBar(self.tr("Coding"), win)
        toolbar.setObjectName("codingToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([apply, vivo])
        toolbar.addSeparator()
        toolbar.addActions([undo, redo])
        toolbar.addSeparator()
        toolbar.addActions([imp, cases, add])
        win.addToolBar(toolbar)
        acts.widgets.append(toolbar)

        win.setStatusBar(QStatusBar(win))
        quick = acts.quick_label = QLabel(win)
        quick.setObjectName("quickCodes")
        win.statusBar().addPermanentWidget(quick)
        coder = acts.coder_label = QLabel(self.tr("Coder: {0}").format(w.ctx.coder), win)
        win.statusBar().addPermanentWidget(coder)
        acts.widgets += server_items(w.ctx, win, project, a, before=close)  # team, who is here
        if w.ctx.read_only:
            for act in (
                apply,
                vivo,
                stance,
                imp,
                imp_cb,
                upd_cb,
                add,
                edit,
                merge,
                delete,
                qdc_in,
                merge_copy,
                *bundled,
            ):
                act.setEnabled(False)
        return acts
