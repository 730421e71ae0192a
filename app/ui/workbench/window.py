"""The main window: documents, transcript with stripes, code tree, details, excerpts, search.

The window composes: its widgets come from :class:`~app.ui.workbench.layout.WorkbenchLayout`,
its commands from :class:`~app.ui.workbench.menus.WorkbenchMenus` (an actions value), and the
work behind them from helpers that receive the context, the :class:`~app.ui.tasks.TaskRunner`
and this window as a :class:`~app.ui.workbench.navigation.Navigator`. It refreshes its views
from the one change stream (``ctx.watch``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMenu, QWidget

from app.coding.codings import CodingInfo
from app.coding.workbench_queries import (
    codings_by_id,
)
from app.models.lock import ProjectLock
from app.ui.commands.base import retranslate_stack, translate
from app.ui.context import ProjectContext, ServerOffline
from app.ui.errors import show_error
from app.ui.language import apply_language, current_language
from app.ui.server.offline import keeps_last_view
from app.ui.tasks import Task, TaskRunner
from app.ui.workbench.codebook_editing import CodebookEditor
from app.ui.workbench.codebook_model import CodebookModel
from app.ui.workbench.coding_actions import CodingActions
from app.ui.workbench.companions import Companions
from app.ui.workbench.documents_model import DocumentListModel
from app.ui.workbench.excerpt_model import ExcerptModel
from app.ui.workbench.importing import DocumentImport
from app.ui.workbench.interchange import Interchange, MergeCopy
from app.ui.workbench.layout import WorkbenchLayout
from app.ui.workbench.menus import WorkbenchActions, WorkbenchMenus
from app.ui.workbench.navigation import Selection
from app.ui.workbench.project_files import ProjectFiles
from app.ui.workbench.refresh import WorkbenchRefresh
from app.ui.workbench.search_actions import SearchController


class MainWindow(WorkbenchLayout):
    """One project's workbench. Everything it shows comes from ``ctx``."""

    acts: WorkbenchActions

    def __init__(
        self, ctx: ProjectContext, *, lock: ProjectLock | None = None, notice: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self._lock = lock
        self.notice = notice
        self._parts: list[QObject] = []
        self.setAcceptDrops(True)
        #: (code, document, start, end) a click on a code has just coded
        self._clicked: tuple[int, int, int, int] | None = None
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(60)
        self._cursor_timer.timeout.connect(self._update_coding_panel)
        self._language_timer = QTimer(self)
        self._language_timer.setSingleShot(True)
        self._language_timer.setInterval(0)
        self._language_timer.timeout.connect(self.follow_language)
        ctx.failed.connect(lambda exc: show_error(self, exc))
        # the models outlive a language switch; the views over them are rebuilt
        self.documents = DocumentListModel(ctx)
        self.codes = CodebookModel(ctx)
        self.excerpt_model = ExcerptModel(ctx)
        self.refresh = WorkbenchRefresh(
            ctx,
            self,
            self.documents,
            self.codes,
            self.excerpt_model,
            coder_label=lambda: self.acts.coder_label,
            cursor_moved=self._cursor_timer.start,
            look_changed=self._update_quick_label,
        )
        ctx.watch(self, self.refresh.on_changes)
        self.runner = TaskRunner(self, self.status)
        self.coding = CodingActions(ctx, self, self.codes)
        self.coding.recentChanged.connect(self._update_quick_label)
        self.editor = CodebookEditor(ctx, self, self.codes)
        self.search = SearchController(ctx, self.runner, self, self.coding)
        self.importer = DocumentImport(ctx, self.runner, self)
        self.interchange = Interchange(ctx, self.runner, self)
        self.merger = MergeCopy(ctx, self.runner, self)
        self.companions = Companions(ctx, self)
        self.files = ProjectFiles(self)
        self.menus = WorkbenchMenus(self, self)
        self._build()
        if ctx.link is not None:
            ctx.link.onlineChanged.connect(lambda online: self.server_banner.setVisible(not online))
        self.resize(1440, 900)
        if self.documents.rows:
            first = self.documents.rows[0]
            self.open_document(first.id)
            self.memo_panel.show_target("document", first.id, first.name)

    # --- construction (rebuilt when the language changes) ----------------------------------

    def _build(self) -> None:
        ctx = self.ctx
        self._built_language = ctx.language
        self.setWindowTitle(self.title())
        parts = self.build_layout(ctx, self.documents, self.codes, self.excerpt_model, self.notice)
        view, tree, panel, coding = self.view, self.tree, self.coding_panel, self.coding
        self.speaker_box.currentIndexChanged.connect(self._filter_speaker)
        view.quickCodeRequested.connect(coding.quick_code)
        view.codeDropped.connect(coding.apply_code)
        view.cursorPositionChanged.connect(self._cursor_timer.start)
        view.selectionChanged.connect(self._cursor_timer.start)
        view.codingPicked.connect(self._coding_picked)
        view.customContextMenuRequested.connect(self._transcript_menu)
        self.doc_list.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.doc_list.customContextMenuRequested.connect(self._document_menu)
        tree.clicked.connect(self._code_clicked)
        tree.doubleClicked.connect(self._code_double_clicked)
        tree.selectionDropped.connect(self._selection_dropped)
        tree.codeMoved.connect(self.editor.move_code)
        tree.customContextMenuRequested.connect(
            lambda pos: self.editor.context_menu(
                self.tree.viewport().mapToGlobal(pos), self.acts.by_name
            )
        )
        tree.selectionModel().currentChanged.connect(self._code_chosen)
        panel.memoSaved.connect(
            lambda cid, memo: coding.edit_coding(
                cid, memo=memo, text=translate("MainWindow", "Edit memo")
            )
        )
        panel.starToggled.connect(
            lambda cid, on: coding.edit_coding(
                cid, illustrative=on, text=translate("MainWindow", "Star quote")
            )
        )
        panel.stanceChosen.connect(
            lambda cid, stance: coding.edit_coding(
                cid, stance=stance, text=translate("MainWindow", "Change evidence stance")
            )
        )
        panel.removeRequested.connect(coding.remove_coding)
        panel.recodeRequested.connect(coding.recode)
        panel.codingChosen.connect(self._coding_chosen_in_panel)
        self.search_panel.searchRequested.connect(self._search)
        self.search_panel.codeAllRequested.connect(self.search.code_all_hits)
        for source in (self.excerpts, self.search_panel, self.review_panel, self.questions):
            source.jumpRequested.connect(self.jump_to)
        self.questions.countChanged.connect(
            lambda n: self.bottom_tabs.setTabText(
                self.questions_tab, self.tr("Open questions (%n)", "", n)
            )
        )
        self.acts = self.menus.build()
        self._parts = parts + self.acts.widgets
        if self.acts.toolbar is not None:
            self._parts.append(self.acts.toolbar)
        self.refresh.refresh_filters()
        self._update_quick_label()

    def title(self) -> str:
        """The project's name, then whether it is read-only or on a team server."""
        ctx = self.ctx
        states = []
        if ctx.project.url is not None:
            states.append(self.tr("team server"))
        if ctx.read_only:
            states.append(self.tr("read-only"))
        suffix = f" ({', '.join(states)})" if states else ""
        name = ctx.project.label if ctx.project.is_server else ctx.project.name
        return self.tr("{0}{1} – Telaah").format(name, suffix)

    def undo_stack_changed_signal(self) -> object:
        """Emitted whenever an edit is pushed, undone or redone."""
        return self.ctx.undo_stack.indexChanged

    def find_action(self, name: str) -> QAction:
        return self.acts[name]

    @property
    def tasks(self) -> list[Task]:
        """Background work still running."""
        return self.runner.tasks

    # --- language ------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the interface (and code names) to ``lang``: every open window follows."""
        if lang == self._built_language and lang == current_language():
            return
        apply_language(lang, remember=True)
        self.follow_language()

    def changeEvent(self, event: QEvent) -> None:
        # Installing a translator sends LanguageChange to every widget; the window rebuilds
        # once, after the event has gone round (its children are taken down by the rebuild).
        if event.type() == QEvent.Type.LanguageChange:
            self._language_timer.start()
        super().changeEvent(event)

    def follow_language(self) -> None:
        """Rebuild in the installed language (nothing when this window already shows it)."""
        lang = current_language()
        if lang == self._built_language:
            return
        self.ctx.language = lang
        retranslate_stack(self.ctx.undo_stack)
        self.retranslate()

    def retranslate(self) -> None:
        """Rebuild the widgets so every string is translated again; keeps the state."""
        state = self.saveState()
        doc = self.view.document_id
        selection = self.view.selection_span()
        code = self.tree.current_code_id()
        expanded = self.tree.expanded_keys()
        self.memo_panel.save()  # unsaved memo text survives the rebuild
        memo_target = (*self.memo_panel.target, self.memo_panel.target_name)
        for act in self.acts.all:
            act.setParent(None)
        self.remove_layout(self._parts)
        self._build()
        self.restoreState(QByteArray(state))
        if doc is not None:
            self.open_document(doc)
            if selection is not None:
                self.view.select_span(*selection)
        self.tree.expand_keys(expanded)
        if code is not None:
            self.tree.select_code(code)
        self.memo_panel.show_target(*memo_target)

    # --- navigation (what the helpers may ask) ----------------------------------------------

    def widget(self) -> QWidget:
        return self

    def status(self, text: str, ms: int = 4000) -> None:
        self.statusBar().showMessage(text, ms)

    def selection(self) -> Selection | None:
        span, doc = self.view.selection_span(), self.view.document_id
        if span is None or doc is None:
            return None
        return Selection(doc, span[0], span[1], self.view.selected_text())

    def current_code(self) -> int | None:
        return self.tree.current_code_id()

    def current_codebook(self) -> int | None:
        return self.codes.codebook_id(self.tree.currentIndex())

    def select_code(self, code_id: int) -> None:
        self.tree.select_code(code_id)

    @keeps_last_view
    def _document_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            row = self.documents.rows[current.row()]
            self.open_document(row.id)
            self.memo_panel.show_target("document", row.id, row.name)

    # --- coding gestures that need the widgets ---------------------------------------------

    def _code_clicked(self, index: QModelIndex) -> None:
        """A click on a code applies it to the selected text ("pilih teks lalu klik kode");
        without a selection it only chooses the code (its excerpts, its memo)."""
        code = self.codes.code_id(index)
        sel = self.selection()
        self._clicked = None
        selected = code is not None and sel is not None and sel.start < sel.end
        if selected and code is not None and sel is not None and self.coding.apply_code(code, sel):
            self._clicked = (code, sel.document_id, sel.start, sel.end)

    def _code_double_clicked(self, index: QModelIndex) -> None:
        code = self.codes.code_id(index)
        sel = self.selection()
        if code is None or sel is None:
            return
        if self._clicked == (code, sel.document_id, sel.start, sel.end):
            return  # the click before this double click has applied it already
        self.coding.apply_code(code)

    def _selection_dropped(self, code_id: int, document_id: int, start: int, end: int) -> None:
        if document_id == self.view.document_id:
            self.coding.apply_code(code_id, Selection(document_id, start, end, ""))

    @keeps_last_view
    def _code_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        code = self.codes.code_id(current)
        self.excerpt_model.show_code(code)
        self.search_panel.set_code_name(None if code is None else self.codes.name_of(code))
        if code is not None:
            self.memo_panel.show_target("code", code, self.codes.name_of(code))

    @keeps_last_view
    def _search(self, query: str, regex: bool) -> None:
        page = self.search.run_search(query, regex)
        if page is not None:
            self.search_panel.show_hits(
                page, lambda cursor: self.search.run_search(query, regex, cursor)
            )

    def _update_quick_label(self) -> None:
        if self.acts.quick_label is not None:
            self.acts.quick_label.setText(self.coding.quick_label())

    # --- coding details ---------------------------------------------------------------------

    def codings_here(self) -> list[CodingInfo]:
        """Codings under the cursor (or overlapping the selection)."""
        span = self.view.selection_span()
        if span is not None:
            spans = self.view.index.overlapping(*span)
        else:
            spans = self.view.index.at(self.view.cursor_position())
        ids = [s.coding_id for s in spans]
        return list(self.ctx.query(codings_by_id, coding_ids=ids)) if ids else []

    def _update_coding_panel(self) -> None:
        try:
            here = self.codings_here()
        except ServerOffline:
            return  # the banner says so; the panel keeps what it showed
        self.coding_panel.show_codings(here, prefer=self.view.current_coding)

    def _coding_picked(self, coding_id: int) -> None:
        self._cursor_timer.stop()
        try:
            here = self.codings_here()
        except ServerOffline:
            return
        self.coding_panel.show_codings(here, prefer=coding_id)

    def _coding_chosen_in_panel(self, coding_id: int) -> None:
        if self.view.current_coding != coding_id:
            self.view.current_coding = coding_id
            self.view.refresh()

    @keeps_last_view
    def _transcript_menu(self, pos: QPoint) -> None:
        assign = self.show_cases if self.view.selection_span() is not None else None
        global_pos = self.view.viewport().mapToGlobal(pos)
        self.coding.context_menu(global_pos, self.codings_here(), self.acts.by_name, assign)

    # --- cases, search ------------------------------------------------------------------------

    @keeps_last_view
    def show_cases(self) -> None:
        from app.ui.dialogs.cases import CasesDialog

        dialog = CasesDialog(
            self.ctx, self, document_id=self.view.document_id, span=self.view.selection_span()
        )
        dialog.open()

    def _document_menu(self, pos: QPoint) -> None:
        index = self.doc_list.indexAt(pos)
        if not index.isValid() or self.ctx.read_only:
            return
        document_id = self.documents.rows[index.row()].id
        menu = QMenu(self)
        menu.addAction(
            self.tr("Source type, title and date…"), lambda: self.edit_document_source(document_id)
        )
        menu.exec(self.doc_list.viewport().mapToGlobal(pos))

    @keeps_last_view
    def edit_document_source(self, document_id: int) -> None:
        """What kind of source a document is, and how quotes from it are cited."""
        from app.ui.dialogs.document_source import DocumentSourceDialog

        DocumentSourceDialog(self.ctx, document_id, self).open()

    @keeps_last_view
    def show_settings(self) -> None:
        """Coder roles and how exports name and cite (undoable edits)."""
        from app.ui.dialogs.project_settings import ProjectSettingsDialog

        ProjectSettingsDialog(self.ctx, self).open()

    def cycle_stance(self) -> None:
        self.coding.cycle_stance(self.coding_panel.current())

    def focus_search(self) -> None:
        self.bottom_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.query.setFocus()

    # --- window events ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls) and not self.ctx.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importer.import_files(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel_all()
        self._cursor_timer.stop()
        if self.ctx.link is not None:
            self.ctx.link.stop()
        super().closeEvent(event)
        self.ctx.project.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
