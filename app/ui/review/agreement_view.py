"""Intercoder agreement: two coders, figures per code and overall, disagreements to walk
through, and the two coders' codings over a disagreement side by side."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.coding.agreement import AgreementReport, Disagreement, busiest_pair, compute_agreement
from app.coding.changes import Kind
from app.coding.errors import TelaahError
from app.coding.review_queries import (
    code_names,
    coders_with_codings,
    document_names,
    stretch_comparison,
    stretch_texts,
)
from app.ui.context import ProjectContext, ServerOffline
from app.ui.errors import show_error
from app.ui.review.agreement_model import (
    D_CODE,
    D_CODER,
    D_DOCUMENT,
    D_SPAN,
    DISAGREEMENT_ROLE,
    F_CODE,
    DisagreementModel,
    FiguresModel,
    FiguresProxy,
)
from app.ui.review.compare import ComparePanel


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class AgreementView(QWidget):
    """Pick two coders (and optionally one document) to see percent agreement, Cohen's kappa
    and Krippendorff's alpha per code and overall, and walk through the disagreements.
    ``compareRequested(document_id, start, end)`` (code points) is emitted when a
    disagreement is opened, so the main window can show the passage as well."""

    compareRequested = Signal(int, int, int)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.ctx = ctx
        self.report: AgreementReport | None = None
        self.names: dict[str, tuple[str, str, str]] = {}
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.compute)

        self.coder_label = QLabel(self)
        self.with_label = QLabel(self)
        self.doc_label = QLabel(self)
        self.coder_a = QComboBox(self)
        self.coder_a.setObjectName("coderA")
        self.coder_b = QComboBox(self)
        self.coder_b.setObjectName("coderB")
        self.document = QComboBox(self)
        self.document.setObjectName("agreementDocument")
        for box in (self.coder_a, self.coder_b, self.document):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._timer.start)
        self.document.setMinimumContentsLength(18)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("exportReviewReport")
        self.report_button.clicked.connect(self.ask_report)
        top = QHBoxLayout()
        for w in (self.coder_label, self.coder_a, self.with_label, self.coder_b):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.doc_label)
        top.addWidget(self.document)
        top.addStretch(1)
        top.addWidget(self.report_button)
        self.status = QLabel(self)
        self.status.setObjectName("agreementStatus")
        self.status.setWordWrap(True)

        self.figures = FiguresModel(ctx)
        self.proxy = FiguresProxy(self)
        self.proxy.setSourceModel(self.figures)
        self.table = _table(self, "agreementTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(F_CODE, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 7):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.disagreements = DisagreementModel(ctx)
        self.list = _table(self, "disagreementList")
        self.list.setModel(self.disagreements)
        head = self.list.horizontalHeader()
        head.setStretchLastSection(True)
        for col, width in ((D_DOCUMENT, 170), (D_CODE, 150), (D_SPAN, 80), (D_CODER, 90)):
            self.list.setColumnWidth(col, max(width, head.sectionSizeHint(col)))
        self.list.doubleClicked.connect(self.open_disagreement)
        self.list.activated.connect(self.open_disagreement)
        self.list_title = QLabel(self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list_title)
        column.addWidget(self.list, 1)
        self.compare = ComparePanel(self)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(left)
        lower.addWidget(self.compare)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setSizes([720, 580])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

        ctx.watch(
            self, lambda _c: self._mark_stale(), kinds=(Kind.CODINGS, Kind.DOCUMENTS, Kind.CODES)
        )
        self._retranslate()
        self.refresh_choices()
        self.compute()

    # --- texts --------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        if self.isWindow():
            self.setWindowTitle(self.tr("Intercoder agreement – Telaah"))
        self.coder_label.setText(self.tr("Compare coder"))
        self.with_label.setText(self.tr("with"))
        self.doc_label.setText(self.tr("Documents:"))
        self.report_button.setText(self.tr("Review report (Word)…"))
        self.report_button.setToolTip(
            self.tr("Questioned excerpts with their discussion, and this agreement table")
        )
        if self.document.count():
            self.document.setItemText(0, self.tr("All documents both coded"))
        self._update_status()
        self._update_list_title()
        self.compare.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.figures.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
            self.disagreements.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_choices()
            self.compute()

    def _mark_stale(self) -> None:
        if self.isVisible():
            self.refresh_choices()
            self.compute()
        else:
            self._stale = True

    # --- choices and figures ------------------------------------------------------------------

    def refresh_choices(self) -> None:
        """Fill the coder and document lists, keeping the current choices."""
        with self.ctx.session() as s:
            coders = coders_with_codings(s)
            docs = document_names(s)
            self._busiest = busiest_pair(s)
        a, b, doc = self.coder_a.currentData(), self.coder_b.currentData(), self.current_document()
        for box in (self.coder_a, self.coder_b, self.document):
            box.blockSignals(True)
            box.clear()
        for name, n in coders:
            label = self.tr("{0} ({1} codings)").format(name, n)
            self.coder_a.addItem(label, name)
            self.coder_b.addItem(label, name)
        names = [name for name, _n in coders]
        if a not in names or b not in names or a == b:
            # Open on the two coders with the most documents in common, not on whoever
            # happens to be the current user.
            pair = self._busiest
            if pair is not None:
                a, b = pair
            else:
                a = self.ctx.coder if self.ctx.coder in names else (names[0] if names else None)
                b = next((n for n in names if n != a), None)
        self.coder_a.setCurrentIndex(max(self.coder_a.findData(a), 0))
        self.coder_b.setCurrentIndex(max(self.coder_b.findData(b), 0))
        self.document.addItem(self.tr("All documents both coded"), None)
        for name in docs:
            self.document.addItem(name, name)
        self.document.setCurrentIndex(max(self.document.findData(doc), 0) if doc else 0)
        for box in (self.coder_a, self.coder_b, self.document):
            box.blockSignals(False)

    def coders(self) -> tuple[str, str] | None:
        a, b = self.coder_a.currentData(), self.coder_b.currentData()
        if not a or not b or a == b:
            return None
        return str(a), str(b)

    def current_document(self) -> str | None:
        value = self.document.currentData()
        return str(value) if value else None

    def set_coders(self, a: str, b: str, document: str | None = None) -> None:
        """Choose the coders (and document) and compute at once."""
        for box, value in ((self.coder_a, a), (self.coder_b, b), (self.document, document)):
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(value), 0))
            box.blockSignals(False)
        self.compute()

    def compute(self) -> None:
        """Compute the figures for the chosen coders (on the calling thread: the cost grows
        with the number of the two coders' codings, not with the length of the texts)."""
        self._timer.stop()
        self._stale = False
        pair = self.coders()
        self.report = None
        self.compare.clear()
        if pair is not None:
            doc = self.current_document()
            try:
                with self.ctx.session() as s:
                    self.report = compute_agreement(
                        s,
                        coder_a=pair[0],
                        coder_b=pair[1],
                        document_names=[doc] if doc else None,
                    )
                    keys = list(self.report.codes)
                    self.names = code_names(s, keys=keys)
                    texts = stretch_texts(
                        s,
                        stretches=[
                            (d.document_id, d.start, d.end) for d in self.report.disagreements
                        ],
                    )
            except (TelaahError, SQLAlchemyError, ServerOffline) as exc:
                show_error(self, exc)
                self.report = None
        self.figures.set_report(self.report, self.names)
        if self.report is not None:
            self.disagreements.set_disagreements(self.report.disagreements, texts, self.names)
        else:
            self.disagreements.set_disagreements((), (), {})
        self._update_status()
        self._update_list_title()

    def _update_status(self) -> None:
        if self.coder_a.count() < 2:
            text = self.tr("Agreement needs codings by two coders on the same documents.")
        elif self.coders() is None:
            text = self.tr("Choose two different coders.")
        elif self.report is None:
            text = ""
        elif not self.report.documents:
            text = self.tr("These two coders have not coded any document in common.")
        else:
            text = self.tr(
                "Compared over every character of %n document(s). Report kappa or alpha: "
                "percent agreement includes the text neither coder coded. n/a: not defined "
                "(e.g. neither coder used the code).",
                "",
                len(self.report.documents),
            )
        self.status.setText(text)

    def _update_list_title(self) -> None:
        n = len(self.disagreements.rows)
        self.list_title.setText(self.tr("%n disagreement(s)", "", n))

    # --- disagreements ------------------------------------------------------------------------

    def open_disagreement(self, index: QModelIndex) -> None:
        """Show the two coders' codings over the disagreement and emit compareRequested."""
        d = index.siblingAtColumn(0).data(DISAGREEMENT_ROLE)
        if not isinstance(d, Disagreement) or self.report is None:
            return
        comparison = self.ctx.query(
            stretch_comparison,
            document_id=d.document_id,
            start=d.start,
            end=d.end,
            coders=[self.report.coder_a, self.report.coder_b],
        )
        keys = {o.code_key for over in comparison.codings.values() for o in over} | {d.code_key}
        names = self.ctx.query(code_names, keys=keys)
        shown = {k: self.ctx.code_name(v[0], v[1]) for k, v in names.items()}
        self.compare.show_comparison(comparison, d.code_key, shown)
        self.compareRequested.emit(d.document_id, d.start, d.end)

    # --- report -------------------------------------------------------------------------------

    def ask_report(self) -> None:
        from app.ui.review.report import ask_review_report

        ask_review_report(self.ctx, self, coders=self.coders(), document=self.current_document())
