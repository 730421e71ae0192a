"""Benchmarks of the analyses and their Word export on corpus L (SPEC §4).

    uv run python bench/analysis.py [--runs 5] [--corpus PATH]

Bars: code × case matrix and code co-occurrence over corpus L ≤ 0.5 s; Word export of a
matrix holding 2,000 quotes ≤ 5 s. Reports medians. The corpus is built by
``bench/corpus.py`` (or taken from ``bench/corpus/L.telaah``) and copied to a temporary
folder first, so the benchmark never touches a shared file.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from app.coding.analysis import CellKind, build_matrix, build_summary
from app.coding.exports.matrix import write_matrix
from app.models.project import open_project
from app.models.schema import Code, Codebook, Coding

HERE = Path(__file__).resolve().parent
QUOTES = 2_000


class Timing(float):
    """A median wall-clock time that prints with its median CPU time (the machine may be
    shared: CPU time shows what the work itself costs)."""

    cpu: float

    def __format__(self, spec: str) -> str:
        return f"{float(self):{spec}} s wall, {self.cpu:{spec}}"


def median_time(work: Callable[[], object], runs: int) -> Timing:
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    result = Timing(statistics.median(walls))
    result.cpu = statistics.median(cpus)
    return result


def corpus_copy(folder: Path, given: Path | None) -> Path:
    source = given or HERE / "corpus" / "L.telaah"
    if not source.exists():
        sys.path.insert(0, str(HERE))
        from corpus import make_corpus  # type: ignore[import-not-found]

        print("building corpus L (a few minutes)…", flush=True)
        make_corpus(folder / "L.telaah", "L")
        return folder / "L.telaah"
    target = folder / "L.telaah"
    shutil.copyfile(source, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = open_project(corpus_copy(folder, args.corpus))
        try:
            with project.session() as s:
                sizes = s.execute(
                    select(Codebook.key, func.count(Coding.id))
                    .join(Code, Code.codebook_id == Codebook.id)
                    .join(Coding, Coding.code_id == Code.id)
                    .group_by(Codebook.key)
                    .order_by(func.count(Coding.id).desc())
                ).all()
                total = sum(n for _, n in sizes)
                books = [key for key, _ in sizes]
                big, second = books[0], books[1]
                print(f"medians of {args.runs} runs (wall clock, then CPU time)")
                print(f"corpus: {total} codings in {len(books)} codebooks; largest {big} "
                      f"({sizes[0][1]}), then {second} ({sizes[1][1]})")  # fmt: skip
                s.execute(select(Coding.id).limit(1)).all()  # warm the file cache

                whole = median_time(lambda: build_matrix(s, rows="*", cols="cases"), args.runs)
                print(f"code × case, all codes × all cases ({total} codings): {whole:.3f} s")
                every = median_time(
                    lambda: [build_matrix(s, rows=b, cols="cases") for b in books], args.runs
                )
                print(f"code × case, one matrix per codebook, all together: {every:.3f} s")
                one = median_time(lambda: build_matrix(s, rows=big, cols="cases"), args.runs)
                print(f"code × case, {big}: {one:.3f} s")
                group = median_time(lambda: build_matrix(s, rows=big, cols="attr:group"), args.runs)
                print(f"code × group, {big}: {group:.3f} s")
                cooc = median_time(lambda: build_matrix(s, rows=big, cols=second), args.runs)
                print(f"co-occurrence {big} × {second}: {cooc:.3f} s")
                pairs = median_time(lambda: build_matrix(s, rows="*", cols="*"), args.runs)
                print(f"co-occurrence, all codes × all codes ({total} codings): {pairs:.3f} s")
                summ = median_time(lambda: build_summary(s, codebook=big), args.runs)
                print(f"summary, {big}: {summ:.3f} s")

                matrix = build_matrix(s, rows=big, cols="attr:group", with_quotes=True)
                kept: dict[tuple[int, int], tuple] = {}  # type: ignore[type-arg]
                left = QUOTES
                for cell, found in sorted(matrix.evidence.items()):
                    own = tuple(c for c in found if c.code_id == matrix.rows[cell[0]].code_id)
                    if own and left > 0:
                        kept[cell] = own[:left]
                        left -= len(kept[cell])
                quotes = sum(len(v) for v in kept.values())
                trimmed = replace(matrix, evidence=kept)
                out = folder / "matrix.docx"
                word = median_time(
                    lambda: write_matrix(trimmed, path=out, fmt="docx", cells=CellKind.QUOTES),
                    args.runs,
                )
                size = out.stat().st_size / 1e6
                print(f"Word export, {quotes} quotes in {len(matrix.rows)}×"
                      f"{len(matrix.columns)} cells: {word:.3f} s ({size:.1f} MB)")  # fmt: skip
        finally:
            project.close()


if __name__ == "__main__":
    main()
