"""The benchmarks of SPEC §4: one deterministic, headless entry point.

    uv run python bench/run.py --make-corpus S|L --out FILE.telaah
    uv run python bench/run.py --json bench/results/DATE-MACHINE.json [--corpus FILE] [--quick]

``--json`` builds corpus L (``bench/corpus/L.telaah``, git-ignored) if it is missing, runs every
benchmark (median of 5 runs after a warm-up; GUI ones in child processes with offscreen Qt)
and writes one JSON object: the figures in seconds unless named otherwise, ``bars`` (the SPEC
bar of each figure and whether it is met), ``details``, ``notes`` (a key is null with a note
when its capability is missing) and ``machine``. Beside it go the scaling table
(``*-scaling.csv``) and its plot (``*-scaling.png``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import SIZES, CorpusSize, make_corpus  # noqa: E402
from bench.timing import load_average, machine_info, run_child  # noqa: E402

DEFAULT_CORPUS = ROOT / "bench" / "corpus" / "L.telaah"
DEFAULT_XL = ROOT / "bench" / "corpus" / "XL.telaah"

#: SPEC §4 bars: key → (limit, unit). Every figure must be at or below its limit.
BARS: dict[str, tuple[float, str]] = {
    "open_doc_60k_600": (0.15, "s"),
    "open_doc_380k_4000": (0.5, "s"),
    "apply_coding_L": (0.020, "s"),
    "matrix_L": (0.5, "s"),
    "cooccurrence_L": (0.5, "s"),
    "export_docx_2000_quotes": (5.0, "s"),
    "open_project_L": (1.5, "s"),
    "rss_mb_L": (600.0, "MB"),
    "import_ratio": (1.5, "×"),
    # issue 15 ("Performance, round two")
    "import_docx_60k": (0.020, "s"),
    "import_docx_380k": (0.030, "s"),
    "apply_coding_gui_L": (0.016, "s"),
    "cooccurrence_all_L": (0.25, "s"),
    "matrix_all_cases_L": (0.15, "s"),
    "autocode_L_50k_hits": (3.0, "s"),
    "search_L": (0.050, "s"),
    "open_project_XL": (1.5, "s"),
    "rss_mb_XL": (800.0, "MB"),
    "matrix_XL": (0.5, "s"),
    "cooccurrence_XL": (0.5, "s"),
    "apply_coding_XL": (0.020, "s"),
    # issue 14 (a command line that starts at once; bench/startup.py, cached bytecode)
    "cli_help": (0.3, "s"),
    "cli_stats_L": (0.6, "s"),
    # linear growth: the all-codes figures at XL (five times L) within 6× of L
    "growth_cooccurrence_all_XL": (6.0, "×"),
    "growth_matrix_all_cases_XL": (6.0, "×"),
}

#: Figures measured on both corpora: the corpus-scaling table and plot.
CORPUS_SCALING = (
    ("open_project", "s"),
    ("rss_mb", "MB"),
    ("open_doc_60k_600", "s"),
    ("open_doc_380k_4000", "s"),
    ("apply_coding", "s"),
    ("matrix", "s"),
    ("cooccurrence", "s"),
    ("matrix_all_cases", "s"),
    ("cooccurrence_all", "s"),
)

#: The scaling corpus: documents growing in size (400 codings each) and a ~60k-character
#: document with more and more codings.
_SIZE_STEPS = (10_000, 30_000, 60_000, 120_000, 240_000, 380_000, 760_000)
_CODING_STEPS = (50, 300, 600, 1_500, 4_000, 8_000, 16_000)
SCALING = CorpusSize(
    documents=len(_SIZE_STEPS) + len(_CODING_STEPS),
    words=0,
    codes=39,
    cases=len(_SIZE_STEPS) + len(_CODING_STEPS),
    codings=400 * len(_SIZE_STEPS) + sum(_CODING_STEPS),
    special=tuple((c, 400) for c in _SIZE_STEPS) + tuple((60_000, n) for n in _CODING_STEPS),
    names=tuple(f"size-{c}" for c in _SIZE_STEPS) + tuple(f"codings-{n}" for n in _CODING_STEPS),
)


#: Notes found by child processes, merged into the report.
NOTES: dict[str, str] = {}


def _child(*args: str) -> dict[str, Any]:
    """Run ``bench.gui_bench`` in a fresh interpreter; its last stdout line is JSON."""
    result = run_child("bench.gui_bench", *args)
    if result.get("pyside_none_refcount_bug"):
        NOTES["pyside_none_refcount_bug"] = (
            "this PySide6 drops a reference to None on every Qt call returning void (CPython "
            "3.11, None not immortal): the app dies with 'Fatal Python error: none_dealloc' "
            "after thousands of paint calls; the GUI benchmarks pin None's refcount to run"
        )
    return result


class Report:
    """Collects figures, details and notes; a failing benchmark becomes null plus a note."""

    def __init__(self) -> None:
        self.figures: dict[str, float | None] = dict.fromkeys(BARS)
        self.details: dict[str, Any] = {}
        self.notes: dict[str, str] = {}

    def run(self, label: str, work: Callable[[], None]) -> None:
        started = time.perf_counter()
        print(f"… {label}", file=sys.stderr, flush=True)
        try:
            work()
        except Exception as exc:  # a missing or broken capability must not stop the others
            self.notes[label] = f"missing or failed: {type(exc).__name__}: {exc}"[:600]
            traceback.print_exc()
        print(f"  {label}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)

    def as_json(
        self, corpus: Path, started: datetime, load_before: list[float] | None
    ) -> dict[str, Any]:
        bars = {}
        notes = dict(self.notes)
        for key, (limit, unit) in BARS.items():
            value = self.figures[key]
            bars[key] = {
                "value": value,
                "bar": limit,
                "unit": unit,
                "met": None if value is None else value <= limit,
            }
            if value is None and key not in notes:
                notes[key] = "missing: not measured (see the other notes)"
        notes.update(NOTES)
        return {
            **{k: (None if v is None else round(v, 6)) for k, v in self.figures.items()},
            "bars": bars,
            "details": self.details,
            "notes": notes,
            "machine": machine_info(),
            "corpus": {"path": str(corpus), "bytes": corpus.stat().st_size},
            "started": started.isoformat(timespec="seconds"),
            "load_average": {"before": load_before, "after": load_average()},
            "runs": "median of 5 timed runs after 1 warm-up (apply_coding_L: 15 after 2)",
        }


def _ensure(corpus: Path, size: str) -> None:
    if not corpus.exists():
        print(f"building corpus {size} at {corpus}", file=sys.stderr, flush=True)
        corpus.parent.mkdir(parents=True, exist_ok=True)
        make_corpus(corpus, size)


def run_all(
    corpus: Path,
    out: Path,
    *,
    quick: bool = False,
    only: tuple[str, ...] = (),
    xl: Path = DEFAULT_XL,
) -> dict[str, Any]:
    from bench import core_bench

    started = datetime.now(UTC)
    load_before = load_average()
    _ensure(corpus, "L")
    report = Report()
    fig, det = report.figures, report.details
    work = Path(tempfile.mkdtemp(prefix="telaah-bench-"))

    def window() -> None:
        result = _child("window", str(corpus), "1", "2")
        det["open_project_L"] = result["open_project"]
        fig["open_project_L"] = result["open_project"]["median"]
        docs = result["open_document"]
        det["open_doc_60k_600"], det["open_doc_380k_4000"] = docs["1"], docs["2"]
        fig["open_doc_60k_600"] = docs["1"]["median"]
        fig["open_doc_380k_4000"] = docs["2"]["median"]

    def rss() -> None:
        det["rss_mb_L"] = _child("rss", str(corpus), "2")
        fig["rss_mb_L"] = det["rss_mb_L"]["rss_mb"]

    def apply() -> None:
        fig["apply_coding_L"], det["apply_coding_L"] = core_bench.apply_coding(corpus, work)

    def matrix() -> None:
        fig["matrix_L"], det["matrix_L"] = core_bench.matrix(corpus, cols="cases")

    def cooccurrence() -> None:
        fig["cooccurrence_L"], det["cooccurrence_L"] = core_bench.matrix(
            corpus, cols=core_bench.COOCCURRENCE_COLS
        )

    def export() -> None:
        fig["export_docx_2000_quotes"], det["export_docx_2000_quotes"] = core_bench.export_docx(
            work
        )

    def imports() -> None:
        fig["import_ratio"], det["import_ratio"] = core_bench.import_ratio(work)

    def import_docx() -> None:
        for key, (value, details) in core_bench.import_docx(work).items():
            fig[key], det[key] = value, details

    def apply_gui() -> None:
        copy = work / "apply-gui.telaah"
        shutil.copyfile(corpus, copy)
        det["apply_coding_gui_L"] = _child("apply", str(copy), "1")
        fig["apply_coding_gui_L"] = det["apply_coding_gui_L"]["median"]

    def matrix_all() -> None:
        fig["matrix_all_cases_L"], det["matrix_all_cases_L"] = core_bench.matrix_all(
            corpus, cols="cases"
        )
        fig["cooccurrence_all_L"], det["cooccurrence_all_L"] = core_bench.matrix_all(
            corpus, cols="*"
        )

    def autocode() -> None:
        fig["autocode_L_50k_hits"], det["autocode_L_50k_hits"] = core_bench.autocode_hits(
            corpus, work
        )

    def search() -> None:
        # through the search panel (what the user waits for), the core call beside it
        det["search_L"] = _child("search", str(corpus), core_bench.SEARCH_WORD)
        fig["search_L"] = det["search_L"]["median"]
        det["search_L"]["core_first_page"] = core_bench.search_page(corpus)[1]

    def xl_window() -> None:
        _ensure(xl, "XL")
        result = _child("window", str(xl), "1", "2")
        det["open_project_XL"] = result["open_project"]
        fig["open_project_XL"] = result["open_project"]["median"]
        docs = result["open_document"]
        det["open_doc_60k_600_XL"], det["open_doc_380k_4000_XL"] = docs["1"], docs["2"]

    def xl_rss() -> None:
        _ensure(xl, "XL")
        det["rss_mb_XL"] = _child("rss", str(xl), "2")
        fig["rss_mb_XL"] = det["rss_mb_XL"]["rss_mb"]

    def xl_core() -> None:
        _ensure(xl, "XL")
        fig["matrix_XL"], det["matrix_XL"] = core_bench.matrix(xl, cols="cases")
        fig["cooccurrence_XL"], det["cooccurrence_XL"] = core_bench.matrix(
            xl, cols=core_bench.COOCCURRENCE_COLS
        )
        fig["apply_coding_XL"], det["apply_coding_XL"] = core_bench.apply_coding(xl, work)

    def xl_all() -> None:
        _ensure(xl, "XL")
        for key, cols in (("matrix_all_cases_XL", "cases"), ("cooccurrence_all_XL", "*")):
            det[key] = core_bench.matrix_all(xl, cols=cols)[1]

    def scaling() -> None:
        scaling_corpus = work / "scaling.telaah"
        make_corpus(scaling_corpus, SCALING, seed=13)
        csv_path = out.with_name(out.stem + "-scaling.csv")
        png_path = out.with_name(out.stem + "-scaling.png")
        result = _child("scaling", str(scaling_corpus), str(csv_path), str(png_path))
        det["scaling"] = {"csv": csv_path.name, "png": png_path.name, "rows": result["rows"]}

    def startup() -> None:
        from bench import startup as startup_bench

        result = startup_bench.run(corpus)
        fig.update(result["figures"])  # cli_help, cli_stats_L, start_window (no bar)
        det.update({f"startup_{k}": v for k, v in result["details"].items()})

    steps = [
        ("startup", startup),
        ("open_project_L + open_doc", window),
        ("rss_mb_L", rss),
        ("apply_coding_L", apply),
        ("matrix_L", matrix),
        ("cooccurrence_L", cooccurrence),
        ("export_docx_2000_quotes", export),
        ("import_ratio", imports),
        ("import_docx", import_docx),
        ("apply_coding_gui_L", apply_gui),
        ("matrix_all_L", matrix_all),
        ("autocode_L_50k_hits", autocode),
        ("search_L", search),
        ("open_project_XL + open_doc", xl_window),
        ("rss_mb_XL", xl_rss),
        ("XL analyses + apply_coding_XL", xl_core),
        ("XL all-codes analyses", xl_all),
        ("scaling", scaling),
    ]
    if quick:
        steps = [s for s in steps if s[0] not in ("import_ratio", "scaling")]
    if only:
        unknown = set(only) - {label for label, _ in steps}
        if unknown:
            raise SystemExit(f"unknown step(s): {', '.join(sorted(unknown))}")
        steps = [s for s in steps if s[0] in only]

    def save() -> dict[str, Any]:
        data = report.as_json(corpus, started, load_before)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return data

    loads: dict[str, list[float] | None] = {}
    det["load_average_after_step"] = loads
    try:
        for label, step in steps:
            report.run(label, step)
            loads[label] = load_average()  # the machine may be shared: its load beside each
            _growth(report)
            save()  # an interrupted run keeps the steps it finished
        if any(key.endswith("_XL") for key in report.details):
            report.run("corpus scaling", lambda: _corpus_scaling(report, out))
        return save()
    finally:
        shutil.rmtree(work, ignore_errors=True)  # corpus copies: hundreds of MB a run


def _value(report: Report, name: str, size: str) -> float | None:
    """A figure of corpus ``size``: its key (``name_L``, ``name`` for the SPEC's L figures
    without a suffix, ``name_XL``), else the median in its details."""
    for key in (f"{name}_{size}", name if size == "L" else ""):
        if report.figures.get(key) is not None:
            return report.figures[key]
        found = report.details.get(key)
        if isinstance(found, dict):
            value = found.get("median", found.get("rss_mb"))
            if value is not None:
                return float(value)
    return None


def _growth(report: Report) -> None:
    """XL ÷ L of the all-codes analyses (five times the codings: linear is about 5×)."""
    for name in ("cooccurrence_all", "matrix_all_cases"):
        large, huge = _value(report, name, "L"), _value(report, name, "XL")
        if large and huge:
            report.figures[f"growth_{name}_XL"] = round(huge / large, 3)


def _corpus_scaling(report: Report, out: Path) -> None:
    """The figures measured on L and on XL side by side (CSV) and as a plot (PNG)."""
    rows = []
    for name, unit in CORPUS_SCALING:
        large, huge = _value(report, name, "L"), _value(report, name, "XL")
        rows.append(
            {
                "figure": name,
                "unit": unit,
                "L": None if large is None else round(large, 5),
                "XL": None if huge is None else round(huge, 5),
                "XL_over_L": round(huge / large, 2) if large and huge else None,
            }
        )
    csv_path = out.with_name(out.stem + "-corpus-scaling.csv")
    png_path = out.with_name(out.stem + "-corpus-scaling.png")
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["figure", "unit", "L", "XL", "XL_over_L"])
        writer.writeheader()
        writer.writerows(rows)
    result = _child("corpus-plot", str(csv_path), str(png_path))
    report.details["corpus_scaling"] = {
        "csv": csv_path.name,
        "png": png_path.name,
        "rows": rows,
        "plotted": result.get("plotted"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--make-corpus", choices=sorted(SIZES), metavar="S|L|XL")
    parser.add_argument("--out", type=Path, help="the corpus file to write (--make-corpus)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, metavar="OUT", help="run every benchmark")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="corpus L to benchmark (built there if missing)",
    )
    parser.add_argument(
        "--xl", type=Path, default=DEFAULT_XL, help="corpus XL (built there if missing)"
    )
    parser.add_argument("--quick", action="store_true", help="skip import ratio and scaling")
    parser.add_argument(
        "--only", default="", metavar="STEP,...", help="run only these steps (labels as printed)"
    )
    parser.add_argument(
        "--engine",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: the pg_* figures and the load test on a server copy (bench/pg_bench.py)",
    )
    args = parser.parse_args(argv)
    if args.make_corpus:
        if args.out is None:
            parser.error("--make-corpus needs --out FILE")
        started = time.perf_counter()
        info = make_corpus(args.out, args.make_corpus, seed=args.seed)
        print(
            f"wrote {info.path}: {info.documents} documents, {info.characters:,} characters, "
            f"{info.codes} codes, {info.cases} cases, {info.codings:,} codings "
            f"in {time.perf_counter() - started:.1f} s"
        )
    if args.json:
        only = tuple(label for label in args.only.split(",") if label)
        if args.engine == "postgresql":
            from bench import pg_bench

            _ensure(args.corpus, "L")
            data = pg_bench.run(args.corpus, args.json, only=only)
        else:
            data = run_all(args.corpus, args.json, quick=args.quick, only=only, xl=args.xl)
        for key, bar in data["bars"].items():
            mark = {True: "ok  ", False: "MISS", None: "----"}[bar["met"]]
            print(f"{mark} {key:<26} {bar['value']!s:<12} bar {bar['bar']} {bar['unit']}")
        for key, note in data["notes"].items():
            print(f"note {key}: {note}")
    if not args.make_corpus and not args.json:
        parser.error("nothing to do: give --make-corpus or --json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
