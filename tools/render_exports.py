"""Render every Word export of the sample study through LibreOffice and count its pages.

    uv run python tools/render_exports.py OUT_DIR [--png] [--language id|en] [--only NAME,...]

Builds the sample study (the demo project) in OUT_DIR, writes each export with the
``telaah export`` command line, converts all of them with ``soffice --headless --convert-to
pdf`` and prints one line per export: its name and its number of pages (``pdfinfo``). With
``--png`` every page is also rendered at 50 dpi (``pdftoppm -png -r 50``) into
OUT_DIR/png/NAME-N.png for looking at. Needs LibreOffice and poppler-utils on the PATH.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: name → the arguments after ``telaah export PROJECT`` (format and output are added).
EXPORTS: dict[str, list[str]] = {
    "summary-loeffler": ["summary", "--codebook", "loeffler"],
    "summary-putnam": ["summary", "--codebook", "putnam"],
    "summary-participation": ["summary", "--codebook", "participation"],
    "summary-cepiku": ["summary", "--codebook", "cepiku"],
    "summary-loeffler-depth1": ["summary", "--codebook", "loeffler", "--depth", "1"],
    "matrix-count-cases": ["matrix", "--rows", "loeffler", "--cols", "cases"],
    "matrix-quotes-cases": ["matrix", "--rows", "loeffler", "--cols", "cases", "--cells",
                            "quotes"],
    "matrix-quotes-group": ["matrix", "--rows", "loeffler", "--cols", "attr:group",
                            "--cells", "quotes"],
    "matrix-quotes-group-depth1": ["matrix", "--rows", "loeffler", "--cols", "attr:group",
                                   "--cells", "quotes", "--depth", "1"],
    "matrix-quotes-long": ["matrix", "--rows", "loeffler", "--cols", "attr:group", "--cells",
                           "quotes", "--layout", "long"],
    "matrix-quotes-split": ["matrix", "--rows", "loeffler", "--cols", "attr:group", "--cells",
                            "quotes", "--layout", "split"],
    "matrix-count-group": ["matrix", "--rows", "loeffler", "--cols", "attr:group"],
    "matrix-presence-source": ["matrix", "--rows", "loeffler", "--cols", "source-type",
                               "--cells", "presence"],
    "cooccurrence-putnam-loeffler": ["matrix", "--rows", "putnam", "--cols", "loeffler"],
    "cooccurrence-depth1": ["matrix", "--rows", "putnam", "--cols", "loeffler", "--depth",
                            "1"],
    "triangulation-loeffler": ["triangulation", "--codebook", "loeffler"],
    "excerpts": ["excerpts"],
    "informants": ["informants"],
    "codebook-loeffler": ["codebook", "--codebook", "loeffler"],
    "codebook-putnam": ["codebook", "--codebook", "putnam"],
    "findings-loeffler": ["findings", "--codebook", "loeffler"],
    "draft-loeffler": ["draft", "--codebook", "loeffler"],
    "review": ["review"],
}  # fmt: skip


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", out.stdout, re.MULTILINE)
    return int(match.group(1)) if match else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--png", action="store_true")
    parser.add_argument("--language", choices=("id", "en"), default="id")
    parser.add_argument("--only", default="")
    args = parser.parse_args(argv)
    from app.coding.demo import build_demo_project

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    project = out / "sample.telaah"
    if not project.exists():
        build_demo_project(project)
    wanted = [n for n in args.only.split(",") if n] or list(EXPORTS)
    docs = []
    for name in wanted:
        target = out / f"{name}.docx"
        command = [sys.executable, "-m", "app.cli", "export", str(project), *EXPORTS[name],
                   "-o", str(target), "--language", args.language]  # fmt: skip
        if name != "review":
            command += ["--format", "docx"]
        subprocess.run(command, check=True, capture_output=True)
        docs.append(target)
    pdf_dir = out / "pdf"
    pdf_dir.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf_dir),
         *map(str, docs)],
        check=True, capture_output=True,
    )  # fmt: skip
    if args.png:
        png = out / "png"
        shutil.rmtree(png, ignore_errors=True)
        png.mkdir()
    for doc in docs:
        pdf = pdf_dir / f"{doc.stem}.pdf"
        print(f"{doc.stem:32} {_pages(pdf):4d}")
        if args.png:
            subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(out / "png" / doc.stem)],
                           check=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
