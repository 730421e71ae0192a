"""Dialog to create or edit a code: in each language its name, definition and decision rules
(use when / do not use when), then the reference it rests on and its colour."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

#: What the dialog edits beside names, definitions and colour (named as in ``update_code``).
EXTRA_FIELDS = ("reference", "use_when_id", "use_when_en", "not_use_when_id", "not_use_when_en")

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
)  # fmt: skip


class CodeDialog(QDialog):
    """Collects the fields of a code; :meth:`values` returns them."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        name_id: str = "",
        name_en: str = "",
        definition_id: str = "",
        definition_en: str = "",
        colour: str = PALETTE[0],
        indicator_of: str | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codeDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.name_id = QLineEdit(name_id, self)
        self.name_id.setObjectName("codeNameId")
        self.name_en = QLineEdit(name_en, self)
        self.name_en.setObjectName("codeNameEn")
        self.def_id = QPlainTextEdit(definition_id, self)
        self.def_id.setObjectName("codeDefinitionId")
        self.def_en = QPlainTextEdit(definition_en, self)
        self.def_en.setObjectName("codeDefinitionEn")
        given = dict(extra or {})
        self.rules: dict[str, QPlainTextEdit] = {}
        for name in EXTRA_FIELDS[1:]:
            edit = QPlainTextEdit(given.get(name, ""), self)
            edit.setObjectName("code_" + name)
            edit.setFixedHeight(64)  # two or three lines; a rule is a sentence or two
            self.rules[name] = edit
        for edit in (self.def_id, self.def_en):
            edit.setMinimumHeight(96)
        self.reference = QLineEdit(given.get("reference", ""), self)
        self.reference.setObjectName("codeReference")
        self.reference.setPlaceholderText(self.tr("e.g. Loeffler and Bovaird (2021), p. 12"))
        self.colour = colour
        self.colour_button = QPushButton(self)
        self.colour_button.setObjectName("codeColour")
        self.colour_button.clicked.connect(self._pick_colour)
        self._show_colour()
        self.as_indicator = QCheckBox(self)
        if indicator_of is not None:
            self.as_indicator.setText(self.tr("As an indicator of “{0}”").format(indicator_of))
            self.as_indicator.setChecked(True)
        else:
            self.as_indicator.hide()
        # One tab per language: a code is written in both, and a tab keeps the dialog short.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("codeLanguages")
        for language, name_edit, definition in (
            ("id", self.name_id, self.def_id),
            ("en", self.name_en, self.def_en),
        ):
            page = QWidget(self.tabs)
            form = QFormLayout(page)
            form.addRow(self.tr("Name:"), name_edit)
            form.addRow(self.tr("Definition:"), definition)
            form.addRow(self.tr("Use when:"), self.rules[f"use_when_{language}"])
            form.addRow(self.tr("Do not use when:"), self.rules[f"not_use_when_{language}"])
            # Each language by its own name, as in View ▸ Language.
            self.tabs.addTab(page, "Bahasa Indonesia" if language == "id" else "English")
        form = QFormLayout()
        form.addRow(self.tr("Reference:"), self.reference)
        form.addRow(self.tr("Colour:"), self.colour_button)
        form.addRow("", self.as_indicator)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour)
        self.colour_button.setStyleSheet(
            f"QPushButton {{ background: {self.colour}; color: "
            f"{'#000' if QColor(self.colour).lightness() > 140 else '#fff'}; }}"
        )

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Code colour"))
        if chosen.isValid():
            self.colour = chosen.name()
            self._show_colour()

    def _accept(self) -> None:
        if not self.name_id.text().strip() and not self.name_en.text().strip():
            self.tabs.setCurrentIndex(0)
            self.name_id.setFocus()
            self.name_id.setPlaceholderText(self.tr("A name is required"))
            return
        self.accept()

    def values(self) -> dict[str, str]:
        name_id = self.name_id.text().strip() or self.name_en.text().strip()
        return {
            "name_id": name_id,
            "name_en": self.name_en.text().strip() or name_id,
            "definition_id": self.def_id.toPlainText().strip(),
            "definition_en": self.def_en.toPlainText().strip(),
            "colour": self.colour,
            "reference": self.reference.text().strip(),
            **{name: edit.toPlainText().strip() for name, edit in self.rules.items()},
        }
