"""Benchmarks of the headless core on generated corpora (no Qt here).

Each function returns ``(value, details)``: the median in seconds (or a ratio) and a dict of
extra figures for the JSON report.
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import docx
from sqlalchemy import func, select

from app.coding.analysis.matrix import build_matrix
from app.coding.codings import apply_code
from app.coding.documents import import_files
from app.coding.importing import extract
from app.models.project import Project, create_project, open_project
from app.models.schema import Codebook, Coding, Document
from bench.corpus import CorpusSize, TextMaker, make_corpus
from bench.import_set import library_read, write_import_set
from bench.timing import RUNS, measure

Result = tuple[float, dict[str, Any]]

#: The codebooks the matrix benchmarks use: rows, and the columns of the co-occurrence.
MATRIX_ROWS = "loeffler"
COOCCURRENCE_COLS = "cepiku"
#: A corpus whose participation codebook (4 codes) holds exactly 2,000 codings.
EXPORT_SHAPE = CorpusSize(
    documents=40,
    words=3_000,
    codes=39,
    cases=40,
    codings=2_000,
    coding_codebooks=("participation",),
)


def apply_coding(corpus: Path, workdir: Path) -> Result:
    """One ``apply_code`` (committed, synchronous=FULL) on a copy of the corpus."""
    copy = workdir / "apply-copy.telaah"
    shutil.copyfile(corpus, copy)
    project = open_project(copy)
    try:
        return time_apply(project, range(1, 151))
    finally:
        project.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)


def time_apply(project: Project, code_ids: Sequence[int]) -> Result:
    """One committed ``apply_code`` of a random code on a random span, timed (also the
    server figure, ``bench.pg_bench``)."""
    with project.session() as session:
        docs = session.execute(select(Document.id, Document.length)).all()
        before = session.scalar(select(func.count(Coding.id))) or 0
    rng = random.Random(3)

    def one(_i: int) -> None:
        doc_id, length = rng.choice(docs)
        start = rng.randrange(0, length - 400)
        with project.session() as session:
            apply_code(
                session,
                document_id=doc_id,
                code_id=rng.choice(code_ids),
                start=start,
                end=start + rng.randint(20, 400),
                coder="penguji",
            )

    timing = measure(one, runs=15, warmup=2)
    with project.session() as session:
        after = session.scalar(select(func.count(Coding.id))) or 0
    return timing.median, {
        "samples": timing.as_json()["samples"],
        "codings_before": before,
        "added": after - before,
    }


def matrix(corpus: Path, *, cols: str) -> Result:
    """``build_matrix`` of the rows codebook against ``cols`` (counts) on the corpus."""
    project = open_project(corpus)
    try:
        cells = 0

        def one(_i: int) -> None:
            nonlocal cells
            with project.session() as session:
                m = build_matrix(session, rows=MATRIX_ROWS, cols=cols)
                cells = len(m.rows) * len(m.columns)

        timing = measure(one)
        with project.session() as session:
            books = list(session.scalars(select(Codebook.key).order_by(Codebook.sort_order)))

        def every(_i: int) -> None:
            with project.session() as session:
                for key in books:
                    build_matrix(session, rows=key, cols=cols if cols != MATRIX_ROWS else key)

        all_books = measure(every, runs=3)
    finally:
        project.close()
    return timing.median, {
        "samples": timing.as_json()["samples"],
        "rows": MATRIX_ROWS,
        "cols": cols,
        "cells": cells,
        "every_codebook_as_rows_s": round(all_books.median, 4),
    }


def export_docx(workdir: Path) -> Result:
    """Word export of a matrix (participation × group, quotes) holding 2,000 quotes."""
    from app.coding.exports.matrix import export_matrix

    corpus = workdir / "export-corpus.telaah"
    if not corpus.exists():
        make_corpus(corpus, EXPORT_SHAPE, seed=5)
    project = open_project(corpus)
    try:
        with project.session() as session:
            m = build_matrix(session, rows="participation", cols="attr:group", with_quotes=True)
            quotes = sum(
                len(m.cell_quotes(r, c, own_only=True))
                for r in range(len(m.rows))
                for c in range(len(m.columns))
            )
        target = workdir / "matriks.docx"

        def one(_i: int) -> None:
            with project.session() as session:
                export_matrix(
                    session,
                    path=target,
                    fmt="docx",
                    rows="participation",
                    cols="attr:group",
                    cells="quotes",
                )

        timing = measure(one)
        size = target.stat().st_size
    finally:
        project.close()
    return timing.median, {
        "samples": timing.as_json()["samples"],
        "quotes": quotes,
        "docx_bytes": size,
    }


#: The import targets: a transcript of this many characters as a .docx file.
IMPORT_DOCX = {"import_docx_60k": 60_000, "import_docx_380k": 380_000}


def import_docx(workdir: Path) -> dict[str, Result]:
    """``import_files`` of one generated .docx transcript into an empty project: reading,
    checking, parsing, speaker turns, the stored text, segments and search index, and the
    commit (synchronous=FULL). The project is created and opened untimed before each run."""
    folder = workdir / "import-docx"
    folder.mkdir(parents=True, exist_ok=True)
    maker = TextMaker(random.Random(17))
    results: dict[str, Result] = {}
    for key, chars in IMPORT_DOCX.items():
        path = folder / f"wawancara-{chars}.docx"
        document = docx.Document()
        for paragraph in maker.transcript(chars=chars):
            document.add_paragraph(paragraph)
        document.save(str(path))
        results[key] = _import_one(path, folder / f"impor-{chars}.telaah")
    return results


def _import_one(path: Path, target: Path) -> Result:
    opened: list[Project] = []
    shape: dict[str, int] = {}

    def fresh(_i: int) -> None:
        while opened:
            opened.pop().close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        create_project(target).close()
        opened.append(open_project(target))

    def one(_i: int) -> None:
        with opened[-1].session() as session:
            done = import_files(session, paths=[path], all_or_nothing=True).imported[0]
        shape.update(chars=done.length, paragraphs=done.paragraphs, turns=done.turns)

    try:
        timing = measure(one, runs=9, warmup=2, setup=fresh)
    finally:
        while opened:
            opened.pop().close()
    return timing.median, {**timing.as_json(), **shape}


def _interleaved(
    fns: dict[str, Callable[[], object]], setup: Callable[[], object], runs: int = RUNS
) -> dict[str, float]:
    """Median time of each of ``fns``, run in turn inside each round (one warm-up round), so
    that load from other processes on a shared machine hits all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for i in range(runs + 1):
        for name, fn in fns.items():
            setup()
            start = time.perf_counter()
            fn()
            if i:
                samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def import_ratio(workdir: Path) -> Result:
    """``import_files`` time (read, check, parse, normalise, store with its search index,
    commit) ÷ the parsing libraries' own time (python-docx, pdfminer.six, a plain decode) over
    the same generated files. ``extract_ratio`` leaves the storing out."""
    files = write_import_set(workdir / "import-set")
    every = [p for paths in files.values() for p in paths]
    target = Path(tempfile.mkdtemp(dir=workdir)) / "impor.telaah"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        create_project(target).close()

    details: dict[str, Any] = {}
    for fmt, paths in [*files.items(), ("all", every)]:

        def library(ps: list[Path] = paths) -> None:
            for p in ps:
                library_read(p)

        def extracting(ps: list[Path] = paths) -> None:
            for p in ps:
                extract(p)

        def ours(ps: list[Path] = paths) -> None:
            project = open_project(target)
            try:
                with project.session() as session:
                    result = import_files(session, paths=ps, all_or_nothing=True)
                    assert len(result.imported) == len(ps)
            finally:
                project.close()

        t = _interleaved({"library": library, "extract": extracting, "import": ours}, fresh)
        details[fmt] = {
            "files": len(paths),
            "import_s": round(t["import"], 4),
            "extract_s": round(t["extract"], 4),
            "library_s": round(t["library"], 4),
            "ratio": round(t["import"] / t["library"], 3),
            "extract_ratio": round(t["extract"] / t["library"], 3),
        }
    return details["all"]["ratio"], details


