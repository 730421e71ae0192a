"""Peak memory and time of ``telaah import`` per hostile input class (issue 13, item 2).

Each input is generated (small on disk), imported by a child ``telaah`` (the hostile suite's
runner, which prints the child's own peak resident memory), and reported as
``class  status  seconds  peak MB  message``. Medians over ``--runs`` runs.

    uv run python bench/hostile_imports.py [--runs 3] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import hostile_files as H  # noqa: E402

from app.coding.importing import MAX_TEXT_CHARS  # noqa: E402

RUNNER = ROOT / "tests" / "hostile" / "_run_cli.py"


def _inputs(folder: Path) -> dict[str, Path]:
    pipe = folder / "pipa.txt"
    os.mkfifo(pipe)
    return {
        "named pipe": pipe,
        "device (/dev/zero)": Path("/dev/zero"),
        "200 MB .txt (sparse)": H.sparse_file(folder / "besar.txt", 199 * 1024 * 1024),
        "largest accepted .txt (20M chars)": H.long_text(folder / "batas.txt", MAX_TEXT_CHARS),
        "one char over (.txt)": H.long_text(folder / "lebih.txt", MAX_TEXT_CHARS + 1),
        ".docx inflating to 500 MB": H.inflating_docx(folder / "bom.docx"),
        ".pdf flate stream to 2 GB": H.flate_bomb_pdf(folder / "bom.pdf"),
        ".pdf drawing 3M glyphs": H.glyph_flood_pdf(folder / "glyph.pdf"),
        "encrypted .pdf, stream to 2 GB": H.encrypted_flate_bomb_pdf(folder / "kunci.pdf"),
        "encrypted .pdf (no password)": H.encrypted_pdf(folder / "rapat.pdf"),
    }


def _run(project: Path, file: Path) -> tuple[int, float, float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(RUNNER), "import", str(project), str(file)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    peak = int(lines[-1].split()[1]) / 1024 if lines else 0.0
    message = (lines[0] if len(lines) > 1 else done.stdout.strip())[:140]
    return done.returncode, seconds, peak, message


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="telaah-hostile-") as tmp:
        folder = Path(tmp)
        inputs = _inputs(folder)
        only = [o.strip() for o in args.only.split(",") if o.strip()]
        for name, file in inputs.items():
            if only and not any(o in name for o in only):
                continue
            results = []
            for run in range(args.runs):
                project = folder / f"p{run}-{abs(hash(name))}.telaah"
                subprocess.run([sys.executable, "-m", "app.cli", "new", str(project)],
                               capture_output=True, check=True)  # fmt: skip
                results.append(_run(project, file))
            status = results[0][0]
            seconds = statistics.median(r[1] for r in results)
            peak = statistics.median(r[2] for r in results)
            print(f"{name:36} exit {status}  {seconds:6.2f} s  {peak:7.1f} MB  {results[0][3]}")


if __name__ == "__main__":
    main()
