"""GUI benchmarks, run in a child process each (offscreen Qt), printing one JSON object.

    python -m bench.gui_bench window  PROJECT DOC_ID...   open-project and open-document times
    python -m bench.gui_bench rss     PROJECT DOC_ID      resident memory with PROJECT open
    python -m bench.gui_bench scaling PROJECT CSV PNG     open time of every document → CSV, PNG
    python -m bench.gui_bench apply   PROJECT DOC_ID      select, apply a code, repainted
    python -m bench.gui_bench search  PROJECT WORD        search panel: first page, next page
    python -m bench.gui_bench corpus-plot CSV PNG         the L-against-XL plot of the CSV

"Open a document" is timed from ``MainWindow.open_document`` (query, text, codings, layout of
the visible part, highlighting) until the event queue is drained after it, with the window
shown; between runs another document is shown so no run finds its document already there.
"""

from __future__ import annotations

import csv
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import func, select

from app.models.project import open_project
from app.models.schema import Coding, Document
from bench.timing import measure, peak_rss_mb, rss_mb


def none_refcount_bug() -> bool:
    """True if Qt methods returning void drop a reference to None (PySide6 6.12.0 on
    CPython 3.11, where None is not yet immortal): the process then dies with
    "none_dealloc" after some thousands of such calls, e.g. while painting coding stripes."""
    from PySide6.QtCore import QRect

    rect = QRect(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for _ in range(100):
        rect.setWidth(2)
    return sys.getrefcount(None) < before - 50


def _pin_none() -> None:
    """Benchmark-only guard against :func:`none_refcount_bug`: give None a huge reference
    count so that the timings can be taken at all. The application itself is not guarded."""
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


NONE_BUG = none_refcount_bug()
if NONE_BUG:
    _pin_none()


def _app() -> QApplication:
    from app.main import ensure_app

    return ensure_app(["telaah-bench"])


def _open(path: Path) -> Any:
    from app.main import open_window

    window = open_window(path, coder="penguji")
    window.show()
    QApplication.processEvents()
    return window


def _close(window: QMainWindow) -> None:
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    gc.collect()


def _show(window: Any, doc_id: int) -> int:
    window.open_document(doc_id)
    QApplication.processEvents()
    return int(window.view.painted_pieces())


def _other(window: Any, doc_id: int) -> int:
    ids: list[int] = [row.id for row in window.documents.rows]
    return next(i for i in ids if i != doc_id)


def _doc_shape(path: Path, doc_id: int) -> tuple[int, int]:
    project = open_project(path)
    try:
        with project.session() as session:
            length = session.scalar(select(Document.length).where(Document.id == doc_id)) or 0
            codings = (
                session.scalar(select(func.count(Coding.id)).where(Coding.document_id == doc_id))
                or 0
            )
    finally:
        project.close()
    return length, codings


def open_document_times(window: Any, doc_id: int) -> dict[str, Any]:
    other = _other(window, doc_id)
    pieces = 0

    def one(_i: int) -> None:
        nonlocal pieces
        pieces = _show(window, doc_id)

    timing = measure(one, setup=lambda _i: _show(window, other))
    return {**timing.as_json(), "painted_pieces": pieces}


def run_window(path: Path, doc_ids: list[int]) -> dict[str, Any]:
    _app()
    samples = []  # the first opening is a warm-up (imports, caches) and is not kept
    for i in range(6):
        start = time.perf_counter()
        window = _open(path)
        elapsed = time.perf_counter() - start
        _close(window)
        if i:
            samples.append(elapsed)
    window = _open(path)
    docs = {}
    for doc_id in doc_ids:
        chars, codings = _doc_shape(path, doc_id)
        docs[str(doc_id)] = {
            "chars": chars,
            "codings": codings,
            **open_document_times(window, doc_id),
        }
    _close(window)
    return {
        "open_project": {"median": statistics.median(samples), "samples": samples},
        "open_document": docs,
    }


def run_rss(path: Path, doc_id: int) -> dict[str, Any]:
    _app()
    gc.collect()
    before = rss_mb()
    window = _open(path)
    _show(window, doc_id)
    QApplication.processEvents()
    gc.collect()
    return {"rss_mb": rss_mb(), "baseline_rss_mb": before, "peak_rss_mb": peak_rss_mb()}


def run_scaling(path: Path, csv_path: Path, png_path: Path) -> dict[str, Any]:
    from bench.plot import draw_scaling

    _app()
    window = _open(path)
    rows = []
    for row in window.documents.rows:
        chars, codings = _doc_shape(path, row.id)
        timing = open_document_times(window, row.id)
        rows.append(
            {
                "document": row.name,
                "chars": chars,
                "codings": codings,
                "open_s": round(timing["median"], 5),
            }
        )
    _close(window)
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["document", "chars", "codings", "open_s"])
        writer.writeheader()
        writer.writerows(rows)
    draw_scaling(rows, png_path)
    return {"rows": rows}