#: ``autocode_L_50k_hits``: "we" in Indonesian has two common words (exclusive and
#: inclusive); coded by sentence they give about 50k spans over corpus L.
AUTOCODE_PATTERN = r"\bkami\b|\bkita\b"
#: ``search_L``: a word of the corpus vocabulary (~23k hits over corpus L) and the page the
#: search panel shows first.
SEARCH_WORD = "musyawarah"
SEARCH_PAGE = 200  # app.ui.workbench.search_actions.PAGE_SIZE


def matrix_all(corpus: Path, *, cols: str) -> Result:
    """``build_matrix`` of every code (``*``) against ``cols`` (``cases`` or ``*``)."""
    project = open_project(corpus)
    try:
        cells = 0

        def one(_i: int) -> None:
            nonlocal cells
            with project.session() as session:
                m = build_matrix(session, rows="*", cols=cols)
                cells = sum(1 for _ in m.evidence)

        timing = measure(one)
    finally:
        project.close()
    return timing.median, {**timing.as_json(), "rows": "*", "cols": cols, "cells_filled": cells}


def autocode_hits(corpus: Path, workdir: Path) -> Result:
    """``autocode`` of :data:`AUTOCODE_PATTERN` by sentence over the whole corpus, committed,
    on a copy; the undo (one ``remove_codings`` of everything it added) runs untimed
    between runs and is timed on its own."""
    from app.coding.autocode import autocode
    from app.coding.codings import remove_codings

    copy = workdir / "autocode-copy.telaah"
    shutil.copyfile(corpus, copy)
    project = open_project(copy)
    added: list[int] = []
    undo_s: list[float] = []

    def undo(_i: int) -> None:
        if added:
            start = time.perf_counter()
            with project.session() as session:
                remove_codings(session, coding_ids=added)
            undo_s.append(time.perf_counter() - start)
            added.clear()

    def one(_i: int) -> None:
        with project.session() as session:
            changes = autocode(
                session, pattern=AUTOCODE_PATTERN, code_id=1, unit="sentence", coder="penguji"
            )
        added.extend(c.id for c in changes.added)

    try:
        timing = measure(one, runs=3, warmup=1, setup=undo)
        hits = len(added)
        undo(0)
    finally:
        project.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
    return timing.median, {
        **timing.as_json(),
        "pattern": AUTOCODE_PATTERN,
        "unit": "sentence",
        "codings_added": hits,
        "undo_s": round(statistics.median(undo_s), 4),
    }


def search_page(corpus: Path) -> Result:
    """The core call behind the search panel's first page: :data:`SEARCH_WORD` over the
    corpus, :data:`SEARCH_PAGE` hits each with its context (70 characters each side)."""
    from app.coding.search import search_page as first_page

    project = open_project(corpus)
    try:
        found = 0

        def one(_i: int) -> None:
            nonlocal found
            with project.session() as session:
                page = first_page(session, query=SEARCH_WORD, context_chars=70, limit=SEARCH_PAGE)
                found = len(page.hits)

        timing = measure(one, runs=7)
    finally:
        project.close()
    return timing.median, {**timing.as_json(), "word": SEARCH_WORD, "hits_shown": found}
