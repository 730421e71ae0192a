"""The coder's list of open questions: read the reviewer's comments, answer, resolve."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.coding.changes import Kind
from app.coding.errors import TelaahError
from app.coding.retrieval import context, document_id
from app.coding.review import OpenQuestion
from app.ui.context import ProjectContext, ServerOffline
from app.ui.errors import show_error
from app.ui.review.commands import AddCommentCommand, ResolveThreadCommand
from app.ui.review.detail import open_roots, thread_html
from app.ui.review.models import (
    OQ_CODE,
    OQ_DOCUMENT,
    OQ_EXCERPT,
    OQ_REVIEWER,
    OpenQuestionModel,
)


class OpenQuestionsList(QWidget):
    """Questioned excerpts whose threads are still open. The coder answers a question and
    resolves it; it then leaves the list. ``jumpRequested(document_id, start, end)``."""

    jumpRequested = Signal(int, int, int)
    #: the number of open questions changed (for a tab or dock title)
    countChanged = Signal(int)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openQuestionsList")
        self.ctx = ctx
        self._stale = True
        self.model = OpenQuestionModel(ctx)

        self.title = QLabel(self)
        self.title.setObjectName("openQuestionsTitle")
        self.table = QTableView(self)
        self.table.setObjectName("openQuestionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(OQ_EXCERPT, QHeaderView.ResizeMode.Interactive)
        for col, width in (
            (OQ_EXCERPT, 240),
            (OQ_CODE, 140),
            (OQ_DOCUMENT, 150),
            (OQ_REVIEWER, 90),
        ):
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.doubleClicked.connect(lambda _i: self.show_source())

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("questionDetail")
        self.answer = QPlainTextEdit(self)
        self.answer.setObjectName("answerEdit")
        self.answer.setMaximumHeight(80)
        self.answer.textChanged.connect(self._update_buttons)
        self.answer_button = QPushButton(self)
        self.answer_button.setObjectName("answerQuestion")
        self.answer_button.clicked.connect(self.answer_question)
        self.resolve_button = QPushButton(self)
        self.resolve_button.setObjectName("resolveQuestion")
        self.resolve_button.clicked.connect(self.resolve_question)
        self.jump_button = QPushButton(self)
        self.jump_button.setObjectName("questionShowSource")
        self.jump_button.clicked.connect(self.show_source)
        buttons = QHBoxLayout()
        buttons.addWidget(self.jump_button)
        buttons.addStretch(1)
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.resolve_button)

        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.detail, 1)
        side.addWidget(self.answer)
        side.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

        ctx.watch(self, lambda _changes: self.reload(), kinds=(Kind.REVIEW, Kind.CODINGS))
        self._retranslate()
        self.reload()

    def _retranslate(self) -> None:
        self.answer.setPlaceholderText(self.tr("Write your answer…"))
        self.answer_button.setText(self.tr("Answer"))
        self.resolve_button.setText(self.tr("Resolve"))
        self.resolve_button.setToolTip(
            self.tr("Close the question: it leaves this list (Undo brings it back)")
        )
        self.jump_button.setText(self.tr("Show in transcript"))
        self._update_title()
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # --- state --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the questions, keeping the current one current while it is still open."""
        current = self.current_question()
        self.model.reload()
        self._stale = False
        row = self.model.row_of(current.coding_id) if current is not None else None
        if row is None and self.model.rows:
            row = 0
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._update_title()
        self._show_current()
        self.countChanged.emit(len(self.model.rows))

    def _update_title(self) -> None:
        n = len(self.model.rows)
        self.title.setText(
            self.tr("%n open question(s) from your reviewer.", "", n)
            if n
            else self.tr("No open questions.")
        )

    def current_question(self) -> OpenQuestion | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def select_coding(self, coding_id: int) -> bool:
        row = self.model.row_of(coding_id)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        q = self.current_question()
        editable = not self.ctx.read_only and q is not None
        self.answer_button.setEnabled(editable and bool(self.answer.toPlainText().strip()))
        # A question without any comment needs an answer first: there is nothing to resolve.
        self.resolve_button.setEnabled(editable and q is not None and bool(open_roots(q.thread)))
        self.jump_button.setEnabled(q is not None)

    def _show_current(self, *_args: object) -> None:
        q = self.current_question()
        self._update_buttons()
        if q is None:
            self.detail.setHtml(
                "<p><i>" + self.tr("Nothing to answer. Well done!") + "</i></p>"
                if not self.model.rows
                else ""
            )
            return
        with self.ctx.session() as s:
            before, after = context(
                s, document_id=self._document_id(q), start=q.start, end=q.end, chars=120
            )
        head = self.tr("{0} questioned this excerpt ({1}):").format(q.reviewer, q.document)
        self.detail.setHtml(
            f"<p><b>{escape(head)}</b></p>"
            f'<p style="color:#666">…{escape(before)}'
            f'<span style="color:#000; background:#fff2b3">{escape(q.snippet)}</span>'
            f"{escape(after)}…</p><hr/>" + thread_html(q.thread, self.ctx.language)
        )

    def _document_id(self, q: OpenQuestion) -> int:
        return int(self.ctx.query(document_id, name=q.document))

    # --- actions ------------------------------------------------------------------------------

    def answer_question(self) -> None:
        """Reply to the open thread of the current question (or start one)."""
        q = self.current_question()
        text = self.answer.toPlainText().strip()
        if q is None or not text or self.ctx.read_only:
            return
        roots = open_roots(q.thread)
        reply_to = roots[-1].id if roots else None
        try:
            self.ctx.execute(AddCommentCommand(self.ctx, q.coding_id, text, reply_to))
        except (TelaahError, SQLAlchemyError, ServerOffline) as exc:
            show_error(self, exc)
            return
        self.answer.clear()

    def resolve_question(self) -> None:
        """Close every open thread of the current question (undoable)."""
        q = self.current_question()
        if q is None or self.ctx.read_only:
            return
        roots = open_roots(q.thread)
        if not roots:
            return
        try:
            self.ctx.execute(ResolveThreadCommand(self.ctx, q.coding_id, [c.id for c in roots]))
        except (TelaahError, SQLAlchemyError, ServerOffline) as exc:
            show_error(self, exc)

    def show_source(self) -> None:
        q = self.current_question()
        if q is not None:
            self.jumpRequested.emit(self._document_id(q), q.start, q.end)
