"""The thesis artefacts of the sample study: informant table with codes such as AP1, the
operationalisation table of a codebook and the findings summary, as .docx, .xlsx and .csv."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from docx import Document as WordDocument
from sqlalchemy import select

from app.coding.demo import build_demo_project
from app.coding.errors import DuplicateName, InvalidValue
from app.coding.exports.artefacts import (
    export_codebook_table,
    export_findings,
    export_informants,
)
from app.coding.exports.table_options import make_options
from app.coding.informants import informant_codes, set_informant_code
from app.models.project import Project, open_project
from app.models.schema import Case


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Project]:
    project = open_project(build_demo_project(tmp_path / "contoh.telaah"))
    yield project
    project.close()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_informant_codes_follow_the_groups_and_can_be_set_per_case(
    demo: Project, tmp_path: Path
) -> None:
    with demo.session() as s:
        export_informants(s, path=tmp_path / "i.csv", fmt="csv")
        rows = _rows(tmp_path / "i.csv")
        assert list(rows[0]) == ["code", "name", "role", "group", "date", "place"]
        assert [r["code"] for r in rows][:3] == ["AP1", "AP2", "APP1"]
        assert rows[7]["code"] == "EM1" and rows[7]["group"] == "elemen masyarakat"
        assert rows[0]["name"] == "Informan 1"  # the project setting: aliases in exports
        camat = s.scalar(select(Case.id).where(Case.name == "Agus Salim Nasution"))
        set_informant_code(s, case_id=camat, code="AK1")
        assert informant_codes(s)[camat] == "AK1"
        with pytest.raises(DuplicateName):
            other = s.scalar(select(Case.id).where(Case.name == "Siti Marlina"))
            set_informant_code(s, case_id=other, code="ak1")
        with pytest.raises(InvalidValue):
            set_informant_code(s, case_id=camat, code="A K")
        export_informants(s, path=tmp_path / "i.docx", fmt="docx", pseudonymise=False)
        export_informants(s, path=tmp_path / "i.xlsx", fmt="xlsx")
    doc = WordDocument(str(tmp_path / "i.docx"))
    assert doc.paragraphs[0].text == "Tabel 4.1 Daftar Informan Penelitian"
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "No.", "Kode", "Nama", "Jabatan", "Kelompok", "Tanggal wawancara", "Tempat",
    ]  # fmt: skip
    third = [c.text for c in table.rows[3].cells]
    assert third[1:3] == ["AK1", "Agus Salim Nasution"] and third[5] == "11 Maret 2024"
    assert pd.read_excel(tmp_path / "i.xlsx")["code"].tolist()[2] == "AK1"
    assert doc.paragraphs[-1].text.startswith("Sumber: data primer")


def test_operationalisation_table_of_a_codebook(demo: Project, tmp_path: Path) -> None:
    with demo.session() as s:
        export_codebook_table(s, path=tmp_path / "c.csv", fmt="csv", codebook="putnam")
        export_codebook_table(
            s, path=tmp_path / "c.docx", fmt="docx", codebook="putnam",
            options=make_options(numbering="continuous", table_number="28"),
        )  # fmt: skip
    rows = _rows(tmp_path / "c.csv")
    assert list(rows[0]) == ["code", "name", "definition", "reference", "level"]
    assert [(r["code"], r["level"]) for r in rows[:2]] == [
        ("putnam/trust", "1"), ("putnam/trust/interpersonal", "2"),
    ]  # fmt: skip
    doc = WordDocument(str(tmp_path / "c.docx"))
    assert doc.paragraphs[0].text == "Tabel 28 Operasionalisasi Konsep: Modal sosial"
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header == ["No.", "Teori", "Dimensi", "Indikator", "Definisi operasional", "Sumber"]
    linking = next(
        r for r in doc.tables[0].rows if r.cells[3].text.startswith("Modal sosial pengait")
    )
    assert (
        "Gunakan bila:" in linking.cells[4].text and "Jangan gunakan bila:" in linking.cells[4].text
    )
    assert "Woolcock (1998" in linking.cells[5].text
    assert doc.paragraphs[-1].text == "Sumber: diolah peneliti berdasarkan Putnam (1993, 2000)."


def test_findings_summary_has_status_finding_and_the_strongest_quote(
    demo: Project, tmp_path: Path
) -> None:
    with demo.session() as s:
        export_findings(s, path=tmp_path / "f.csv", fmt="csv", codebook="loeffler")
        export_findings(s, path=tmp_path / "f.docx", fmt="docx", codebook="loeffler")
    rows = {r["code"]: r for r in _rows(tmp_path / "f.csv")}
    assert list(next(iter(rows.values()))) == ["code", "name", "status", "finding", "quote"]
    monitoring = rows["loeffler/co-assessment/co-monitoring"]
    assert monitoring["status"] == "empty" and monitoring["quote"] == ""
    prioritising = rows["loeffler/co-commissioning/co-prioritising"]
    assert prioritising["status"] == "filled" and prioritising["quote"].startswith("\u201c")
    doc = WordDocument(str(tmp_path / "f.docx"))
    assert doc.paragraphs[0].text == "Tabel 4.1 Ringkasan Temuan: Empat Co"
    assert [c.text for c in doc.tables[0].rows[0].cells] == [
        "No.", "Kotak teoretis", "Status", "Temuan", "Kutipan terkuat",
    ]  # fmt: skip
    assert len(doc.tables[0].rows) == 1 + len(rows)


def test_chapter_draft_has_headings_definitions_block_quotes_and_the_summary_table(
    demo: Project, tmp_path: Path
) -> None:
    from app.coding.exports.draft import export_draft

    with demo.session() as s:
        result = export_draft(s, path=tmp_path / "bab iv.docx", codebook="loeffler")
    assert result.rows == 21
    doc = WordDocument(str(tmp_path / "bab iv.docx"))
    paras = doc.paragraphs
    headings = [p.text for p in paras if p.style.name.startswith("Heading")]
    assert headings[0] == "Draf Bab IV: Empat Co"
    assert headings[1] == "4.2.1 Perencanaan bersama (co-commissioning)"
    assert "4.2.4.4 Evaluasi bersama (co-evaluation)" in headings
    assert sum("Draf awal" in p.text for p in paras) == 1  # says it once
    texts = [p.text for p in paras]
    at = texts.index("4.2.1.2 Penetapan bersama urutan prioritas")
    section = texts[at + 1 : texts.index("4.2.1.3 Perencanaan bersama prioritas pelayanan")]
    assert section[0].startswith("Menurut Loeffler & Bovaird (2019")
    leads = [t for t in section if t.startswith("Hal ini sebagaimana disampaikan oleh Informan")]
    assert 1 <= len(leads) <= 2 and re.search(r"\(A[A-Z]*\d+\):$", leads[0])
    blocks = [p for p in paras[at:] if p.paragraph_format.left_indent is not None][: len(leads)]
    assert all(b.text.startswith("\u201c") and b.runs[0].italic for b in blocks)
    assert any(t.startswith("[INTERPRETASI PENELITI") for t in section)
    empty = texts.index("4.2.4.3 Pemantauan bersama (co-monitoring)")
    assert "Tidak ditemukan bukti" in " ".join(texts[empty + 1 : empty + 4])
    assert any(p.style.name == "Caption" and "Ringkasan Temuan" in p.text for p in paras)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 22
