"""The workbench's widgets and docks, and showing a document in them.

:class:`WorkbenchLayout` is the base of the main window: :meth:`build_layout` creates the
transcript (centre), documents (left), codes, coding details and memo (right), and excerpts,
search and review (bottom), and remembers every part so a language switch can rebuild them.
The window connects them to its helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.coding.workbench_queries import coding_spans, document_text, speaker_turns, speakers
from app.ui.context import ProjectContext
from app.ui.review.panel import ReviewPanel
from app.ui.review.questions import OpenQuestionsList
from app.ui.server.offline import keeps_last_view
from app.ui.start.codebook_choices import codebook_label
from app.ui.workbench.code_tree import CodebookTree
from app.ui.workbench.codebook_adding import shipped
from app.ui.workbench.codebook_model import CodebookModel
from app.ui.workbench.coding_panel import CodingPanel
from app.ui.workbench.documents_model import CASE, CODED, FORMAT, NAME, DocumentListModel
from app.ui.workbench.empty_hints import EmptyCodesHint, EmptyDocumentsHint, HintedView
from app.ui.workbench.excerpt_model import ExcerptModel
from app.ui.workbench.fitting import ElidingLabel, fit_to_screen, scrolling
from app.ui.workbench.importing import DocumentImport
from app.ui.workbench.memo_panel import MemoPanel
from app.ui.workbench.panels import ExcerptPanel, SearchPanel
from app.ui.workbench.spans import Span
from app.ui.workbench.stripes import StripeHeader
from app.ui.workbench.transcript import TranscriptView

if TYPE_CHECKING:
    from app.ui.workbench.menus import WorkbenchActions

BANNER_STYLE = "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; border-radius: 3px; }"
OFFLINE_STYLE = (
    "QLabel { background: #f8d7da; color: #721c24; padding: 6px; border-radius: 3px; "
    "font-weight: bold; }"
)


def _clamp(value: float, low: int, high: int) -> int:
    return int(max(low, min(high, value)))


class WorkbenchLayout(QMainWindow):
    """The widgets of one workbench (rebuilt, with fresh labels, on a language switch)."""

    doc_title: QLabel
    speaker_box: QComboBox
    speaker_label: QLabel
    banner: QLabel
    view: TranscriptView
    stripe_header: StripeHeader
    doc_list: QTreeView
    tree: CodebookTree
    coding_panel: CodingPanel
    memo_panel: MemoPanel
    excerpts: ExcerptPanel
    search_panel: SearchPanel
    bottom_tabs: QTabWidget
    review_panel: ReviewPanel
    questions: OpenQuestionsList
    questions_tab: int
    # set by the window before building
    ctx: ProjectContext
    importer: DocumentImport
    acts: WorkbenchActions
    documents: DocumentListModel
    codes: CodebookModel

    def build_layout(
        self,
        ctx: ProjectContext,
        documents: DocumentListModel,
        codes: CodebookModel,
        excerpt_model: ExcerptModel,
        notice: str,
    ) -> list[QObject]:
        """Create every widget; returns the parts to remove again before a rebuild."""
        parts: list[QObject] = []
        centre = QWidget(self)
        self.doc_title = ElidingLabel(centre)
        self.doc_title.setObjectName("documentTitle")
        font = self.doc_title.font()
        font.setBold(True)
        self.doc_title.setFont(font)
        self.speaker_box = QComboBox(centre)
        self.speaker_box.setObjectName("speakerFilter")
        self.speaker_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        head = QHBoxLayout()
        head.addWidget(self.doc_title, 1)
        self.speaker_label = QLabel(self.tr("Show turns of:"), centre)
        head.addWidget(self.speaker_label)
        head.addWidget(self.speaker_box)
        self._show_speaker_filter(False)  # until a document is shown
        self.banner = QLabel(centre)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setText(notice)
        self.banner.setVisible(bool(notice))
        self.server_banner = QLabel(centre)
        self.server_banner.setObjectName("serverBanner")
        self.server_banner.setWordWrap(True)
        self.server_banner.setStyleSheet(OFFLINE_STYLE)
        self.server_banner.setText(
            self.tr(
                "The team server cannot be reached. Edits are refused until it is back; "
                "everything the server confirmed is safe. Reconnecting by itself…"
            )
        )
        self.server_banner.setVisible(not ctx.online)
        self.view = TranscriptView(centre)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.server_banner)
        layout.addLayout(head)
        self.stripe_header = StripeHeader(self.view, centre)
        self.view.layoutChanged.connect(self.stripe_header.relayout)
        layout.addWidget(self.stripe_header)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)

        # documents (left)
        self.doc_list = QTreeView(self)
        self.doc_list.setObjectName("documentList")
        self.doc_list.setModel(documents)
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
        self._size_document_columns(documents)
        # the name's suffix says the format; its start and end tell transcripts apart
        self.doc_list.setColumnHidden(FORMAT, True)
        self.doc_list.setColumnWidth(CASE, 84)
        self.doc_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.doc_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        docs_hint = EmptyDocumentsHint(lambda: self.importer.ask_import())
        docs_hint.filesDropped.connect(lambda paths: self.importer.import_files(paths))
        docs_hint.setEnabled(not ctx.read_only)
        docs_view = HintedView(self.doc_list, documents, scrolling(docs_hint))
        docs_dock = self._dock(parts, "documentsDock", self.tr("Documents"), docs_view)
        docs_dock.setMinimumWidth(220)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docs_dock)

        # codes (right) and coding details and the memo under them
        self.tree = CodebookTree(codes, self)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.expandToDepth(0)
        books = [(b.key, codebook_label(b, ctx.language)) for b in shipped()]
        codes_hint = EmptyCodesHint(books, lambda name: self.acts[name].trigger())
        codes_hint.setEnabled(not ctx.read_only)
        codes_view = HintedView(self.tree, codes, scrolling(codes_hint))
        codes_dock = self._dock(parts, "codesDock", self.tr("Codes"), codes_view)
        codes_dock.setMinimumWidth(280)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, codes_dock)
        self.coding_panel = CodingPanel(codes, self)
        self.coding_panel.setEnabled(not ctx.read_only)
        self.memo_panel = MemoPanel(ctx, self)
        # one dock with its own tabs: tabified docks left a stale tab bar on the window
        # after a language switch rebuilt them
        self.details_tabs = QTabWidget(self)
        self.details_tabs.setObjectName("detailsTabs")
        self.details_tabs.setDocumentMode(True)
        self.details_tabs.addTab(scrolling(self.coding_panel), self.tr("Coding details"))
        self.details_tabs.addTab(self.memo_panel, self.tr("Memo"))
        title = self.tr("Coding and memo")
        details = self._dock(parts, "codingDock", title, self.details_tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, details)

        # excerpts, search and review (bottom, tabbed)
        self.excerpts = ExcerptPanel(excerpt_model, self)
        self.search_panel = SearchPanel(self)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.addTab(self.excerpts, self.tr("Excerpts"))
        self.bottom_tabs.addTab(self.search_panel, self.tr("Search"))
        self.review_panel = ReviewPanel(ctx, self)
        self.questions = OpenQuestionsList(ctx, self)
        for page in (self.review_panel, self.questions):
            # their splitters would keep the bottom dock 220 px tall on a 720 px screen
            page.setMinimumHeight(100)
        self.bottom_tabs.addTab(self.review_panel, self.tr("Review"))
        self.questions_tab = self.bottom_tabs.addTab(self.questions, self.tr("Open questions"))
        title = self.tr("Excerpts, search and review")
        bottom = self._dock(parts, "bottomDock", title, self.bottom_tabs)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, bottom)
        kept = getattr(self, "_kept_sizes", None)
        if kept:
            # a rebuild (language switch): the docks get back the sizes the user gave them
            QTimer.singleShot(0, self, lambda: self._resize_docks(kept))
            QTimer.singleShot(150, self, lambda: self._resize_docks(kept))
        return parts

    def _resize_docks(self, sizes: dict[str, tuple[int, int]]) -> None:
        docks = [d for d in self.findChildren(QDockWidget) if d.objectName() in sizes]
        docks = [d for d in docks if not d.isFloating()]
        self.resizeDocks(docks, [sizes[d.objectName()][0] for d in docks],
                         Qt.Orientation.Horizontal)  # fmt: skip
        self.resizeDocks(docks, [sizes[d.objectName()][1] for d in docks],
                         Qt.Orientation.Vertical)  # fmt: skip

    def fit_docks(self) -> None:
        """Share the window between the docks by its size (a 1280×720 laptop screen as
        well as a large one): the codes get the larger part of the right column."""
        docks = {d.objectName(): d for d in self.findChildren(QDockWidget)}
        width, height = self.width(), self.height()
        side = [docks["documentsDock"], docks["codesDock"]]
        self.resizeDocks(
            side, [_clamp(width * 0.195, 240, 320), _clamp(width * 0.3, 300, 430)],
            Qt.Orientation.Horizontal,
        )  # fmt: skip
        self.resizeDocks([docks["bottomDock"]], [_clamp(height * 0.25, 130, 260)],
                         Qt.Orientation.Vertical)  # fmt: skip
        right = height * 0.75 - 60
        self.resizeDocks(
            [docks["codesDock"], docks["codingDock"]],
            [int(right * 0.6), int(right * 0.4)],
            Qt.Orientation.Vertical,
        )
        self._fitted = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            fit_to_screen(self)
            self.fit_docks()

    def _size_document_columns(self, documents: DocumentListModel) -> None:
        """Widths from the widest text the format and coded columns can hold (and their
        titles), not ResizeToContents: that asks the model for every row, thousands of
        them in a big project."""
        metrics = self.doc_list.fontMetrics()
        for col, widest in ((FORMAT, "markdown"), (CODED, "100 %")):
            title = str(documents.headerData(col, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(widest), metrics.horizontalAdvance(title))
            self.doc_list.setColumnWidth(col, width + 16)

    def _dock(self, parts: list[QObject], name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        parts.append(dock)
        return dock

    def remove_layout(self, parts: list[QObject]) -> None:
        """Take down what :meth:`build_layout` (and the menus) made, before a rebuild."""
        self._kept_sizes = {
            d.objectName(): (d.width(), d.height())
            for d in self.findChildren(QDockWidget)
            if not d.isFloating()
        }
        for part in parts:
            if isinstance(part, QDockWidget):
                self.removeDockWidget(part)
            elif isinstance(part, QToolBar):
                self.removeToolBar(part)
            if isinstance(part, QWidget):
                part.setParent(None)
            part.deleteLater()
        old = self.takeCentralWidget()
        if old is not None:
            old.setParent(None)
            old.deleteLater()

    # --- showing documents -------------------------------------------------------------

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
        self._show_speaker_filter(True)

    def _show_nothing(self) -> None:
        self.view.show_document(None, "", [], colours={}, names={}, order={})
        self.doc_title.setText("")
        self.speaker_box.clear()
        self._show_speaker_filter(False)

    def _show_speaker_filter(self, shown: bool) -> None:
        # an empty "Show turns of:" box above no document only puzzles
        self.speaker_label.setVisible(shown)
        self.speaker_box.setVisible(shown)

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

    @keeps_last_view
    def _filter_speaker(self) -> None:
        name = self.speaker_box.currentData()
        doc = self.view.document_id
        if doc is None:
            return
        spans = self.ctx.query(speaker_turns, document_id=doc, speaker=name) if name else None
        self.view.show_only(spans)

    @keeps_last_view
    def jump_to(self, document_id: int, start: int, end: int) -> None:
        """Open a document and select ``[start, end)`` (code points)."""
        if self.view.document_id != document_id:
            self.open_document(document_id)
        if self.speaker_box.currentIndex() > 0:
            self.speaker_box.setCurrentIndex(0)
        self.view.select_span(start, end)
        self.view.setFocus()
