"""Known answers for which evidence analyses count: coder roles, one excerpt per span,
evidence stances and statuses, rollups that agree in every cell kind."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from app.coding.analysis import BoxStatus, build_matrix, build_summary, set_cell_summary
from app.coding.cases import create_case, link_document
from app.coding.coders import set_coder_role
from app.coding.codings import Stance, apply_code
from app.coding.documents import import_files
from app.coding.exports.excerpts import export_excerpts
from app.coding.exports.matrix import export_matrix
from app.coding.exports.summary import export_summary
from app.models.project import Project
from app.models.schema import Code, Codebook

TEXTS = {
    "A.txt": "I: Kami rembuk bersama warga. Dana dari swadaya. Belum pernah ada survei.",
    "B.txt": "I: Rembuk diadakan tiap bulan. Survei kepuasan tidak pernah ada.",
    "C.txt": "I: Warga sibuk melaut, jadi susah hadir rapat. Kami ikut rembuk.",
}
#: (document, phrase, code, coder, stance)
CODINGS = [
    ("A.txt", "Kami rembuk bersama warga.", "p/a", "peneliti", "supports"),
    ("B.txt", "Rembuk diadakan tiap bulan.", "p/a", "peneliti", "supports"),
    ("A.txt", "Dana dari swadaya.", "p/b", "peneliti", "supports"),
    ("A.txt", "Kami rembuk bersama warga.", "q", "peneliti", "supports"),
    ("B.txt", "Survei kepuasan tidak pernah ada.", "q", "peneliti", "absent"),
    ("A.txt", "Belum pernah ada survei.", "r", "peneliti", "absent"),
    ("B.txt", "Survei kepuasan tidak pernah ada.", "r", "peneliti", "absent"),
    ("C.txt", "Warga sibuk melaut, jadi susah hadir rapat.", "s", "peneliti", "barrier"),
    # The supervisor double-codes the researcher's quote: not evidence (second coder).
    ("A.txt", "Kami rembuk bersama warga.", "p/a", "pembimbing", "supports"),
    ("C.txt", "Kami ikut rembuk.", "s", "pembimbing", "supports"),
    # A second primary coder codes the researcher's span with the same code: one excerpt.
    ("B.txt", "Rembuk diadakan tiap bulan.", "p/a", "asisten", "supports"),
]
CASES = {"A.txt": ("Ahmad Fauzi", "Informan 1", "aparat"),
         "B.txt": ("Budi Santoso", "Informan 2", "warga"),
         "C.txt": ("Citra Dewi", "Informan 3", "warga")}  # fmt: skip
KEYS = ("p", "p/a", "p/b", "q", "r", "s")


@dataclass
class Ids:
    codes: dict[str, int]


@pytest.fixture
def ids(project: Project, tmp_path: Path) -> Ids:
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    codes: dict[str, int] = {}
    with project.session() as s:
        book = Codebook(key="k", name_id="Kotak", name_en="Boxes")
        s.add(book)
        s.flush()
        for order, key in enumerate(KEYS):
            parent = codes.get(key.split("/")[0]) if "/" in key else None
            code = Code(codebook_id=book.id, parent_id=parent, key=key, name_id=f"Kode {key}",
                        name_en=f"Code {key}", sort_order=order)  # fmt: skip
            s.add(code)
            s.flush()
            codes[key] = code.id
        s.commit()
        docs = {d.name: d.id for d in import_files(s, paths=paths).imported}
        for name, (case, alias, group) in CASES.items():
            info = create_case(s, name=case, alias=alias, attributes={"group": group})
            link_document(s, case_id=info.id, document_id=docs[name])
        for doc, phrase, key, coder, stance in CODINGS:
            start = TEXTS[doc].index(phrase)
            apply_code(s, document_id=docs[doc], code_id=codes[key], start=start,
                       end=start + len(phrase), coder=coder, stance=Stance(stance))  # fmt: skip
        set_coder_role(s, name="pembimbing", role="second")
    return Ids(codes)


def test_every_status_with_barriers_beside(project: Project, ids: Ids) -> None:
    with project.session() as s:
        boxes = {b.key: b for b in build_summary(s, codebook="k").boxes}
    got = {k: (b.excerpts, len(b.cases), b.absent, b.barriers, b.status) for k, b in boxes.items()}
    assert got == {
        "p": (3, 2, 0, 0, BoxStatus.FILLED),
        "p/a": (2, 2, 0, 0, BoxStatus.FILLED),
        "p/b": (1, 1, 0, 0, BoxStatus.THIN),
        "q": (1, 1, 1, 0, BoxStatus.CONTESTED),
        "r": (0, 0, 2, 0, BoxStatus.ABSENT),
        # Only a barrier (the supervisor's supporting coding is not evidence): empty.
        "s": (0, 0, 0, 1, BoxStatus.EMPTY),
    }
    assert boxes["r"].absent_cases == ("Ahmad Fauzi", "Budi Santoso")
    assert [q.stance for q in boxes["r"].absent_quotes] == ["absent", "absent"]
    assert [q.text for q in boxes["s"].barrier_quotes] == [
        "Warga sibuk melaut, jadi susah hadir rapat."
    ]


def test_second_coder_counts_only_when_picked(project: Project, ids: Ids) -> None:
    with project.session() as s:
        primary = {b.key: b for b in build_summary(s, codebook="k").boxes}
        picked = {b.key: b for b in build_summary(s, codebook="k", coders=["pembimbing"]).boxes}
        both = {
            b.key: b
            for b in build_summary(s, codebook="k", coders=["pembimbing", "peneliti"]).boxes
        }
    assert primary["s"].excerpts == 0
    assert (picked["p/a"].excerpts, picked["s"].excerpts, picked["s"].status) == (
        1, 1, BoxStatus.THIN
    )  # fmt: skip
    # The supervisor and the researcher coded the same span: one excerpt, not two.
    assert both["p/a"].excerpts == 2
    assert both["s"].excerpts == 1 and both["s"].barriers == 1


def test_two_primary_coders_on_one_span_are_one_excerpt_naming_both(
    project: Project, ids: Ids, tmp_path: Path
) -> None:
    with project.session() as s:
        box = next(b for b in build_summary(s, codebook="k").boxes if b.key == "p/a")
        matrix = build_matrix(s, rows="k", cols="cases", with_quotes=True)
        out = tmp_path / "kutipan.csv"
        export_excerpts(s, path=out, fmt="csv", code_ids=[ids.codes["p/a"]], pseudonymise=False)
    assert box.excerpts == 2
    b_quote = next(q for q in box.quotes if q.case == "Budi Santoso")
    assert b_quote.coders == ("asisten", "peneliti")
    assert b_quote.coder == "asisten, peneliti"
    row = next(i for i, r in enumerate(matrix.rows) if r.key == "p/a")
    assert [matrix.count(row, c) for c in range(3)] == [1, 1, 0]
    assert [q.coder for q in matrix.cell_quotes(row, 1)] == ["asisten, peneliti"]
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["case"], r["coder"]) for r in rows] == [
        ("Ahmad Fauzi", "peneliti"), ("Budi Santoso", "asisten, peneliti")
    ]  # fmt: skip


def test_matrix_counts_supporting_evidence_and_keeps_the_rest_apart(
    project: Project, ids: Ids
) -> None:
    with project.session() as s:
        matrix = build_matrix(s, rows="k", cols="cases", with_quotes=True)
    row = {r.key: i for i, r in enumerate(matrix.rows)}
    assert [matrix.count(row["q"], c) for c in range(3)] == [1, 0, 0]
    assert matrix.contrary_count(row["q"], 1, "absent") == 1
    assert [matrix.count(row["r"], c) for c in range(3)] == [0, 0, 0]
    assert not matrix.present(row["r"], 0)
    assert [q.stance for q in matrix.contrary_quotes(row["s"], 2)] == ["barrier"]


@pytest.mark.parametrize("cells", ["count", "presence", "quotes", "summary"])
def test_rollups_agree_in_every_cell_kind(
    project: Project, ids: Ids, tmp_path: Path, cells: str
) -> None:
    with project.session() as s:
        set_cell_summary(s, row_code_id=ids.codes["p/b"], column_kind="case",
                         column_key="Ahmad Fauzi", text="Swadaya dana.")  # fmt: skip
        out = tmp_path / f"m-{cells}.csv"
        export_matrix(s, path=out, fmt="csv", rows="k", cols="cases", cells=cells,
                      pseudonymise=False)  # fmt: skip
        docx_out = tmp_path / f"m-{cells}.docx"
        export_matrix(s, path=docx_out, fmt="docx", rows="k", cols="cases", cells=cells,
                      pseudonymise=False)  # fmt: skip
    with out.open(encoding="utf-8", newline="") as fh:
        grid = {r[0]: r[1:] for r in list(csv.reader(fh))[1:]}
    parent = grid["p"]
    if cells == "count":
        assert parent == ["2", "1", "0"]
    elif cells == "presence":
        assert parent == ["\u2713", "\u2713", "\u2013"]
    elif cells == "quotes":
        # As many quotes as the count, each marked with its indicator.
        assert [cell.count("\u201c") for cell in parent] == [2, 1, 0]
        assert "[indikator: Kode p/a]" in parent[0] and "[indikator: Kode p/b]" in parent[0]
    else:
        assert parent == ["Kode p/b: Swadaya dana.", "", ""]
    table = docx.Document(str(docx_out)).tables[0]
    first = table.rows[1]
    assert first.cells[0].text.startswith("Kode p")
    if cells == "quotes":
        assert [c.text.count("\u201c") for c in first.cells[1:]] == [2, 1, 0]
    if cells == "summary":
        assert first.cells[1].text == "Kode p/b: Swadaya dana."


def test_word_summary_explains_statuses_and_lists_barriers(
    project: Project, ids: Ids, tmp_path: Path
) -> None:
    out = tmp_path / "ringkasan.docx"
    with project.session() as s:
        export_summary(s, path=out, fmt="docx", codebook="k")
    document = docx.Document(str(out))
    table = [[c.text for c in row.cells] for row in document.tables[0].rows]
    status = {row[1].split(" (")[0]: row[-1] for row in table[1:]}
    assert status == {
        "Kode p": "terisi", "Kode p/a": "terisi", "Kode p/b": "tipis",
        "Kode q": "diperdebatkan", "Kode r": "tidak terjadi", "Kode s": "kosong",
    }  # fmt: skip
    against = {row[1].split(" (")[0]: row[7] for row in table[1:]}
    assert against["Kode r"].startswith("tidak terjadi: 2\n[tidak terjadi] \u201cSurvei kepuasan")
    assert against["Kode s"].startswith("hambatan: 1\n[hambatan] \u201cWarga sibuk melaut")
    text = [p.text for p in document.paragraphs]
    assert text[1].startswith("Status: terisi = ")
    assert "Kotak yang menurut informan tidak terjadi (1):" in text
    # New project: aliases by default, and the notes say so.
    body = "\n".join(text) + "".join(c for row in table for c in row)
    assert "Nama informan disamarkan" in body
    for name in ("Ahmad", "Budi", "Citra"):
        assert name not in body
