"""The language switches live: every open window, undo text and export follows, and coding
afterwards raises nothing (the rebuilt widgets leave no stale connection behind)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QMenu, QWidget

from app.coding.exports.catalogue import ExportKind
from tests.ui.test_coding import free_span, pick_code

I18N = Path(__file__).resolve().parents[2] / "app" / "ui" / "i18n"


def english_sources() -> set[str]:
    """Every English source string whose Indonesian translation differs from it."""
    found: set[str] = set()
    for name in ("telaah_id", "qtbase_id"):
        for msg in ET.parse(I18N / f"{name}.ts").getroot().iter("message"):
            source = (msg.findtext("source") or "").replace("&", "").strip()
            translation = "".join(msg.find("translation").itertext()).replace("&", "").strip()  # type: ignore[union-attr]
            if source and source != translation and "{" not in source and "%" not in source:
                found.add(source)
    return found


def shown_texts(win: QWidget) -> dict[str, str]:
    """The texts of every action, button and menu of ``win`` (object name → text)."""
    texts: dict[str, str] = {}
    for act in win.findChildren(QAction):
        if act.text() and not act.isSeparator():
            texts[act.objectName() or act.text()] = act.text()
    for button in win.findChildren(QAbstractButton):
        if button.text():
            texts[button.objectName() or button.text()] = button.text()
    for menu in win.findChildren(QMenu):
        if menu.title():
            texts[menu.objectName() or menu.title()] = menu.title()
    for dock in win.findChildren(QDockWidget):
        texts[dock.objectName()] = dock.windowTitle()
    return {k: v.replace("&", "").split("\t")[0].strip() for k, v in texts.items()}


def english_left(win: QWidget, sources: set[str]) -> dict[str, str]:
    return {k: v for k, v in shown_texts(win).items() if v in sources}


def _switch(window, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    window.find_action(name).trigger()
    qtbot.wait(30)  # the LanguageChange events go round, every window rebuilds once


def test_two_windows_switch_live_with_undo_texts_and_exports(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sources = english_sources()
    window.find_action("actionOpenAnalysis").trigger()
    analysis = window.companions.analysis_window
    assert analysis is not None and analysis.isVisible()
    # an edit made in English
    code = pick_code(window, 1)
    start, end = free_span(window)
    window.view.select_span(start, end)
    window.tree.select_code(code)
    window.find_action("actionApplyCode").trigger()
    name = window.codes.name_of(code)
    assert window.find_action("actionUndo").text() == f"Undo Apply “{name}”"
    assert english_left(window, sources)  # the check sees English when it is there

    _switch(window, qtbot, "actionLanguageIndonesian")
    assert english_left(window, sources) == {}
    assert english_left(analysis, sources) == {}
    assert analysis.windowTitle() == "Analisis"
    # the undo text made before the switch reads in Indonesian
    assert window.find_action("actionUndo").text() == f"Urungkan Terapkan “{name}”"
    # exports follow: the summary table is titled and numbered in Indonesian
    setup = analysis.exporter.setup(ExportKind.SUMMARY)
    assert setup.base.language == "id"
    assert setup.default_title.startswith("Ringkasan")
    # coding afterwards works and nothing stale reacts (pytest-qt fails on exceptions)
    window.find_action("actionUndo").trigger()
    window.view.select_span(start, end)
    window.find_action("actionApplyCode").trigger()
    qtbot.wait(30)
    assert window.find_action("actionUndo").text().startswith("Urungkan Terapkan “")

    _switch(window, qtbot, "actionLanguageEnglish")
    assert window.find_action("actionUndo").text().startswith("Undo Apply “")
    assert analysis.windowTitle() == "Analysis"
    assert analysis.exporter.setup(ExportKind.SUMMARY).base.language == "en"
    assert window.findChild(QDockWidget, "codesDock").windowTitle() == "Codes"


def test_a_second_project_window_follows_the_switch(
    window, qtbot, tmp_path, study_template
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from app.main import open_window

    other_path = tmp_path / "kedua" / "studi kedua.telaah"
    other_path.parent.mkdir()
    shutil.copy(study_template, other_path)
    other = open_window(other_path)
    qtbot.addWidget(other)
    other.show()
    _switch(window, qtbot, "actionLanguageIndonesian")
    assert other.findChild(QDockWidget, "codesDock").windowTitle() == "Kode"
    assert other.find_action("actionLanguageIndonesian").isChecked()
    assert other.ctx.language == "id"
    assert english_left(other, english_sources()) == {}
    _switch(other, qtbot, "actionLanguageEnglish")
    assert window.findChild(QDockWidget, "codesDock").windowTitle() == "Codes"
    other.close()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is other] == []


def test_a_window_opens_in_the_installed_language_not_only_the_saved_one(qtbot, study_path) -> None:  # type: ignore[no-untyped-def]
    """The start window's language was switched for this run only (nothing saved yet): the
    project window's code names follow the menus, instead of English names under Indonesian
    menus."""
    from PySide6.QtCore import QSettings

    from app.main import open_window
    from app.ui.language import apply_language, saved_language

    QSettings().setValue("language", "en")
    apply_language("id")
    try:
        assert saved_language() == "en"
        win = open_window(study_path)
        qtbot.addWidget(win)
        model = win.tree.model()
        books = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert win.ctx.language == "id"
        assert "Empat Co" in books and "Modal sosial" in books, books
        win.close()
    finally:
        apply_language("en")
        QSettings().remove("language")
