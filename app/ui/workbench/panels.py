"""The excerpt panel and the search panel (bottom of the main window)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.coding.retrieval import Excerpt
from app.coding.search import SearchHit, SearchPage
from app.coding.workbench_queries import DocumentRow
from app.ui.server.offline import keeps_last_view
from app.ui.workbench.excerpt_model import EXCERPT_ROLE, TEXT, ExcerptFilter, ExcerptModel
from app.ui.workbench.search_model import HIT_ROLE, PageFetcher, SearchHitModel


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


class ExcerptPanel(QWidget):
    """``excerptList`` with filters; double-click jumps to the source."""

    jumpRequested = Signal(int, int, int)  # document id, start, end

    def __init__(self, model: ExcerptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.title = QLabel(self)
        self.attribute = QComboBox(self)
        self.attribute.setObjectName("excerptAttributeFilter")
        self.coder = QComboBox(self)
        self.coder.setObjectName("excerptCoderFilter")
        self.document = QComboBox(self)
        self.document.setObjectName("excerptDocumentFilter")
        self.speaker = QComboBox(self)
        self.speaker.setObjectName("excerptSpeakerFilter")
        for box in (self.attribute, self.coder, self.document, self.speaker):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumContentsLength(10)
            box.currentIndexChanged.connect(self._apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.title, 1)
        for label, box in (
            (self.tr("Case:"), self.attribute),
            (self.tr("Coder:"), self.coder),
            (self.tr("Document:"), self.document),
            (self.tr("Speaker:"), self.speaker),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(box)
        self.table = _table(self, "excerptList")
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._jump)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self._update_title)
        self._update_title()

    def set_choices(
        self,
        *,
        attributes: dict[str, tuple[str, ...]],
        coders: tuple[str, ...],
        documents: list[DocumentRow],
        speakers: tuple[str, ...],
    ) -> None:
        """Fill the filter boxes (keeps the current choices where they still exist)."""
        for box in (self.attribute, self.coder, self.document, self.speaker):
            box.blockSignals(True)
        _fill(
            self.attribute,
            self.tr("any"),
            [(f"{k} = {v}", (k, v)) for k, vals in attributes.items() for v in vals],
        )
        _fill(self.coder, self.tr("any"), [(c, c) for c in coders])
        _fill(self.document, self.tr("any"), [(d.name, d.id) for d in documents])
        _fill(self.speaker, self.tr("any"), [(s, s) for s in speakers])
        for box in (self.attribute, self.coder, self.document, self.speaker):
            box.blockSignals(False)
        self._apply_filter()

    @keeps_last_view
    def _apply_filter(self) -> None:
        self.model.set_filter(
            ExcerptFilter(
                attribute=self.attribute.currentData(),
                coder=self.coder.currentData(),
                document_id=self.document.currentData(),
                speaker=self.speaker.currentData(),
            )
        )

    def _update_title(self) -> None:
        n = self.model.rowCount()
        if self.model.code_id is None:
            self.title.setText(self.tr("Select a code to see its excerpts."))
        else:
            self.title.setText(self.tr("%n excerpt(s)", "", n))

    def _jump(self, index: QModelIndex) -> None:
        e = self.model.data(index, EXCERPT_ROLE)
        if isinstance(e, Excerpt):
            self.jumpRequested.emit(e.document_id, e.start, e.end)


def _fill(box: QComboBox, any_label: str, items: list[tuple[str, object]]) -> None:
    current = box.currentData()
    box.clear()
    box.addItem(any_label, None)
    for label, value in items:
        box.addItem(label, value)
    found = box.findData(current) if current is not None else 0
    box.setCurrentIndex(max(found, 0))


UNITS = ("match", "sentence", "paragraph", "turn")
#: Longest code name the "Code all hits as «…»" button shows whole (longer ones end in …).
_BUTTON_NAME = 36


class SearchPanel(QWidget):
    """Search across all documents; code all hits with the current code."""

    searchRequested = Signal(str, bool)
    codeAllRequested = Signal(str, bool, str, bool)  # query, regex, unit, informants only
    jumpRequested = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchHitModel()
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("Word, phrase or pattern"))
        self.regex = QCheckBox(self.tr("Regular expression"), self)
        self.regex.setObjectName("searchRegex")
        self.go = QPushButton(self.tr("Search"), self)
        self.go.setObjectName("searchButton")
        self.unit = QComboBox(self)
        self.unit.setObjectName("searchUnit")
        unit_labels = {
            "match": self.tr("the match"),
            "sentence": self.tr("its sentence"),
            "paragraph": self.tr("its paragraph"),
            "turn": self.tr("its speaker turn"),
        }
        for unit in UNITS:
            self.unit.addItem(unit_labels[unit], unit)
        self.informants_only = QCheckBox(self.tr("Informant turns only"), self)
        self.informants_only.setObjectName("searchInformantsOnly")
        self.informants_only.setToolTip(
            self.tr("Skip the hits in the interviewer’s turns (Peneliti, Pewawancara, P, Q…)")
        )
        self.code_all = QPushButton(self)
        self.code_all.setObjectName("codeAllHits")
        self.set_code_name(None)
        self.status = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.query, 2)
        row.addWidget(self.regex)
        row.addWidget(self.go)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Code:"), self))
        row.addWidget(self.unit)
        row.addWidget(self.informants_only)
        row.addWidget(self.code_all)
        self.table = _table(self, "searchResults")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.go.clicked.connect(self._search)
        self.query.returnPressed.connect(self._search)
        self.code_all.clicked.connect(
            lambda: self.codeAllRequested.emit(
                self.query.text(),
                self.regex.isChecked(),
                str(self.unit.currentData()),
                self.informants_only.isChecked(),
            )
        )
        self.table.doubleClicked.connect(self._jump)
        self.model.grown.connect(self._update_status)

    def set_code_name(self, name: str | None) -> None:
        """Name the code "Code all hits" applies (the current code), or say none is chosen."""
        if name is None:
            self.code_all.setText(self.tr("Code all hits"))
            self.code_all.setToolTip(self.tr("Choose a code in the code tree first."))
            return
        short = name if len(name) <= _BUTTON_NAME else name[: _BUTTON_NAME - 1] + "…"
        self.code_all.setText(self.tr("Code all hits as «{0}»").format(short))
        self.code_all.setToolTip(self.tr("Code every hit with “{0}”").format(name))

    def _search(self) -> None:
        self.searchRequested.emit(self.query.text(), self.regex.isChecked())

    def show_hits(self, page: SearchPage, fetch: PageFetcher | None = None) -> None:
        """Show the first ``page`` of hits; ``fetch`` brings the next pages on scrolling."""
        self.model.set_page(page, fetch)
        self._update_status()

    def _update_status(self) -> None:
        hits = self.model.rows
        docs = len({h.document_id for h in hits})
        found = (
            self.tr("%n hit(s) shown, more as you scroll", "", len(hits))
            if self.model.has_more()
            else self.tr("%n hit(s)", "", len(hits))
        )
        self.status.setText(found + " · " + self.tr("%n document(s)", "", docs))

    def _jump(self, index: QModelIndex) -> None:
        hit = self.model.data(index, HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.jumpRequested.emit(hit.document_id, hit.start, hit.end)
