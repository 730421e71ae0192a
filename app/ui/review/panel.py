"""The reviewer's panel: excerpts by code or informant, marks and comments."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.coding.changes import Changes, Kind
from app.coding.errors import TelaahError
from app.coding.retrieval import context
from app.coding.review import comments_for
from app.coding.review_queries import BY_CASE, BY_CODE, ReviewItem
from app.ui.context import ProjectContext, ServerOffline
from app.ui.errors import show_error
from app.ui.review.commands import AddCommentCommand, MarkCodingsCommand
from app.ui.review.detail import excerpt_html, open_roots, thread_html
from app.ui.review.models import CODE, CODER, COMMENTS, EXCERPT, MARK, SOURCE, ReviewTreeModel
from app.ui.server.offline import keeps_last_view

#: what the panel shows: excerpts (codings of codes, by case) and their review state
_SHOWN = (Kind.REVIEW, Kind.CODINGS, Kind.CODES, Kind.CASES, Kind.DOCUMENTS, Kind.SETTINGS)


class ReviewPanel(QWidget):
    """Browse excerpts by code or by informant; mark them agreed or questioned (undoable)
    and discuss them. ``jumpRequested(document_id, start, end)`` (code points) asks the
    main window to show a passage."""

    jumpRequested = Signal(int, int, int)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.ctx = ctx
        self._stale = True
        self.model = ReviewTreeModel(ctx)

        self.browse_label = QLabel(self)
        self.browse = QComboBox(self)
        self.browse.setObjectName("reviewBrowseBy")
        self.browse.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.browse.currentIndexChanged.connect(self._grouping_chosen)
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.reviewer_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.browse_label)
        top.addWidget(self.browse)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.reviewer_label)

        self.tree = QTreeView(self)
        self.tree.setObjectName("reviewTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EXCERPT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for col, width in ((CODE, 150), (SOURCE, 170), (CODER, 90), (MARK, 110), (COMMENTS, 80)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(col, width)
        self.tree.setColumnHidden(CODE, True)  # every excerpt of a group has the same code
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.selectionModel().currentChanged.connect(self._show_current)
        self.tree.doubleClicked.connect(self._double_clicked)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("reviewDetail")
        self.detail.setOpenLinks(False)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("reviewCommentEdit")
        self.comment.setMaximumHeight(80)
        self.comment.textChanged.connect(self._update_actions)

        self.act_agree = self._action("actionMarkAgreed", "Ctrl+Alt+A", self.mark_agreed)
        self.act_question = self._action("actionMarkQuestioned", "Ctrl+Alt+Q", self.mark_questioned)
        self.act_clear = self._action("actionClearMark", None, self.clear_mark)
        self.act_comment = self._action("actionAddComment", "Ctrl+Return", self.add_comment)
        self.act_jump = self._action("actionShowSource", None, self.show_source)
        buttons = QHBoxLayout()
        for act in (self.act_agree, self.act_question, self.act_clear):
            buttons.addWidget(self._button(act))
        buttons.addStretch(1)
        buttons.addWidget(self._button(self.act_jump))
        self.comment_button = QPushButton(self)
        self.comment_button.setObjectName("addComment")
        self.comment_button.clicked.connect(self.add_comment)
        send = QHBoxLayout()
        send.addWidget(self.comment, 1)
        send.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignBottom)

        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.detail, 1)
        side.addLayout(buttons)
        side.addLayout(send)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        ctx.watch(self, self._on_changes, kinds=_SHOWN)
        self._retranslate()
        # The groups are loaded when the panel is first shown (showEvent): in a big project
        # grouping every coding is a good part of opening the window, for a tab seldom open.
        self._update_summary()
        self._update_actions()

    # --- construction -------------------------------------------------------------------------

    def _action(self, name: str, shortcut: str | None, slot: object) -> QAction:
        act = QAction(self)
        act.setObjectName(name)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _button(self, act: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(act)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _retranslate(self) -> None:
        self.browse_label.setText(self.tr("Browse by:"))
        current = self.browse.currentIndex()
        self.browse.blockSignals(True)
        self.browse.clear()
        self.browse.addItem(self.tr("Code"), BY_CODE)
        self.browse.addItem(self.tr("Informant"), BY_CASE)
        self.browse.setCurrentIndex(max(current, 0))
        self.browse.blockSignals(False)
        self.show_reviewer()
        self.act_agree.setText(self.tr("✓ Agree"))
        self.act_agree.setToolTip(self.tr("Mark the selected excerpts agreed (Ctrl+Alt+A)"))
        self.act_question.setText(self.tr("? Question"))
        self.act_question.setToolTip(self.tr("Mark the selected excerpts questioned (Ctrl+Alt+Q)"))
        self.act_clear.setText(self.tr("Clear mark"))
        self.act_clear.setToolTip(self.tr("Remove your mark from the selected excerpts"))
        self.act_comment.setText(self.tr("Add comment"))
        self.act_jump.setText(self.tr("Show in transcript"))
        self.comment_button.setText(self.tr("Add comment"))
        self.comment_button.setToolTip(self.tr("Send the comment (Ctrl+Return)"))
        self.comment.setPlaceholderText(self.tr("Write a comment or a question for the coder…"))
        self._update_summary()
        self._show_current()

    def show_reviewer(self) -> None:
        """Show whose marks and comments this panel writes (the context's coder)."""
        self.reviewer_label.setText(self.tr("Reviewing as: {0}").format(self.ctx.coder))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # --- state --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the groups, keeping open groups open and the current excerpt current."""
        current = self.current_item()
        opened = {
            (g.kind, g.id)
            for row, g in enumerate(self.model.groups)
            if self.tree.isExpanded(self.model.index(row, 0))
        }
        self.model.reload()
        self._stale = False
        for row, g in enumerate(self.model.groups):
            if (g.kind, g.id) in opened:
                self.open_group(row)
        if current is not None:
            self.select_coding(current.excerpt.coding_id)
        self._update_summary()
        self._show_current()

    def _on_changes(self, changes: Changes) -> None:
        """Codings, codes or cases changed: regroup; only review state: update in place."""
        if Kind.SETTINGS in changes:
            self.show_reviewer()
            if not changes.touches(*_SHOWN[:-1]):
                return
        if changes.touches(Kind.CODINGS, Kind.CODES, Kind.CASES, Kind.DOCUMENTS):
            self.reload()
            return
        self.model.on_review_changed(changes)
        self._update_summary()
        item = self.current_item()
        if item is not None and (
            not changes.reviewed or item.excerpt.coding_id in changes.reviewed
        ):
            self._show_current()

    def _grouping_chosen(self) -> None:
        self.model.set_grouping(str(self.browse.currentData() or BY_CODE))
        # a code group's excerpts share the code, an informant's share the source
        self.tree.setColumnHidden(CODE, self.model.by == BY_CODE)
        self.tree.setColumnHidden(SOURCE, self.model.by == BY_CASE)
        self._update_summary()
        self._show_current()

    def _update_summary(self) -> None:
        groups = self.model.groups  # every coding is in exactly one group either way
        total = sum(g.total for g in groups)
        agreed = sum(g.agreed for g in groups)
        questioned = sum(g.questioned for g in groups)
        self.summary.setText(
            self.tr("{0} excerpts · ✓ {1} agreed · ? {2} questioned").format(
                total, agreed, questioned
            )
        )

    def current_item(self) -> ReviewItem | None:
        return self.model.item(self.tree.currentIndex())

    def selected_items(self) -> list[ReviewItem]:
        rows = self.tree.selectionModel().selectedRows(0)
        found = [self.model.item(i) for i in rows]
        items = [i for i in found if i is not None]
        if not items and (current := self.current_item()) is not None:
            items = [current]
        return items

    def select_coding(self, coding_id: int) -> bool:
        """Make the excerpt of ``coding_id`` current if its group is open."""
        index = self.model.index_of_coding(coding_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def open_group(self, row: int) -> None:
        """Open the ``row``-th group (loading its excerpts)."""
        index = self.model.index(row, 0)
        if self.model.canFetchMore(index):
            self.model.fetchMore(index)
        self.tree.expand(index)

    def _selection_changed(self) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        editable = not self.ctx.read_only
        has = bool(self.selected_items())
        for act in (self.act_agree, self.act_question, self.act_clear):
            act.setEnabled(editable and has)
        one = self.current_item() is not None
        can_comment = editable and one and bool(self.comment.toPlainText().strip())
        self.act_comment.setEnabled(can_comment)
        self.comment_button.setEnabled(can_comment)
        self.act_jump.setEnabled(one)

    @keeps_last_view
    def _show_current(self, *_args: object) -> None:
        item = self.current_item()
        self._update_actions()
        if item is None:
            self.detail.setHtml(
                "<p><i>"
                + self.tr("Open a code or an informant and choose an excerpt to review.")
                + "</i></p>"
            )
            return
        e = item.excerpt
        with self.ctx.session() as s:
            before, after = context(
                s, document_id=e.document_id, start=e.start, end=e.end, chars=160
            )
            thread = comments_for(s, coding_id=e.coding_id)
        name = self.ctx.code_name(e.code_name_id, e.code_name_en)
        discussion = self.tr("Discussion")
        self.detail.setHtml(
            excerpt_html(e, name, before, after, item.state)
            + f"<hr/><p><b>{discussion}</b></p>"
            + thread_html(thread, self.ctx.language)
        )

    # --- actions ------------------------------------------------------------------------------

    def _mark(self, status: str | None) -> None:
        items = self.selected_items()
        if not items or self.ctx.read_only:
            return
        try:
            self.ctx.execute(
                MarkCodingsCommand(self.ctx, [i.excerpt.coding_id for i in items], status)
            )
        except (TelaahError, SQLAlchemyError, OSError, ServerOffline) as exc:
            show_error(self, exc)

    def mark_agreed(self) -> None:
        self._mark("agreed")

    def mark_questioned(self) -> None:
        self._mark("questioned")

    def clear_mark(self) -> None:
        self._mark(None)

    def add_comment(self) -> None:
        """Add the typed comment to the current excerpt; it continues the open thread if
        there is one, else it starts a new one."""
        item = self.current_item()
        text = self.comment.toPlainText().strip()
        if item is None or not text or self.ctx.read_only:
            return
        cid = item.excerpt.coding_id
        try:
            with self.ctx.session() as s:
                roots = open_roots(comments_for(s, coding_id=cid))
            reply_to = roots[-1].id if roots else None
            self.ctx.execute(AddCommentCommand(self.ctx, cid, text, reply_to))
        except (TelaahError, SQLAlchemyError, ServerOffline) as exc:
            show_error(self, exc)
            return
        self.comment.clear()

    def show_source(self) -> None:
        item = self.current_item()
        if item is not None:
            e = item.excerpt
            self.jumpRequested.emit(e.document_id, e.start, e.end)

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.item(index) is not None:
            self.show_source()
