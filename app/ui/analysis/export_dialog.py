"""The export dialog: format, title, numbering, table number, quotes, depth, layout, filter
and the file, for one :class:`~app.coding.exports.catalogue.ExportKind`.

It starts in the project's folder with a file name made from the table's title and number
(kept in step with them until the researcher edits the file field). :meth:`request` is the
:class:`~app.coding.exports.catalogue.ExportRequest` the analysis window writes. Widgets carry
object names for tests (``exportDialog``, ``formatCombo``, ``titleEdit``, ``numberingCombo``,
``numberEdit``, ``quotesCombo``, ``quotesSpin``, ``depthCombo``, ``layoutCombo``,
``whereCombo``, ``sectionEdit``, ``pathEdit``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.coding.exports.catalogue import (
    FORMATS_OF,
    OPTIONS,
    ExportKind,
    ExportRequest,
    Option,
    file_name,
    free_path,
)
from app.coding.exports.table_kinds import LAYOUT_LABEL_CONTEXT, LAYOUTS
from app.coding.exports.table_options import DEFAULT_QUOTES, make_options
from app.ui.errors import error_message

_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


_FORMAT_NAMES = {"docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "csv": "CSV (.csv)"}


@dataclass(frozen=True)
class ExportSetup:
    """What the window knows when it opens the dialog: the request so far (kind, codebook,
    columns, cells, coder, names), the default title, the suggested table numbers per
    numbering, the project's folder and the filters it can offer (label, ``where`` text)."""

    base: ExportRequest
    default_title: str
    numbers: dict[str, str]
    folder: Path
    filters: tuple[tuple[str, str], ...] = ()
    heading: str = ""


