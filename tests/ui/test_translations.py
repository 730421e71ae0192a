"""Every interface string has an Indonesian translation, and the compiled file is current."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

I18N = Path(__file__).resolve().parents[2] / "app" / "ui" / "i18n"


@pytest.mark.parametrize("name", ["telaah_id", "qtbase_id"])
def test_indonesian_translation_is_complete_and_compiled(name: str) -> None:
    root = ET.parse(I18N / f"{name}.ts").getroot()
    unfinished = [
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not "".join(msg.find("translation").itertext()).strip()  # type: ignore[union-attr]
    ]
    assert unfinished == []
    translator = QTranslator()
    assert translator.load(str(I18N / f"{name}.qm"))
    # The .qm holds what the .ts says (i.e. it was compiled after the last edit).
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            if msg.get("numerus") == "yes":
                continue
            source = msg.findtext("source") or ""
            expected = "".join(msg.find("translation").itertext())  # type: ignore[union-attr]
            assert translator.translate(name, source) == expected, (name, source)


def test_qt_own_dialog_strings_are_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QWizard

    from app.ui.language import apply_language

    apply_language("id")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Close
            | QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Open
        )
        qtbot.addWidget(box)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"OK", "Batal", "Tutup", "Simpan", "Buka"}
        message = QMessageBox(QMessageBox.Icon.Question, "t", "?")
        message.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        qtbot.addWidget(message)
        assert {b.text().replace("&", "") for b in message.buttons()} == {"Ya", "Tidak"}
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
        assert {"Cari di:", "Nama berkas:", "Jenis berkas:"} <= labels, labels
        wizard = QWizard()
        qtbot.addWidget(wizard)
        assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "") in (
            "Berikutnya >",
            "Berikutnya",
        )
        assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Batal"
    finally:
        apply_language("en")
