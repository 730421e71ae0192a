"""The interface switches between English and Bahasa Indonesia, and nothing is cut off."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QTreeView, QWidget


def visible_clipped(win: QWidget) -> list[str]:
    """Labels and buttons narrower than the text they show."""
    clipped = []
    for w in win.findChildren(QLabel) + win.findChildren(QAbstractButton):
        if not w.isVisibleTo(win) or (isinstance(w, QLabel) and w.wordWrap()):
            continue
        text = w.text()
        if text and w.width() < w.minimumSizeHint().width():
            clipped.append(text)
    return clipped


def test_switching_language_changes_visible_labels(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dock = window.findChild(QDockWidget, "codesDock")
    assert dock.windowTitle() == "Codes"
    assert window.find_action("actionApplyCode").text() == "Apply code"
    tree = window.findChild(QTreeView, "codebookTree")
    assert tree.model().index(0, 0).data() == "Four Co's"
    window.find_action("actionLanguageIndonesian").trigger()
    dock = window.findChild(QDockWidget, "codesDock")
    assert dock.windowTitle() == "Kode"
    assert window.find_action("actionApplyCode").text() == "Terapkan kode"
    assert window.find_action("actionLanguageIndonesian").isChecked()
    tree = window.findChild(QTreeView, "codebookTree")
    assert tree.model().index(0, 0).data() == "Empat Co"  # code names follow the language
    assert window.excerpts.title.text() == "Pilih kode untuk melihat kutipannya."
    assert QSettings().value("language") == "id"
    # the document and its codings are still shown after the rebuild
    qtbot.waitUntil(lambda: window.view.painted_pieces() > 0)
    assert window.view.stripes.columns
    assert visible_clipped(window) == []
    window.find_action("actionLanguageEnglish").trigger()
    assert window.findChild(QDockWidget, "codesDock").windowTitle() == "Codes"
    assert QSettings().value("language") == "en"
    assert visible_clipped(window) == []