class ExportDialog(QDialog):
    """Choices of one export; accepted only with a valid request (see the module)."""

    def __init__(self, setup: ExportSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setup = setup
        self.kind = ExportKind(setup.base.kind)
        self.options = OPTIONS[self.kind]
        self._path_touched = False
        self._request: ExportRequest | None = None
        self.setWindowTitle(setup.heading or self.tr("Export"))
        self._build()
        self._sync_path()

    # --- widgets ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_combo = _named(QComboBox(), "formatCombo")
        for fmt in FORMATS_OF[self.kind]:
            self.format_combo.addItem(_FORMAT_NAMES[fmt], fmt)
        form.addRow(self.tr("Format:"), self.format_combo)
        self.title_edit = _named(QLineEdit(), "titleEdit")
        self.title_edit.setPlaceholderText(self.setup.default_title)
        self.numbering_combo = _named(QComboBox(), "numberingCombo")
        self.numbering_combo.addItem(self.tr("By chapter (Tabel 4.1, 4.2…)"), "chapter")
        self.numbering_combo.addItem(self.tr("Continuous (Tabel 1, 2…)"), "continuous")
        self.number_edit = _named(QLineEdit(), "numberEdit")
        self.number_edit.setText(self.setup.numbers.get("chapter", "4.1"))
        self.number_edit.setMaximumWidth(90)
        if Option.TITLE in self.options:
            form.addRow(self.tr("Title:"), self.title_edit)
        self.figure_edit = _named(QLineEdit(), "figureEdit")
        self.figure_edit.setText(self.setup.numbers.get("figure-chapter", "4.1"))
        self.figure_edit.setMaximumWidth(90)
        if Option.NUMBERING in self.options:
            form.addRow(self.tr("Numbering:"), self.numbering_combo)
            form.addRow(self.tr("Table number:"), self.number_edit)
            if self.kind is ExportKind.SUMMARY:  # the summary's charts are figures
                form.addRow(self.tr("First figure number:"), self.figure_edit)
        self.quotes_combo = _named(QComboBox(), "quotesCombo")
        self.quotes_combo.addItem(
            self.tr("Starred first, then up to %1").replace("%1", str(DEFAULT_QUOTES)), "default"
        )
        self.quotes_combo.addItem(self.tr("Starred quotes only"), "starred")
        self.quotes_combo.addItem(self.tr("All quotes"), "all")
        self.quotes_combo.addItem(self.tr("At most this many:"), "n")
        self.quotes_spin = _named(QSpinBox(), "quotesSpin")
        self.quotes_spin.setRange(1, 50)
        self.quotes_spin.setValue(2 if self.kind is ExportKind.DRAFT else DEFAULT_QUOTES)
        if Option.QUOTES in self.options:
            row = QHBoxLayout()
            if self.kind is not ExportKind.DRAFT:
                row.addWidget(self.quotes_combo)
            row.addWidget(self.quotes_spin)
            row.addStretch(1)
            label = self.tr("Quotes per box:") if self.kind is ExportKind.DRAFT else self.tr(
                "Quotes per cell:")  # fmt: skip
            form.addRow(label, row)
        self.depth_combo = _named(QComboBox(), "depthCombo")
        self.depth_combo.addItem(self.tr("Every level"), 0)
        self.depth_combo.addItem(self.tr("Top-level boxes only"), 1)
        self.depth_combo.addItem(self.tr("Two levels"), 2)
        if Option.DEPTH in self.options:
            form.addRow(self.tr("Depth:"), self.depth_combo)
        self.layout_combo = _named(QComboBox(), "layoutCombo")
        for spec in LAYOUTS:
            self.layout_combo.addItem(
                QCoreApplication.translate(LAYOUT_LABEL_CONTEXT, spec.label), spec.layout.value
            )
        if Option.LAYOUT in self.options:
            form.addRow(self.tr("Layout:"), self.layout_combo)
        self.where_combo = _named(QComboBox(), "whereCombo")
        self.where_combo.addItem(self.tr("All evidence"), "")
        for label, where in self.setup.filters:
            self.where_combo.addItem(label, where)
        if Option.WHERE in self.options:
            form.addRow(self.tr("Only evidence of:"), self.where_combo)
        self.section_edit = _named(QLineEdit(), "sectionEdit")
        self.section_edit.setText(self.setup.base.section)
        self.section_edit.setMaximumWidth(90)
        if Option.SECTION in self.options:
            form.addRow(self.tr("Section number:"), self.section_edit)
        self.path_edit = _named(QLineEdit(), "pathEdit")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File:"), row)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(lambda _i: self._sync_path())
        self.title_edit.textChanged.connect(lambda _t: self._sync_path())
        self.number_edit.textChanged.connect(lambda _t: self._sync_path())
        self.numbering_combo.currentIndexChanged.connect(lambda _i: self._numbering_changed())
        self.quotes_combo.currentIndexChanged.connect(lambda _i: self._quotes_changed())
        self.path_edit.textEdited.connect(lambda _t: setattr(self, "_path_touched", True))
        self._quotes_changed()
        for combo in self.findChildren(QComboBox):
            # Long code names must not make the dialog wider than the screen (the labels
            # would be cut): the popup still shows them whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
        self.setMinimumWidth(600)

    # --- state --------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def title(self) -> str:
        return self.title_edit.text().strip() or self.setup.default_title

    def _numbering_changed(self) -> None:
        numbering = str(self.numbering_combo.currentData())
        self.number_edit.setText(self.setup.numbers.get(numbering, "1"))
        self.figure_edit.setText(self.setup.numbers.get(f"figure-{numbering}", "1"))

    def _quotes_changed(self) -> None:
        self.quotes_spin.setEnabled(
            self.kind is ExportKind.DRAFT or self.quotes_combo.currentData() == "n"
        )

    def _number(self) -> str | None:
        if Option.NUMBER not in self.options or self.fmt != "docx":
            return None
        return self.number_edit.text().strip() or None

    def _sync_path(self) -> None:
        """Keep the file name made from the title, number and format until it is edited."""
        fmt = self.fmt
        if self._path_touched and self.path_edit.text().strip():
            current = Path(self.path_edit.text().strip())
            self.path_edit.setText(str(current.with_suffix(f".{fmt}")))
            return
        number = self._number()
        if number and self.numbering_combo.currentData() == "chapter" and "." not in number:
            number = f"4.{number}"
        name = file_name(self.title, fmt, language=self.setup.base.language, number=number)
        self.path_edit.setText(str(free_path(self.setup.folder, name)))

    def browse(self) -> None:
        """A save dialog in the file field's folder with its name filled in."""
        fmt = self.fmt
        pattern = _FORMAT_NAMES[fmt].replace(f"(.{fmt})", f"(*.{fmt})")
        name, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path_edit.text(), pattern
        )
        if name:
            self._path_touched = True
            self.path_edit.setText(str(Path(name).with_suffix(f".{fmt}")))

    def _quotes(self) -> str | int | None:
        mode = str(self.quotes_combo.currentData())
        if mode == "n":
            return int(self.quotes_spin.value())
        return None if mode == "default" else mode

    def request(self) -> ExportRequest:
        """The export the choices describe; ``InvalidValue`` when one of them is wrong."""
        base = self.setup.base
        has = self.options.__contains__
        depth = int(self.depth_combo.currentData()) if has(Option.DEPTH) else 0
        options = make_options(
            title=self.title_edit.text() if has(Option.TITLE) else None,
            numbering=str(self.numbering_combo.currentData()),
            table_number=self.number_edit.text().strip() or None,
            quotes=self._quotes() if has(Option.QUOTES) else None,
            depth=depth or None,
            layout=str(self.layout_combo.currentData()) if has(Option.LAYOUT) else "wide",
            where=str(self.where_combo.currentData() or "") or None if has(Option.WHERE) else None,
        )
        text = self.path_edit.text().strip()
        if not text:
            from app.coding.errors import InvalidValue

            raise InvalidValue("file", "", "choose a file")
        path = Path(text).expanduser()
        if path.suffix.lower() != f".{self.fmt}":
            path = path.with_name(path.name + f".{self.fmt}")
        return replace(
            base, fmt=self.fmt, path=path, options=options,
            quotes_per_box=int(self.quotes_spin.value()),
            section=self.section_edit.text().strip() or base.section,
            figure_number=self.figure_edit.text().strip() if self.kind is ExportKind.SUMMARY
            else "",
        )  # fmt: skip

    @property
    def accepted_request(self) -> ExportRequest | None:
        """The request of the last accept (None before)."""
        return self._request

    def accept(self) -> None:
        try:
            self._request = self.request()
        except Exception as exc:  # an invalid choice: said in the dialog, which stays open
            self.error_label.setText(error_message(exc))
            self.error_label.show()
            return
        super().accept()


def where_filters(
    attribute_values: Sequence[tuple[str, str]],
    codes: Sequence[tuple[str, str]],
    *,
    code_label: str,
) -> tuple[tuple[str, str], ...]:
    """Filter choices: ``attr:KEY=VALUE`` per attribute value, then ``code:KEY`` per code
    (``code_label`` is the translated "overlapping %1")."""
    out = [(f"{key} = {value}", f"attr:{key}={value}") for key, value in attribute_values]
    out += [(code_label.replace("%1", name), f"code:{key}") for key, name in codes]
    return tuple(out)
