"""Summary exports read back cell by cell: .csv, .xlsx (pandas) and .docx (python-docx)."""

from __future__ import annotations

import csv
import struct
import zlib
from pathlib import Path

import docx
import pandas as pd
import pytest
from _analysis_study import TB_KEYS, Study, build_study, phrase
from docx.enum.section import WD_ORIENT
from test_matrix_export import quote

from app.coding.exports.summary import ChartImage, export_summary
from app.models.project import Project

SPEC_ROWS = [
    ["code", "excerpts", "cases", "groups", "source_types", "absent", "barriers", "status",
     "finding"],
    ["tb/a", "6", "4", "3", "1", "0", "0", "filled", ""],
    ["tb/a/x", "3", "3", "2", "1", "0", "0", "filled", ""],
    ["tb/a/y", "2", "1", "1", "1", "0", "0", "thin", ""],
    # The regulation is a document: a second source type.
    ["tb/b", "3", "2", "2", "2", "0", "0", "filled", ""],
    ["tb/c", "0", "0", "0", "0", "0", "0", "empty", ""],
]  # fmt: skip


def png(path: Path, width: int = 40, height: int = 20) -> Path:
    """A small valid grey PNG (no imaging library needed)."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))  # fmt: skip
    return path


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def test_csv_and_xlsx_follow_the_spec_layout(
    project: Project, study: Study, tmp_path: Path
) -> None:
    with project.session() as s:
        export_summary(s, path=tmp_path / "s.csv", fmt="csv", codebook="tb", pseudonymise=False)
        result = export_summary(s, path=tmp_path / "s.xlsx", fmt="xlsx", codebook="tb",
                                pseudonymise=True, mask_names=["Darto"])  # fmt: skip
    assert result.rows == len(TB_KEYS)
    with (tmp_path / "s.csv").open(encoding="utf-8", newline="") as fh:
        assert list(csv.reader(fh)) == SPEC_ROWS
    frame = pd.read_excel(tmp_path / "s.xlsx", dtype=str, na_filter=False)
    assert [list(frame.columns), *map(list, frame.itertuples(index=False))] == SPEC_ROWS
    details = pd.read_excel(tmp_path / "s.xlsx", sheet_name=1, dtype=str, na_filter=False)
    by_key = {row.code: row for row in details.itertuples(index=False)}
    assert by_key["tb/a/x"].cases == "Informan 1; Informan 2; Informan 3"
    assert by_key["tb/a/x"].quotes == quote("c1", pseudonymised=True)
    assert by_key["tb/a"].rolled_up == "True"


NO_STAR = "\u26a0 Belum ada kutipan berbintang."


def test_word_summary_holds_every_box(project: Project, study: Study, tmp_path: Path) -> None:
    out = tmp_path / "ringkasan.docx"
    with project.session() as s:
        export_summary(s, path=out, fmt="docx", codebook="tb", table_number="4.3",
                       pseudonymise=False)  # fmt: skip
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Tabel 4.3 Ringkasan metode ilustratif: Modal sosial"
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    table = [[c.text.replace("\u00a0", " ") for c in row.cells] for row in document.tables[0].rows]
    assert table[0] == ["No.", "Kotak teoretis", "Definisi", "Jumlah kutipan", "Informan",
                        "Kelompok informan", "Kutipan ilustratif", "Tidak terjadi / hambatan",
                        "Status"]  # fmt: skip
    dash = "\u2013"
    assert table[1:] == [
        ["1", "Kepercayaan (termasuk indikator)", "Warga dan aparat saling percaya.", "6",
         "4 informan\nHendra Wijaya, Siti Marlina, Bambang Priyono, Nur Aini",
         "aktor pemerintah, aparat pemerintah, masyarakat",
         quote("c1", row="tb/a") + "\n(+5 lainnya)", dash, "terisi"],
        ["1.1", "Percaya pada warga", "Aparat percaya.", "3",
         "3 informan\nHendra Wijaya, Siti Marlina, Bambang Priyono",
         "aktor pemerintah, aparat pemerintah", quote("c1") + "\n(+2 lainnya)", dash,
         "terisi"],
        ["1.2", "Swadaya", "Warga menyumbang.", "2", "1 informan\nHendra Wijaya",
         "aktor pemerintah", f"{NO_STAR}\n{quote('c3')}\n{quote('c4')}", dash, "tipis"],
        ["2", "Norma", "Aturan tak tertulis.", "3", "2 informan\nSiti Marlina, Nur Aini",
         "aparat pemerintah, masyarakat",
         f"{NO_STAR}\n{quote('c9')}\n{quote('c6')}\n\u201c{phrase('c11')}\u201d (Perwali, dokumen)",
         dash,
         "terisi"],
        ["3", "Jaringan", "Hubungan antarkelompok.", "0", dash, dash, dash, dash, "kosong"],
    ]  # fmt: skip
    assert document.tables[0].rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    text = [p.text for p in document.paragraphs]
    empty_at = text.index("Kotak yang masih kosong (1):")
    assert text[empty_at + 1] == "\u2013 Jaringan"  # a plain paragraph, no list style
    assert not any(
        p.style.name.startswith(("List", "Heading", "Title")) for p in document.paragraphs
    )
    # Short notes: no reference list; a box without a starred quote says so in its cell.
    assert not any(t.startswith("Rujukan teori") for t in text)
    # The status key sits right under the table; interviews and a regulation: mixed data.
    assert text[1].startswith("Status: terisi = bukti pendukung dari dua sumber atau lebih;")
    assert any(
        t.startswith("Sumber: data primer dan sekunder yang diolah peneliti (") for t in text
    )
    assert "Nama informan ditulis dengan nama sebenarnya." in text


def test_word_summary_pseudonymised_in_english_with_charts(
    project: Project, study: Study, tmp_path: Path
) -> None:
    out = tmp_path / "summary.docx"
    charts = [ChartImage(png(tmp_path / "a.png"), "Excerpts by code"),
              ChartImage(png(tmp_path / "b.png"), "Excerpts by group")]  # fmt: skip
    with project.session() as s:
        export_summary(s, path=out, fmt="docx", codebook="tb", language="en", pseudonymise=True,
                       mask_names=["Darto"], charts=charts, figure_number="4.2")  # fmt: skip
    document = docx.Document(str(out))
    rows = document.tables[0].rows
    assert rows[0].cells[1].text == "Theoretical box"
    assert rows[1].cells[1].text == "Trust (incl. indicators)"
    # A run of numbered informants is a range, each name kept on one line (no-break space).
    assert rows[1].cells[4].text == "4\u00a0informants\nInforman\u00a01\u20133, 10"
    assert rows[1].cells[6].text == (
        "\u201cKami percaya pada warga.\u201d (Informan 1, Kepala Bidang, interview 4 March 2024)"
        " [indicator: Trust in residents]\n(+5 more)"
    )
    assert rows[5].cells[8].text == "empty"
    body = "\n".join(p.text for p in document.paragraphs)
    for name in ("Hendra", "Marlina", "Bambang", "Nur Aini"):
        assert name not in body + "".join(c.text for r in rows for c in r.cells)
    assert "Figure 4.2 Excerpts by code" in body
    assert "Figure 4.3 Excerpts by group" in body
    assert len(document.inline_shapes) == 2
    # The charts get a portrait section of their own after the landscape table.
    assert [s.orientation for s in document.sections] == [WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