def run_apply(path: Path, doc_id: int) -> dict[str, Any]:
    """Select a span in the open document, apply the current code through the window (its
    undo command, committed) and let the window repaint: on a copy of ``path``."""
    import random

    _app()
    window = _open(path)
    window.open_document(doc_id)
    QApplication.processEvents()
    code_id = next(iter(window.codes.codes))
    length = len(window.view.toPlainText())
    rng = random.Random(5)
    added: list[int] = []

    def one(_i: int) -> None:
        start = rng.randrange(0, length - 500)
        window.view.select_span(start, start + rng.randint(20, 400))
        assert window.coding.apply_code(code_id)
        QApplication.processEvents()
        added.append(start)

    timing = measure(one, runs=15, warmup=2)
    pieces = int(window.view.painted_pieces())
    _close(window)
    return {**timing.as_json(), "applied": len(added), "painted_pieces": pieces}


def run_search(path: Path, word: str) -> dict[str, Any]:
    """What the search panel does: type ``word``, press Search, the first page of hits with
    context shown and painted (timed); then one scroll to the bottom fetching the next page
    (timed separately). Between runs another word is searched."""
    _app()
    window = _open(path)
    panel = window.search_panel
    window.bottom_tabs.setCurrentWidget(panel)  # the user has the Search tab open
    QApplication.processEvents()
    table = panel.table
    shown = 0

    def other(_i: int) -> None:
        panel.query.setText("zzzz")
        panel.go.click()
        QApplication.processEvents()

    def first(_i: int) -> None:
        nonlocal shown
        panel.query.setText(word)
        panel.go.click()
        QApplication.processEvents()
        shown = panel.model.rowCount()

    timing = measure(first, setup=other)

    def scroll_setup(_i: int) -> None:
        first(0)

    def scroll(_i: int) -> None:
        table.scrollToBottom()
        QApplication.processEvents()

    more = measure(scroll, setup=scroll_setup)
    after_scroll = panel.model.rowCount()
    _close(window)
    return {
        **timing.as_json(),
        "word": word,
        "hits_first_page": shown,
        "rows_after_one_scroll": after_scroll,
        "next_page": more.as_json(),
    }


def main(argv: list[str]) -> int:
    mode, path = argv[0], Path(argv[1])
    if mode == "window":
        result = run_window(path, [int(a) for a in argv[2:]])
    elif mode == "rss":
        result = run_rss(path, int(argv[2]))
    elif mode == "corpus-plot":
        from bench.plot import draw_corpus_scaling

        _app()
        with path.open(encoding="utf-8", newline="") as fh:
            result = {"plotted": draw_corpus_scaling(list(csv.DictReader(fh)), Path(argv[2]))}
    elif mode == "apply":
        result = run_apply(path, int(argv[2]))
    elif mode == "search":
        result = run_search(path, argv[2])
    elif mode == "scaling":
        result = run_scaling(path, Path(argv[2]), Path(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    result["pyside_none_refcount_bug"] = NONE_BUG
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
