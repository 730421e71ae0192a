"""Turn sample transcripts written as plain text into the .docx/.pdf files of the demo.

The sample study mixes formats on purpose (SPEC: .docx, .txt and one .pdf) so that the demo
exercises every importer. Usage::

    uv run python tools/build_sample_files.py sample_transcripts/INF01_Hendra_Bappeda.txt docx

writes ``INF01_Hendra_Bappeda.docx`` beside the text file and removes the text file.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

LABEL = re.compile(r"^((?:\[[\d:]+\]\s*|[\d:]{8}\s+)?[^:\n]{1,40}?(?:\s*\([\d:]+\))?:)\s")


def blocks(text: str) -> list[str]:
    """Paragraphs: blocks separated by blank lines; the header's lines stay separate."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.split("\n")
        if len(lines) > 1 and not LABEL.match(lines[0]):
            out.extend(line for line in lines if line.strip())
        else:
            out.append(block.replace("\n", " "))
    return out


def to_docx(src: Path, dst: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Transkrip wawancara — dokumen penelitian (rahasia)"
    section.footer.paragraphs[0].text = "Program Lumbung Warga Tangguh"
    for i, para in enumerate(blocks(src.read_text(encoding="utf-8"))):
        p = doc.add_paragraph()
        match = LABEL.match(para)
        if i == 0:
            p.add_run(para).bold = True
        elif match:
            p.add_run(match.group(1)).bold = True
            p.add_run(para[match.end(1) :])
        else:
            p.add_run(para)
    doc.save(str(dst))


def to_pdf(src: Path, dst: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication([])
    html = "".join(
        f"<p>{para.replace('&', '&amp;').replace('<', '&lt;')}</p>"
        for para in blocks(src.read_text(encoding="utf-8"))
    )
    writer = QPdfWriter(str(dst))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setTitle(src.stem)
    document = QTextDocument()
    document.setDefaultStyleSheet("p { margin-bottom: 8px; }")
    document.setHtml(html)
    document.print_(writer)
    del app


def main() -> None:
    src, kind = Path(sys.argv[1]), sys.argv[2]
    dst = src.with_suffix("." + kind)
    {"docx": to_docx, "pdf": to_pdf}[kind](src, dst)
    src.unlink()
    print(dst)


if __name__ == "__main__":
    main()
