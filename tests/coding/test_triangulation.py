"""The triangulation table over the known-answer study (see _analysis_study)."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pandas as pd
import pytest
from _analysis_study import Study, build_study

from app.coding.analysis.triangulation import build_triangulation
from app.coding.codings import Stance, update_coding
from app.coding.errors import NotFound
from app.coding.exports.triangulation import export_triangulation
from app.coding.findings import set_finding
from app.models.project import Project

GROUPS = ["aktor pemerintah", "aparat pemerintah", "masyarakat"]
FINDING = "Norma ronda hidup di warga dan tertulis dalam Perwali."
EXPECTED = [
    ["code", "interview", "document", *GROUPS, "finding"],
    ["tb/a", "6", "0", "3", "2", "1", ""],
    ["tb/a/x", "3", "0", "1", "2", "0", ""],
    ["tb/a/y", "2", "0", "2", "0", "0", ""],
    ["tb/b", "2", "1", "0", "1", "1", FINDING],
    ["tb/c", "0", "0", "0", "0", "0", ""],
]


@pytest.fixture
def study(project: Project) -> Study:
    built = build_study(project)
    with project.session() as s:
        set_finding(s, code_id=built.codes["tb/b"], text=FINDING)
    return built


def test_rows_count_supporting_evidence_by_type_and_group(project: Project, study: Study) -> None:
    with project.session() as s:
        table = build_triangulation(s, codebook="tb")
        # An "absent" coding is not support: it leaves the counts.
        update_coding(s, coding_id=study.codings["c12"], stance=Stance.ABSENT)
        after = build_triangulation(s, codebook="tb")
        with pytest.raises(NotFound):
            build_triangulation(s, codebook="tb", coders=["nobody"])
    rows = {r.key: r for r in table.rows}
    assert [t.value for t in table.source_types] == ["interview", "document"]
    assert list(table.groups) == GROUPS
    assert (rows["tb/b"].confirmed_types, rows["tb/b"].confirmed_groups) == (2, 2)
    assert rows["tb/b"].finding == FINDING
    assert {r.key: r.by_type["interview"] for r in after.rows}["tb/a/x"] == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_csv_and_xlsx_layout(project: Project, study: Study, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"triangulasi.{fmt}"
    with project.session() as s:
        result = export_triangulation(s, path=out, fmt=fmt, codebook="tb")
    assert result.rows == 5
    if fmt == "csv":
        with out.open(encoding="utf-8", newline="") as fh:
            got = list(csv.reader(fh))
    else:
        frame = pd.read_excel(out, dtype=str, na_filter=False)
        got = [list(frame.columns), *map(list, frame.itertuples(index=False))]
        notes = pd.read_excel(out, sheet_name=1, dtype=str)
        assert any("disamarkan" in v for v in notes.iloc[:, 0])
    assert got == EXPECTED


def test_word_table_with_conclusions_and_mixed_source_line(
    project: Project, study: Study, tmp_path: Path
) -> None:
    out = tmp_path / "triangulasi.docx"
    with project.session() as s:
        export_triangulation(s, path=out, fmt="docx", codebook="tb", table_number="4.9")
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == (
        "Tabel 4.9 Triangulasi Modal sosial: jenis sumber data dan kelompok informan"
    )
    table = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert table[0] == ["No.", "Kotak teoretis", "Wawancara", "Dokumen", *GROUPS,
                        "Kesimpulan (temuan)"]  # fmt: skip
    assert table[4][:7] == ["2", "Norma", "\u2713 (2)", "\u2713 (1)", "\u2013", "\u2713 (1)",
                            "\u2713 (1)"]  # fmt: skip
    assert table[4][7] == f"{FINDING}\ndikonfirmasi 2 jenis sumber, 2 kelompok informan"
    assert table[5][7].startswith("(temuan belum ditulis)")
    notes = [p.text for p in document.paragraphs]
    assert any(
        n.startswith("Sumber: data primer dan sekunder yang diolah peneliti (") for n in notes
    )
