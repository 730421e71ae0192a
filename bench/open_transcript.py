"""Benchmark: open a transcript with many codings in the coding view (SPEC §4).

Generates, deterministically, a project with a 60k-character transcript carrying 600 codings
and a 380k-character one carrying 4,000, then measures opening each in the transcript view
offscreen: reading text and codings from the project file, building the span index, setting
the text and painting the first screen (highlights and coding stripes). Prints the median of
5 runs after one warm-up, with the targets (0.15 s and 0.5 s).

    QT_QPA_PLATFORM=offscreen uv run python bench/open_transcript.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.coding.codings import NewCoding, apply_codes
from app.coding.workbench_queries import coding_spans, document_text
from app.models.project import Project, create_project
from app.models.schema import Code, Codebook, Document
from app.ui.workbench.spans import Span
from app.ui.workbench.transcript import TranscriptView

WORDS = (
    "warga", "kader", "lumbung", "rembuk", "kelurahan", "anggaran", "relawan", "banjir",
    "posyandu", "beras", "musyawarah", "kecamatan", "dinas", "sosial", "bantuan", "gotong",
    "royong", "pelatihan", "laporan",
)  # fmt: skip
CASES = (("medium", 60_000, 600, 0.15), ("large", 380_000, 4_000, 0.5))
RUNS = 5


def transcript(rnd: random.Random, length: int) -> str:
    parts: list[str] = []
    size = 0
    turn = 0
    while size < length:
        who = "Peneliti" if turn % 2 == 0 else "Informan"
        body = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(12, 140)))
        para = f"{who}: {body.capitalize()}."
        parts.append(para)
        size += len(para) + 2
        turn += 1
    return "\n\n".join(parts)[:length]


def build(path: Path) -> tuple[Project, dict[str, int]]:
    rnd = random.Random(20240313)
    project = create_project(path)
    ids: dict[str, int] = {}
    with project.session() as s:
        book = Codebook(key="bench", name_id="Bench", name_en="Bench")
        s.add(book)
        s.flush()
        codes = []
        for i in range(30):
            code = Code(
                codebook_id=book.id,
                key=f"bench/c{i}",
                name_id=f"Kode {i}",
                name_en=f"Code {i}",
                colour=f"#{rnd.randrange(0x1000000):06x}",
            )
            s.add(code)
            codes.append(code)
        for name, length, _n, _target in CASES:
            text = transcript(rnd, length)
            doc = Document(
                name=name,
                original_filename=f"{name}.txt",
                format="txt",
                content_hash=name,
                text=text,
                length=len(text),
            )
            s.add(doc)
            s.flush()
            ids[name] = doc.id
        s.commit()
        code_ids = [c.id for c in codes]
        for name, length, n, _target in CASES:
            new = []
            for _ in range(n):
                start = rnd.randrange(0, length - 1200)
                new.append(
                    NewCoding(ids[name], rnd.choice(code_ids), start, start + rnd.randint(30, 1200))
                )
            apply_codes(s, codings=new, coder="bench")
    return project, ids


def open_once(project: Project, view: TranscriptView, doc_id: int, app: QApplication) -> float:
    view.show_document(None, "", [], colours={}, names={}, order={})
    app.processEvents()
    t0 = time.perf_counter()
    with project.session() as s:
        text = document_text(s, document_id=doc_id)
        rows = coding_spans(s, document_id=doc_id)
    codes = {r[1] for r in rows}
    view.show_document(
        doc_id,
        text,
        [Span(*r) for r in rows],
        colours={c: "#4477aa" for c in codes},
        names={c: f"Code {c}" for c in codes},
        order={c: c for c in codes},
    )
    view.repaint()
    view.stripes.repaint()
    elapsed = time.perf_counter() - t0
    assert view.painted_pieces() > 0 and view.stripes.bars
    return elapsed


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        project, ids = build(Path(tmp) / "bench.telaah")
        view = TranscriptView()
        view.resize(900, 800)
        view.show()
        app.processEvents()
        ok = True
        try:
            for name, length, n, target in CASES:
                open_once(project, view, ids[name], app)  # warm-up
                times = [open_once(project, view, ids[name], app) for _ in range(RUNS)]
                median = statistics.median(times)
                ok &= median <= target
                print(
                    f"{name:6s} {length // 1000:>4d}k chars {n:>5d} codings: "
                    f"median {median * 1000:7.1f} ms (target {target * 1000:.0f} ms) "
                    f"{'OK' if median <= target else 'TOO SLOW'}"
                )
        finally:
            view.close()
            project.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
