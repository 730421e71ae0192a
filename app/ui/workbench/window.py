"""The main window: documents, transcript with stripes, code tree, details, excerpts, search."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.coding import documents as documents_core
from app.coding.changes import Changes, Kind
from app.coding.codings import CodingInfo, NewCoding, Stance
from app.coding.errors import Cancelled
from app.coding.progress import Progress
from app.coding.workbench_queries import (
    all_speakers,
    attribute_values,
    coder_names,
    coding_spans,
    codings_by_id,
    document_text,
    speaker_turns,
    speakers,
)
from app.ui.commands.codings import (
    AddCodingsCommand,
    InVivoCommand,
    RemoveCodingsCommand,
    UpdateCodingCommand,
    in_vivo_name,
)
from app.ui.commands.documents import ImportDocumentsCommand
from app.ui.context import ProjectContext
from app.ui.errors import show_error
from app.ui.language import apply_language
from app.ui.review.panel import ReviewPanel
from app.ui.review.questions import OpenQuestionsList
from app.ui.tasks import Task
from app.ui.workbench.code_tree import CodebookTree
from app.ui.workbench.codebook_editing import CodebookEditor
from app.ui.workbench.codebook_model import CodebookModel
from app.ui.workbench.coding_panel import CodingPanel
from app.ui.workbench.companions import Companions
from app.ui.workbench.documents_model import CODED, FORMAT, NAME, DocumentListModel
from app.ui.workbench.excerpt_model import ExcerptModel
from app.ui.workbench.interchange import Interchange, MergeCopy
from app.ui.workbench.memo_panel import MemoPanel
from app.ui.workbench.menus import WorkbenchMenus
from app.ui.workbench.panels import ExcerptPanel, SearchPanel
from app.ui.workbench.search_actions import SearchController
from app.ui.workbench.spans import Span
from app.ui.workbench.stripes import StripeHeader
from app.ui.workbench.transcript import TranscriptView

MAX_RECENT = 9


class MainWindow(QMainWindow):
    """One project's workbench. Everything it shows comes from ``ctx``."""

    # Made by WorkbenchMenus (again after a language switch).
    _actions: list[QAction]
    act_apply: QAction
    act_vivo: QAction
    act_stance: QAction
    act_undo: QAction
    act_redo: QAction
    lang_id: QAction
    lang_en: QAction
    toolbar: QToolBar
    quick_label: QLabel
    coder_label: QLabel

    def __init__(
        self, ctx: ProjectContext, *, lock: QLockFile | None = None, notice: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self._lock = lock
        self.notice = notice
        self.recent: list[int] = []
        self.tasks: list[Task] = []
        self._ui: list[QWidget] = []
        self.setAcceptDrops(True)
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(60)
        self._cursor_timer.timeout.connect(self._update_coding_panel)
        ctx.watch(self, self._on_changes)
        ctx.failed.connect(lambda exc: show_error(self, exc))
        self.editor = CodebookEditor(self)
        self.search = SearchController(self)
        self.interchange = Interchange(self)
        self.merger = MergeCopy(self)
        self.companions = Companions(self)
        self.menus = WorkbenchMenus(self)
        self._build()
        self.resize(1440, 900)
        if self.documents.rows:
            first = self.documents.rows[0]
            self.open_document(first.id)
            self.memo_panel.show_target("document", first.id, first.name)

    # --- construction (rebuilt when the language changes) ----------------------------------

    def _build(self) -> None:
        ctx = self.ctx
        self.setWindowTitle(
            self.tr("{0} – Telaah").format(ctx.project.label)
            + (self.tr(" (read-only)") if ctx.read_only else "")
        )
        self.documents = DocumentListModel(ctx)
        self.codes = CodebookModel(ctx)
        self.excerpt_model = ExcerptModel(ctx)

        # centre: document header, speaker filter, the transcript
        centre = QWidget(self)
        self.doc_title = QLabel(centre)
        self.doc_title.setObjectName("documentTitle")
        font = self.doc_title.font()
        font.setBold(True)
        self.doc_title.setFont(font)
        self.speaker_box = QComboBox(centre)
        self.speaker_box.setObjectName("speakerFilter")
        self.speaker_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.speaker_box.currentIndexChanged.connect(self._filter_speaker)
        head = QHBoxLayout()
        head.addWidget(self.doc_title, 1)
        head.addWidget(QLabel(self.tr("Show turns of:"), centre))
        head.addWidget(self.speaker_box)
        self.banner = QLabel(centre)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; border-radius: 3px; }"
        )
        self.banner.setText(self.notice)
        self.banner.setVisible(bool(self.notice))
        self.view = TranscriptView(centre)
        self.view.quickCodeRequested.connect(self.quick_code)
        self.view.codeDropped.connect(self.apply_code)
        self.view.cursorPositionChanged.connect(self._cursor_timer.start)
        self.view.selectionChanged.connect(self._cursor_timer.start)
        self.view.codingPicked.connect(self._coding_picked)
        self.view.customContextMenuRequested.connect(self._transcript_menu)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addLayout(head)
        self.stripe_header = StripeHeader(self.view, centre)
        self.view.layoutChanged.connect(self.stripe_header.relayout)
        layout.addWidget(self.stripe_header)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)

        # documents (left)
        self.doc_list = QTreeView(self)
        self.doc_list.setObjectName("documentList")
        self.doc_list.setModel(self.documents)
        self.doc_list.setRootIsDecorated(False)
        self.doc_list.setUniformRowHeights(True)
        self.doc_list.setAlternatingRowColors(True)
        self.doc_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.doc_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.doc_list.setColumnWidth(1, 112)
        for col in (FORMAT, CODED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self._size_document_columns()
        self.doc_list.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.doc_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.doc_list.customContextMenuRequested.connect(self._document_menu)
        docs_dock = self._dock("documentsDock", self.tr("Documents"), self.doc_list)
        docs_dock.setMinimumWidth(260)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docs_dock)

        # codes (right) and coding details under them
        self.tree = CodebookTree(self.codes, self)
        self.tree.doubleClicked.connect(self._code_double_clicked)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.selectionDropped.connect(self._selection_dropped)
        self.tree.codeMoved.connect(self.editor.move_code)
        self.tree.customContextMenuRequested.connect(self.editor.context_menu)
        self.tree.selectionModel().currentChanged.connect(self._code_chosen)
        self.tree.expandToDepth(0)
        codes_dock = self._dock("codesDock", self.tr("Codes"), self.tree)
        codes_dock.setMinimumWidth(300)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, codes_dock)
        self.coding_panel = CodingPanel(self.codes, self)
        self.coding_panel.memoSaved.connect(
            lambda cid, memo: self._edit_coding(cid, memo=memo, text=self.tr("Edit memo"))
        )
        self.coding_panel.starToggled.connect(
            lambda cid, on: self._edit_coding(cid, illustrative=on, text=self.tr("Star quote"))
        )
        self.coding_panel.stanceChosen.connect(
            lambda cid, stance: self._edit_coding(
                cid, stance=stance, text=self.tr("Change evidence stance")
            )
        )
        self.coding_panel.removeRequested.connect(self.remove_coding)
        self.coding_panel.recodeRequested.connect(self.recode)
        self.coding_panel.codingChosen.connect(self._coding_chosen_in_panel)
        details = self._dock("codingDock", self.tr("Coding details"), self.coding_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, details)
        self.memo_panel = MemoPanel(ctx, self)
        memos = self._dock("memoDock", self.tr("Memo"), self.memo_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, memos)
        self.tabifyDockWidget(details, memos)
        details.raise_()

        # excerpts and search (bottom, tabbed)
        self.excerpts = ExcerptPanel(self.excerpt_model, self)
        self.excerpts.jumpRequested.connect(self.jump_to)
        self.search_panel = SearchPanel(self)
        self.search_panel.searchRequested.connect(self.search.run_search)
        self.search_panel.codeAllRequested.connect(self.search.code_all_hits)
        self.search_panel.jumpRequested.connect(self.jump_to)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.addTab(self.excerpts, self.tr("Excerpts"))
        self.bottom_tabs.addTab(self.search_panel, self.tr("Search"))
        self.review_panel = ReviewPanel(ctx, self)
        self.review_panel.jumpRequested.connect(self.jump_to)
        self.questions = OpenQuestionsList(ctx, self)
        self.questions.jumpRequested.connect(self.jump_to)
        self.bottom_tabs.addTab(self.review_panel, self.tr("Review"))
        questions_tab = self.bottom_tabs.addTab(self.questions, self.tr("Open questions"))
        self.questions.countChanged.connect(
            lambda n: self.bottom_tabs.setTabText(
                questions_tab, self.tr("Open questions (%n)", "", n)
            )
        )
        bottom = self._dock("bottomDock", self.tr("Excerpts, search and review"), self.bottom_tabs)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, bottom)
        self.resizeDocks([docs_dock, codes_dock], [350, 390], Qt.Orientation.Horizontal)
        self.resizeDocks([bottom], [250], Qt.Orientation.Vertical)
        self.resizeDocks([codes_dock, details], [420, 300], Qt.Orientation.Vertical)

        self.menus.build()
        self._refresh_filters()
        self._update_quick_label()

    def _size_document_columns(self) -> None:
        """Widths from the widest text the format and coded columns can hold (and their
        titles), not ResizeToContents: that asks the model for every row, thousands of
        them in a big project."""
        metrics = self.doc_list.fontMetrics()
        for col, widest in ((FORMAT, "markdown"), (CODED, "100 %")):
            title = str(self.documents.headerData(col, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(widest), metrics.horizontalAdvance(title))
            self.doc_list.setColumnWidth(col, width + 24)

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._ui.append(dock)
        return dock

    def undo_stack_changed_signal(self) -> object:
        """Emitted whenever an edit is pushed, undone or redone."""
        return self.ctx.undo_stack.indexChanged

    def find_action(self, name: str) -> QAction:
        return next(a for a in self._actions if a.objectName() == name)

    # --- language ------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the interface (and code names) to ``lang`` and rebuild every label."""
        if lang == self.ctx.language:
            return
        apply_language(lang, remember=True)
        self.ctx.language = lang
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
        for act in self._actions:
            act.setParent(None)
        for w in self._ui:
            if isinstance(w, QDockWidget):
                self.removeDockWidget(w)
            elif isinstance(w, QToolBar):
                self.removeToolBar(w)
            w.setParent(None)
            w.deleteLater()
        self._ui = []
        old = self.takeCentralWidget()
        if old is not None:
            old.setParent(None)
            old.deleteLater()
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

    # --- documents -------------------------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        """Show a document in the transcript view."""
        with self.ctx.session() as s:
            text = document_text(s, document_id=document_id)
            rows = coding_spans(s, document_id=document_id)
            who = speakers(s, document_id=document_id)
        self._show(document_id, text, rows)
        row = self.documents.row_of(document_id)
        if row is not None:
            info = self.documents.rows[row]
            case = ", ".join(info.cases)
            self.doc_title.setText(info.name + (f"  ·  {case}" if case else ""))
            idx = self.documents.index(row, 0)
            if self.doc_list.currentIndex().row() != row:
                self.doc_list.blockSignals(True)
                self.doc_list.setCurrentIndex(idx)
                self.doc_list.blockSignals(False)
        self.speaker_box.blockSignals(True)
        self.speaker_box.clear()
        self.speaker_box.addItem(self.tr("all speakers"), None)
        for name in who:
            self.speaker_box.addItem(name, name)
        self.speaker_box.blockSignals(False)

    def _show_nothing(self) -> None:
        self.view.show_document(None, "", [], colours={}, names={}, order={})
        self.doc_title.setText("")
        self.speaker_box.clear()

    def _show(
        self, document_id: int, text: str, rows: tuple[tuple[int, int, int, int, str], ...]
    ) -> None:
        self.view.show_document(
            document_id,
            text,
            [Span(*r) for r in rows],
            colours={c.id: c.colour for c in self.codes.codes.values()},
            names={cid: self.codes.name_of(cid) for cid in self.codes.codes},
            order=self.codes.order,
        )

    def _document_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            row = self.documents.rows[current.row()]
            self.open_document(row.id)
            self.memo_panel.show_target("document", row.id, row.name)

    def _filter_speaker(self) -> None:
        name = self.speaker_box.currentData()
        doc = self.view.document_id
        if doc is None:
            return
        spans = self.ctx.query(speaker_turns, document_id=doc, speaker=name) if name else None
        self.view.show_only(spans)

    def jump_to(self, document_id: int, start: int, end: int) -> None:
        """Open a document and select ``[start, end)`` (code points)."""
        if self.view.document_id != document_id:
            self.open_document(document_id)
        if self.speaker_box.currentIndex() > 0:
            self.speaker_box.setCurrentIndex(0)
        self.view.select_span(start, end)
        self.view.setFocus()

    # --- coding --------------------------------------------------------------------------

    def current_code(self) -> int | None:
        return self.tree.current_code_id()

    def apply_code(self, code_id: int) -> bool:
        """Code the selection with ``code_id``; False (and a hint) when nothing is selected."""
        span = self.view.selection_span()
        doc = self.view.document_id
        if span is None or doc is None or span[0] == span[1]:
            self.statusBar().showMessage(self.tr("Select some text in the transcript first."), 4000)
            return False
        return self._run(
            AddCodingsCommand(
                self.ctx,
                [NewCoding(doc, code_id, span[0], span[1])],
                self.tr("Apply “{0}”").format(self.codes.name_of(code_id)),
            ),
            code_id,
        )

    def _run(self, command: object, code_id: int | None = None) -> bool:
        try:
            self.ctx.execute(command)  # type: ignore[arg-type]
        except Exception as exc:  # every failure is shown, none is swallowed
            show_error(self, exc)
            return False
        if code_id is not None:
            self.remember(code_id)
        return True

    def apply_current(self) -> None:
        code = self.current_code()
        if code is None:
            self.statusBar().showMessage(self.tr("Choose a code in the code tree first."), 4000)
            return
        self.apply_code(code)

    def quick_code(self, n: int) -> None:
        if n <= len(self.recent):
            self.apply_code(self.recent[n - 1])

    def remember(self, code_id: int) -> None:
        """Put ``code_id`` first among the recent codes (keys 1–9)."""
        if code_id in self.recent:
            self.recent.remove(code_id)
        self.recent.insert(0, code_id)
        del self.recent[MAX_RECENT:]
        self._update_quick_label()

    def _update_quick_label(self) -> None:
        self.recent = [c for c in self.recent if c in self.codes.codes]
        if not self.recent:
            self.quick_label.setText(self.tr("Keys 1–9: recent codes"))
            return
        parts = [f"{i}: {self.codes.name_of(c)[:18]}" for i, c in enumerate(self.recent[:5], 1)]
        self.quick_label.setText("  ".join(parts) + ("  …" if len(self.recent) > 5 else ""))

    def in_vivo(self) -> None:
        span = self.view.selection_span()
        doc = self.view.document_id
        name = in_vivo_name(self.view.selected_text())
        if span is None or doc is None or not name:
            self.statusBar().showMessage(self.tr("Select the words to name the code with."), 4000)
            return
        cmd = InVivoCommand(self.ctx, doc, span[0], span[1], name)
        if self._run(cmd) and cmd.code is not None:
            self.remember(cmd.code.id)
            self.tree.select_code(cmd.code.id)

    def remove_coding(self, coding_id: int) -> None:
        self._run(RemoveCodingsCommand(self.ctx, [coding_id]))

    def recode(self, coding_id: int) -> None:
        code = self.current_code()
        if code is None:
            self.statusBar().showMessage(
                self.tr("Choose the new code in the code tree first."), 4000
            )
            return
        self._edit_coding(coding_id, code_id=code, text=self.tr("Re-code"))

    def cycle_stance(self) -> None:
        """Give the coding shown in the coding details the next evidence stance
        (supports → does not happen → barrier → supports), undoably."""
        info = self.coding_panel.current()
        if info is None or self.ctx.read_only:
            self.statusBar().showMessage(
                self.tr("Choose a coding first (click its stripe or place the cursor in it)."),
                4000,
            )
            return
        order = list(Stance)
        nxt = order[(order.index(info.stance) + 1) % len(order)]
        self._edit_coding(info.id, stance=nxt, text=self.tr("Change evidence stance"))

    def _edit_coding(self, coding_id: int, *, text: str, **fields: object) -> None:
        self._run(UpdateCodingCommand(self.ctx, coding_id, text=text, **fields))  # type: ignore[arg-type]

    def _code_double_clicked(self, index: QModelIndex) -> None:
        code = self.codes.code_id(index)
        if code is not None:
            self.apply_code(code)

    def _selection_dropped(self, code_id: int, document_id: int, start: int, end: int) -> None:
        if document_id != self.view.document_id:
            return
        self.view.select_span(start, end)
        self.apply_code(code_id)

    def _code_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        code = self.codes.code_id(current)
        self.excerpt_model.show_code(code)
        if code is not None:
            self.memo_panel.show_target("code", code, self.codes.name_of(code))

    # --- reacting to changes ---------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The one change stream: refresh only what changed (the code look first, so new
        codes have colours before their codings are painted)."""
        if Kind.CODES in changes:
            self._on_codes_changed()
        if Kind.DOCUMENTS in changes:
            self._on_documents_changed()
        if Kind.CASES in changes:
            self._on_cases_changed()
        if Kind.CODINGS in changes:
            self._on_codings_changed(changes)

    def _on_codings_changed(self, changes: Changes) -> None:
        doc, delta = self.view.document_id, changes.delta
        if doc is not None:
            if delta is not None and delta.documents:
                if doc in delta.documents:  # the exact delta: patch the spans
                    gone = [c.id for c in delta.removed + delta.before if c.document_id == doc]
                    new = [
                        Span(c.id, c.code_id, c.start, c.end, c.stance.value)
                        for c in delta.added + delta.updated
                        if c.document_id == doc
                    ]
                    self.view.update_spans(gone, new)
            elif doc in changes.documents or (
                not changes.documents
                and (not changes.codes or changes.codes & self.view.index.code_ids())
            ):
                self.open_document(doc)  # codings moved between codes (merge): reload
        self.documents.refresh(changes.documents or [r.id for r in self.documents.rows])
        self.codes.refresh_counts(changes.codes or list(self.codes.codes))
        self.excerpt_model.on_codings_changed(changes)
        self._cursor_timer.start()

    def _on_codes_changed(self) -> None:
        current = self.tree.current_code_id()
        expanded = self.tree.expanded_keys()
        self.codes.reload()
        self.tree.expand_keys(expanded | {b.key for b in self.codes.books})
        if current is not None and current in self.codes.codes:
            self.tree.select_code(current)
        elif self.excerpt_model.code_id not in self.codes.codes:
            self.excerpt_model.show_code(None)
        self.view.set_code_look(
            {c.id: c.colour for c in self.codes.codes.values()},
            {cid: self.codes.name_of(cid) for cid in self.codes.codes},
            self.codes.order,
        )
        self.view.refresh()
        self._update_quick_label()

    def _on_cases_changed(self) -> None:
        self.documents.reload()
        if self.view.document_id is not None:
            row = self.documents.row_of(self.view.document_id)
            if row is not None:
                self.doc_list.setCurrentIndex(self.documents.index(row, 0))
        self._refresh_filters()

    def _on_documents_changed(self) -> None:
        current = self.view.document_id
        self.documents.reload()
        self._refresh_filters()
        if current is not None and self.documents.row_of(current) is None:
            current = None  # the shown document was removed (an import was undone)
            self._show_nothing()
        if current is None and self.documents.rows:
            self.open_document(self.documents.rows[0].id)

    def _refresh_filters(self) -> None:
        with self.ctx.session() as s:
            attrs = attribute_values(s)
            coders = coder_names(s)
            people = all_speakers(s)
        self.excerpts.set_choices(
            attributes=attrs, coders=coders, documents=self.documents.rows, speakers=people
        )

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
        self.coding_panel.show_codings(self.codings_here(), prefer=self.view.current_coding)

    def _coding_picked(self, coding_id: int) -> None:
        self._cursor_timer.stop()
        self.coding_panel.show_codings(self.codings_here(), prefer=coding_id)

    def _coding_chosen_in_panel(self, coding_id: int) -> None:
        if self.view.current_coding != coding_id:
            self.view.current_coding = coding_id
            self.view.refresh()

    def _transcript_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.act_apply)
        menu.addAction(self.act_vivo)
        if self.view.selection_span() is not None and not self.ctx.read_only:
            menu.addAction(self.tr("Assign selection to a case…"), self.show_cases)
        here = self.codings_here()
        if here and not self.ctx.read_only:
            menu.addSeparator()
            for info in here[:12]:
                sub = menu.addMenu(self.codes.name_of(info.code_id))
                sub.addAction(self.tr("Remove coding"), partial(self.remove_coding, info.id))
                sub.addAction(self.tr("Re-code with current code"), partial(self.recode, info.id))
                star = (
                    self.tr("Remove star") if info.illustrative else self.tr("Star as illustrative")
                )
                sub.addAction(
                    star,
                    partial(
                        self._edit_coding,
                        info.id,
                        illustrative=not info.illustrative,
                        text=self.tr("Star quote"),
                    ),
                )
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # --- import, cases ------------------------------------------------------------------------

    def ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import documents"),
            str(self.ctx.project.folder),
            self.tr("Documents (*.docx *.pdf *.txt *.md *.odt *.rtf);;All files (*)"),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> Task | None:
        """Import in the background; the progress dialog appears after half a second."""
        if self.ctx.read_only:
            return None
        project = self.ctx.project

        def work(progress: Progress) -> documents_core.ImportResult:
            with project.session() as s:
                return documents_core.import_files(s, paths=paths, progress=progress)

        task = Task(work, title=self.tr("Importing documents…"), parent=self)
        task.done.connect(self._import_done)
        task.error.connect(self.task_failed)
        self._track(task)
        task.start()
        return task

    def task_failed(self, exc: object) -> None:
        """Background work ended with an error: a cancel is only noted, others are shown."""
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("Cancelled. Nothing was changed."), 6000)
        elif isinstance(exc, BaseException):
            show_error(self, exc)

    def _track(self, task: Task) -> None:
        self.tasks.append(task)
        task.ended.connect(lambda: self.tasks.remove(task) if task in self.tasks else None)

    def _import_done(self, result: documents_core.ImportResult) -> None:
        from app.ui.dialogs.import_report import ImportReportDialog

        if result.imported:
            ids = [d.id for d in result.imported]
            self.ctx.execute(ImportDocumentsCommand(self.ctx, ids))  # undo removes them again
        n = len(result.imported)
        self.statusBar().showMessage(self.tr("%n document(s) imported.", "", n), 6000)
        if result.failed:
            dialog = ImportReportDialog(result, self)
            dialog.open()
        elif result.imported:
            self.open_document(result.imported[0].id)

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

    def edit_document_source(self, document_id: int) -> None:
        """What kind of source a document is, and how quotes from it are cited."""
        from app.ui.dialogs.document_source import DocumentSourceDialog

        DocumentSourceDialog(self.ctx, document_id, self).open()

    def show_settings(self) -> None:
        """Coder roles and how exports name and cite (undoable edits)."""
        from app.ui.dialogs.project_settings import ProjectSettingsDialog

        ProjectSettingsDialog(self.ctx, self).open()

    def _focus_search(self) -> None:
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
            self.import_files(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        for task in list(self.tasks):
            task.cancel()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10_000)
        super().closeEvent(event)
        self.ctx.project.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
