"""What a student sees on day one, on a 1280×720 laptop as on a large screen: charts with
whole labels, a compact stripe legend, docks that fit, an empty project that says what to do
next, and a language switch that leaves nothing stale or English behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFontMetrics
from PySide6.QtWidgets import QDockWidget, QMenu, QPushButton, QTabBar, QWidget

from app.models.project import create_project, open_project
from app.ui.analysis.charts import Bar, BarChart
from tests.ui.conftest import SAMPLES
from tests.ui.test_live_language import english_left, english_sources

LONG = "Joint action to make public services more effective in every village of the district"


def test_chart_rows_fit_their_labels_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart()
    qtbot.addWidget(chart)
    bars = [Bar(f"Code number {i} with descenders (gjpqy)", i + 1, i % 2) for i in range(24)]
    bars.append(Bar(LONG, 3, 1))
    chart.resize(640, 200)  # far too short for 25 rows: the chart grows instead of cramming
    chart.set_bars("Excerpts by code", bars)
    chart.show()
    qtbot.waitExposed(chart)
    chart.grab()  # paints it
    metrics = QFontMetrics(chart.font())
    assert len(chart.rows) == len(bars)
    for bar, row in zip(bars, chart.rows, strict=True):
        # every word is drawn, none elided, each line has a full line of height
        assert " ".join(row.lines).split() == bar.label.split()
        assert "…" not in "".join(row.lines)
        assert row.height >= len(row.lines) * metrics.lineSpacing()
        assert row.top + row.height <= chart.height()
    assert len(chart.rows[-1].lines) > 1  # the long label wraps rather than being cut


def test_stripe_legend_is_compact_and_stripes_stay_narrow(window) -> None:  # type: ignore[no-untyped-def]
    header, stripes, view = window.stripe_header, window.view.stripes, window.view
    header.repaint()
    assert 0 < header.height() <= 40
    assert header.items, "the legend names the codes on screen"
    for rect, code in header.items:
        assert rect.width() > rect.height()  # written across, not upwards
        assert view.names[code]
    assert stripes.width() <= view.width() * 0.21
    # every coding has a bar: lanes, not one column per code
    assert stripes.lane_count < len(stripes.columns)


def test_window_fits_a_1280x720_screen(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 680  # a taskbar still fits
    window.resize(1280, 680)
    window.fit_docks()
    qtbot.wait(50)
    codes = window.findChild(QDockWidget, "codesDock")
    assert codes.height() >= 200 and codes.width() >= 300
    tree = window.tree
    model = tree.model()
    metrics = tree.fontMetrics()
    for r in range(model.rowCount()):
        book = model.index(r, 0)
        for c in range(model.rowCount(book)):
            index = model.index(c, 0, book)
            rect = tree.visualRect(index)
            name = str(index.data())
            assert metrics.horizontalAdvance(name) + 24 <= rect.width(), name  # not cut


def test_no_stray_dock_tab_bar_after_switching_language(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    def bars() -> list[QTabBar]:
        return [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]

    before = len(bars())
    for name in ("actionLanguageIndonesian", "actionLanguageEnglish", "actionLanguageIndonesian"):
        window.find_action(name).trigger()
        qtbot.wait(30)
    assert len(bars()) == before == 0
    assert window.details_tabs.tabText(0) == "Rincian pengodean"


def _empty_window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.language import apply_language

    apply_language("en")
    path = tmp_path / "Tesis" / "kosong.telaah"
    path.parent.mkdir()
    create_project(path).close()
    win = open_window(path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win, path


def test_empty_project_says_how_to_import_and_imports_dropped_files(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win, path = _empty_window(qtbot, tmp_path)
    hint = win.findChild(QWidget, "emptyDocumentsHint")
    assert hint.isVisible() and not win.doc_list.isVisible()
    assert "Drag" in hint.text.text()
    assert not win.speaker_box.isVisible()  # no "Show turns of:" over no document
    assert win.findChild(QPushButton, "importDocumentsButton").isVisible()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SAMPLES / "INF09_Sulastri_PKK.txt"))])
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    hint.dropEvent(drop)  # what Qt's drag and drop calls on the widget under the drop
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: bool(win.documents.rows), timeout=10000)
    assert win.doc_list.isVisible() and not hint.isVisible()
    qtbot.waitUntil(lambda: win.speaker_box.isVisible())
    qtbot.waitUntil(lambda: not win.tasks)
    win.close()
    project = open_project(path)
    try:
        from app.coding.workbench_queries import list_document_rows

        with project.session() as s:
            assert [d.name for d in list_document_rows(s)] == ["INF09_Sulastri_PKK.txt"]
    finally:
        project.close()


def test_empty_code_tree_offers_the_bundled_codebooks(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win, path = _empty_window(qtbot, tmp_path)
    hint = win.findChild(QWidget, "emptyCodesHint")
    assert hint.isVisible() and not win.tree.isVisible()
    button = win.findChild(QPushButton, "addCodebook_loeffler")
    assert button.isVisible() and "Four Co" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.tree.isVisible() and not hint.isVisible()
    assert [b.key for b in win.codes.books] == ["loeffler"]
    # Project ▸ Add codebook: the bundled ones by name, then a file
    menu = win.menuBar().findChild(QMenu, "menuAddCodebook")
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.objectName() for a in entries[:4]] == [
        "actionAddCodebook_loeffler",
        "actionAddCodebook_cepiku",
        "actionAddCodebook_putnam",
        "actionAddCodebook_participation",
    ]
    assert entries[-1].text() == "From a file (.toml, .qdc)…"
    menu.aboutToShow.emit()
    assert not entries[0].isEnabled() and entries[1].isEnabled()  # Four Co's is in already
    entries[2].trigger()
    assert [b.key for b in win.codes.books] == ["loeffler", "putnam"]
    win.find_action("actionUndo").trigger()
    assert [b.key for b in win.codes.books] == ["loeffler"]
    win.close()
    project = open_project(path)
    try:
        from app.coding.workbench_queries import list_codebook_rows

        with project.session() as s:
            assert [b.key for b in list_codebook_rows(s)] == ["loeffler"]
    finally:
        project.close()


def test_hints_review_windows_and_rescue_name_switch_language(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.main import make_launcher

    win, path = _empty_window(qtbot, tmp_path)
    agreement = win.companions.show_agreement()
    sources = english_sources()
    win.find_action("actionLanguageIndonesian").trigger()
    qtbot.wait(30)
    hint = win.findChild(QWidget, "emptyDocumentsHint")
    assert hint.text.text().startswith("Belum ada dokumen")
    assert english_left(win, sources) == {}
    assert agreement.windowTitle() == "Kesepakatan antarpengode – Telaah"
    assert english_left(agreement, sources) == {}
    assert make_launcher().rescue_target(path).name == "kosong (bersih).telaah"
    # editing after the switch: nothing stale reacts (pytest-qt fails on exceptions in slots)
    win.findChild(QPushButton, "addCodebook_putnam").click()
    win.find_action("actionUndo").trigger()
    assert win.find_action("actionRedo").text() == "Ulangi Tambah buku kode"
    win.find_action("actionLanguageEnglish").trigger()
    qtbot.wait(30)
    assert win.find_action("actionRedo").text() == "Redo Add codebook"
    assert agreement.windowTitle() == "Intercoder agreement – Telaah"
    agreement.close()
    win.close()


def test_start_window_without_recent_projects_keeps_its_lines_together(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_start_window

    start = open_start_window()
    qtbot.addWidget(start)
    start.resize(900, 640)
    start.show()
    qtbot.waitExposed(start)
    assert start.no_recent.isVisible() and not start.recent.isVisible()
    # heading, intro and buttons read as one block, not spread over the window
    assert start.intro.y() - start.heading.geometry().bottom() <= 30
    assert start.buttons[0].y() - start.intro.geometry().bottom() <= 30
