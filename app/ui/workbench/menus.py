"""The main window's actions, menu bar, toolbar and status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenuBar, QStatusBar, QToolBar

if TYPE_CHECKING:
    from app.ui.workbench.window import MainWindow


class WorkbenchMenus(QObject):
    """Builds (and, on a language switch, rebuilds) what the window offers as commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def action(
        self,
        name: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        act = QAction(text, self.w)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        self.w._actions.append(act)
        return act

    def build(self) -> None:
        """Create the actions, menus, toolbar and status bar of the window."""
        w = self.w
        w._actions = []
        a = self.action
        w.act_apply = a("actionApplyCode", self.tr("Apply code"), w.apply_current, "Ctrl+E")
        w.act_apply.setToolTip(self.tr("Code the selected text with the current code (Ctrl+E)"))
        w.act_vivo = a("actionInVivo", self.tr("Code in vivo"), w.in_vivo, "Ctrl+I")
        w.act_vivo.setToolTip(self.tr("Create a code named after the selected words"))
        w.act_stance = a(
            "actionCycleStance",
            self.tr("Next evidence stance"),
            w.cycle_stance,
            "Ctrl+Shift+E",
        )
        w.act_stance.setToolTip(
            self.tr("The chosen coding: supports → does not happen → barrier (Ctrl+Shift+E)")
        )
        undo = w.ctx.undo_stack.createUndoAction(w, self.tr("Undo"))
        undo.setObjectName("actionUndo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = w.ctx.undo_stack.createRedoAction(w, self.tr("Redo"))
        redo.setObjectName("actionRedo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        w._actions += [undo, redo]
        w.act_undo, w.act_redo = undo, redo
        imp = a(
            "actionImportDocuments",
            self.tr("Import documents…"),
            w.ask_import,
            QKeySequence.StandardKey.Open,
        )
        imp_cb = a("actionImportCodebook", self.tr("Import codebook…"), w.editor.ask_import)
        upd_cb = a("actionUpdateCodebook", self.tr("Update codebook…"), w.editor.ask_update)
        cases = a("actionCases", self.tr("Cases and attributes…"), w.show_cases)
        find = a("actionSearch", self.tr("Search"), w._focus_search, QKeySequence.StandardKey.Find)
        close = a("actionClose", self.tr("Close"), w.close, QKeySequence.StandardKey.Close)
        add = a("actionAddCode", self.tr("New code…"), w.editor.ask_add)
        edit = a("actionEditCode", self.tr("Edit code…"), w.editor.ask_edit)
        merge = a("actionMergeCode", self.tr("Merge into…"), w.editor.ask_merge)
        delete = a("actionDeleteCode", self.tr("Delete code…"), w.editor.ask_delete)
        w.lang_id = a("actionLanguageId", "Bahasa Indonesia", lambda: w.set_language("id"))
        w.lang_en = a("actionLanguageEn", "English", lambda: w.set_language("en"))
        group = QActionGroup(w)
        for act, lang in ((w.lang_id, "id"), (w.lang_en, "en")):
            act.setCheckable(True)
            act.setChecked(w.ctx.language == lang)
            group.addAction(act)
        w._ui.append(group)  # type: ignore[arg-type]

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
            "actionAnalysis", self.tr("Summary and matrices…"), w.companions.show_analysis, "F9"
        )
        who = a("actionChangeCoder", self.tr("Change my name…"), w.companions.ask_coder_name)
        settings = a(
            "actionProjectSettings", self.tr("Coders and export settings…"), w.show_settings
        )
        merge_copy = a("actionMergeCopy", self.tr("Merge another copy…"), lambda: w.merger.run())

        bar = QMenuBar(w)
        project = bar.addMenu(self.tr("&Project"))
        project.addActions([imp, imp_cb, cases])
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
        code_menu.addActions([w.act_apply, w.act_vivo, w.act_stance])
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
        lang_menu.addActions([w.lang_id, w.lang_en])
        w.setMenuBar(bar)

        w.toolbar = QToolBar(self.tr("Coding"), w)
        w.toolbar.setObjectName("codingToolbar")
        w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        w.toolbar.addActions([w.act_apply, w.act_vivo])
        w.toolbar.addSeparator()
        w.toolbar.addActions([undo, redo])
        w.toolbar.addSeparator()
        w.toolbar.addActions([imp, cases, add])
        w.addToolBar(w.toolbar)
        w._ui.append(w.toolbar)

        w.setStatusBar(QStatusBar(w))
        w.quick_label = QLabel(w)
        w.quick_label.setObjectName("quickCodes")
        w.statusBar().addPermanentWidget(w.quick_label)
        w.coder_label = QLabel(self.tr("Coder: {0}").format(w.ctx.coder), w)
        w.statusBar().addPermanentWidget(w.coder_label)
        if w.ctx.read_only:
            for act in (
                w.act_apply,
                w.act_vivo,
                w.act_stance,
                imp,
                imp_cb,
                upd_cb,
                add,
                edit,
                merge,
                delete,
                qdc_in,
                merge_copy,
            ):
                act.setEnabled(False)
            w.coding_panel.setEnabled(False)
