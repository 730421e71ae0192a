"""Exporting excerpts to .csv, .xlsx and .docx: exact text, pseudonyms, safe writes."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from app.coding.cases import create_case, link_document
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codes import find_code
from app.coding.codings import apply_code
from app.coding.documents import import_files
from app.coding.errors import InvalidValue
from app.coding.exports.excerpts import COLUMNS, export_excerpts
from app.models.project import Project

TRANSCRIPT = (
    "Peneliti: Bagaimana peran Pak Agus waktu banjir?\n"
    "\n"
    "Informan: Agus Salim Nasution itu yang pertama turun 🌊 ke lapangan — “bersama-sama”, "
    "katanya… Pak Darmawan dari RW 05 juga ikut!\n"
    "\n"
    "Informan: =SUM(A1) itu bukan rumus; warga menulisnya di papan.\n"
)
QUOTES = (
    ("Agus Salim Nasution itu yang pertama turun 🌊 ke lapangan — “bersama-sama”, katanya…",
     "loeffler/co-delivery/joint-implementation", True),
    ("Pak Darmawan dari RW 05 juga ikut!", "putnam/networks/bridging", False),
    ("=SUM(A1) itu bukan rumus;", "putnam/trust", False),
    ("Bagaimana peran Pak Agus waktu banjir?\n\nInforman: Agus",
     "loeffler/co-delivery", False),
)  # fmt: skip


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    source = tmp_path / "INF03_Agus_Camat.txt"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    with project.session() as s:
        install_codebook(s, spec=load_bundled_codebook("loeffler"))
        install_codebook(s, spec=load_bundled_codebook("putnam"))
        (doc,) = import_files(s, paths=[source]).imported
        case = create_case(
            s,
            name="Agus Salim Nasution",
            alias="Informan 3",
            attributes={"role": "Camat", "interview_date": "2024-03-11"},
        )
        link_document(s, case_id=case.id, document_id=doc.id)
        for phrase, key, star in QUOTES:
            start = TRANSCRIPT.index(phrase)
            apply_code(
                s, document_id=doc.id, code_id=find_code(s, key), start=start,
                end=start + len(phrase), coder="Ani", memo="lihat juga Agus", illustrative=star,
            )  # fmt: skip
    return project


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _docx_text(path: Path) -> str:
    doc = WordDocument(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_csv_holds_the_exact_stored_text(coded: Project, tmp_path: Path) -> None:
    out = tmp_path / "kutipan.csv"
    with coded.session() as s:
        result = export_excerpts(s, path=out, fmt="csv", pseudonymise=False)
    assert result.rows == len(QUOTES)
    assert out.read_text(encoding="utf-8").startswith("code,document,case,start,end,text,coder,")
    rows = _read_csv(out)
    assert list(rows[0]) == list(COLUMNS)
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert row["text"] == TRANSCRIPT[start:end]
        assert row["case"] == "Agus Salim Nasution"
        assert row["document"] == "INF03_Agus_Camat.txt"
    assert {r["text"] for r in rows} == {q for q, _, _ in QUOTES}
    starred = [r["text"] for r in rows if r["illustrative"] == "1"]
    assert starred == [QUOTES[0][0]]


def test_xlsx_holds_the_exact_text_even_when_it_looks_like_a_formula(
    coded: Project, tmp_path: Path
) -> None:
    out = tmp_path / "kutipan.xlsx"
    with coded.session() as s:
        export_excerpts(s, path=out, fmt="xlsx", pseudonymise=False)
    frame = pd.read_excel(out, dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert sorted(frame["text"]) == sorted(q for q, _, _ in QUOTES)
    for _, row in frame.iterrows():
        assert row["text"] == TRANSCRIPT[int(row["start"]) : int(row["end"])]


def test_docx_has_a_heading_per_code_and_a_repeating_header_row(
    coded: Project, tmp_path: Path
) -> None:
    out = tmp_path / "kutipan.docx"
    with coded.session() as s:
        export_excerpts(
            s, path=out, fmt="docx", code_ids=[find_code(s, "loeffler/co-delivery")],
            pseudonymise=False,
        )  # fmt: skip
    doc = WordDocument(str(out))
    texts = [p.text for p in doc.paragraphs]
    # The code, then its indicator, each with its definition and reference under it.
    assert texts[0] == "Kutipan per Kode"
    assert texts[1] == "Nama informan ditulis dengan nama sebenarnya."
    assert texts[2] == "Pelayanan bersama (co-delivery)"
    assert texts[3].endswith(")") and "Loeffler" in texts[3]
    assert texts[4] == "Pelaksanaan bersama proyek"
    assert texts[5].startswith("Warga dan aparat melaksanakan")
    assert len(doc.tables) == 2
    for table in doc.tables:
        first = table.rows[0]
        assert [c.text for c in first.cells] == ["No.", "Kutipan", "Dokumen"]
        header = first._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    quote_cell = doc.tables[1].rows[1].cells[1].text
    assert "“Agus Salim Nasution itu yang pertama turun 🌊" in quote_cell
    assert "— Agus Salim Nasution, Camat, wawancara 11 Maret 2024" in quote_cell
    assert doc.tables[1].rows[1].cells[0].text == "1 ★"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_pseudonymising_replaces_names_everywhere(coded: Project, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"anonim.{fmt}"
    with coded.session() as s:
        export_excerpts(s, path=out, fmt=fmt, pseudonymise=True, mask_names=["Darmawan"])
    if fmt == "csv":
        text = out.read_text(encoding="utf-8")
        assert {r["case"] for r in _read_csv(out)} == {"Informan 3"}
    elif fmt == "xlsx":
        frame = pd.read_excel(out, dtype=str, keep_default_na=False)
        text = "\n".join("\t".join(row) for row in frame.itertuples(index=False))
        assert set(frame["case"]) == {"Informan 3"}
    else:
        text = _docx_text(out)
        assert "— Informan 3, Camat, wawancara 11 Maret 2024" in text
        assert "Nama informan disamarkan" in text
    for name in ("Agus", "Salim", "Nasution", "Darmawan"):
        assert name not in text
    assert "Informan 3 itu yang pertama turun 🌊" in text
    assert "Pak [disamarkan] dari RW 05" in text
    # The document is named by its case and type, never by the file name.
    assert "INF03" not in text
    assert "Informan 3, wawancara" in text


def test_english_labels_and_dates(coded: Project, tmp_path: Path) -> None:
    out = tmp_path / "excerpts.docx"
    with coded.session() as s:
        export_excerpts(s, path=out, fmt="docx", language="en", pseudonymise=True)
    text = _docx_text(out)
    assert "Excerpts by Code" in text
    assert "— Informan 3, Camat, interview 11 March 2024" in text


def test_a_failed_export_leaves_no_file_behind(coded: Project, tmp_path: Path) -> None:
    target = tmp_path / "sudah-ada.csv"
    target.write_text("isi lama", encoding="utf-8")
    with coded.session() as s:
        with pytest.raises(InvalidValue):
            export_excerpts(s, path=target, fmt="pdf")
        with pytest.raises(OSError):
            export_excerpts(s, path=tmp_path / "tidak-ada" / "x.csv", fmt="csv")
        blocked = tmp_path / "folder.xlsx"
        blocked.mkdir()
        with pytest.raises(OSError):
            export_excerpts(s, path=blocked, fmt="xlsx")
    assert target.read_text(encoding="utf-8") == "isi lama"
    assert not list(tmp_path.glob(".*part"))
    assert blocked.is_dir()
