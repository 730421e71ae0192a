"""The summary takes the matrix's table options: quotes (all really all), a filter by case
attribute or co-occurring code, and the long and split layouts; read back with python-docx."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pandas as pd
import pytest
from _analysis_study import GROUP_AKTOR, Study, build_study, phrase
from test_matrix_export import quote

from app.cli import main
from app.coding.errors import NotFound
from app.coding.exports.summary import export_summary
from app.coding.exports.table_options import make_options
from app.models.project import Project


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def _export(project: Project, out: Path, fmt: str = "docx", **options: object) -> Path:
    with project.session() as s:
        export_summary(s, path=out, fmt=fmt, codebook="tb", pseudonymise=False,
                       options=make_options(**options))  # type: ignore[arg-type]  # fmt: skip
    return out


def _cells(path: Path, table: int = 0) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in docx.Document(str(path)).tables[table].rows]


def _captions(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Caption"]


def test_quotes_all_is_every_quote_and_a_number_is_that_many(
    project: Project, study: Study, tmp_path: Path
) -> None:
    every = _cells(_export(project, tmp_path / "all.docx", quotes="all"))
    trust = every[1][6]
    # All six supporting quotes of Kepercayaan, the starred one first, and no "(+N)".
    for label in ("c1", "c3", "c4", "c5", "c8", "c12"):
        assert phrase(label) in trust, label
    assert trust.index(phrase("c1")) < trust.index(phrase("c5"))
    assert "lainnya" not in trust
    two = _cells(_export(project, tmp_path / "two.docx", quotes=2))[1][6].split("\n")
    assert two[0] == quote("c1", row="tb/a") and two[-1] == "(+4 lainnya)"
    assert len(two) == 3
    # The .xlsx details carry all quotes too.
    _export(project, tmp_path / "all.xlsx", fmt="xlsx", quotes="all")
    details = pd.read_excel(tmp_path / "all.xlsx", sheet_name=1, dtype=str, na_filter=False)
    assert len(details.iloc[0]["quotes"].split("\n")) == 6


def test_where_keeps_the_evidence_of_an_attribute_value_or_a_code(
    project: Project, study: Study, tmp_path: Path
) -> None:
    out = _export(project, tmp_path / "aktor.csv", fmt="csv", where=f"attr:group={GROUP_AKTOR}")
    with out.open(encoding="utf-8", newline="") as fh:
        counts = {row[0]: (row[1], row[7]) for row in list(csv.reader(fh))[1:]}
    # Only Hendra (aktor pemerintah): three Kepercayaan quotes, Norma now empty.
    assert counts == {"tb/a": ("3", "thin"), "tb/a/x": ("1", "thin"), "tb/a/y": ("2", "thin"),
                      "tb/b": ("0", "empty"), "tb/c": ("0", "empty")}  # fmt: skip
    word = _export(project, tmp_path / "aktor.docx", where=f"attr:group={GROUP_AKTOR}")
    body = [p.text for p in docx.Document(str(word)).paragraphs]
    assert f"Hanya bukti dari kasus dengan group = {GROUP_AKTOR}." in body
    assert "Siti Marlina" not in "".join(c for row in _cells(word) for c in row)
    plan = _cells(_export(project, tmp_path / "plan.docx", where="code:co/plan"))
    # co/plan overlaps c1 (Kepercayaan) and the regulation's c11 (Norma).
    assert [row[3] for row in plan[1:]] == ["1", "1", "0", "1", "0"]
    with pytest.raises(NotFound), project.session() as s:
        export_summary(s, path=tmp_path / "x.docx", fmt="docx", codebook="tb",
                       options=make_options(where="attr:nope=1"))  # fmt: skip
    assert not (tmp_path / "x.docx").exists()


def test_split_writes_one_numbered_table_per_top_level_box(
    project: Project, study: Study, tmp_path: Path
) -> None:
    out = _export(project, tmp_path / "split.docx", layout="split", numbering="continuous",
                  table_number="12", title="Modal Sosial Warga")  # fmt: skip
    assert _captions(out) == [
        "Tabel 12 Modal Sosial Warga: Kepercayaan",
        "Tabel 13 Modal Sosial Warga: Norma",
        "Tabel 14 Modal Sosial Warga: Jaringan",
    ]
    document = docx.Document(str(out))
    assert [len(t.rows) for t in document.tables] == [1 + 3, 1 + 1, 1 + 1]
    # One source line under each table.
    sources = [p.text for p in document.paragraphs if p.text.startswith("Sumber:")]
    assert len(sources) == 3


def test_long_has_one_row_per_box_and_informant(
    project: Project, study: Study, tmp_path: Path
) -> None:
    table = _cells(_export(project, tmp_path / "long.docx", layout="long", depth=1))
    assert table[0] == ["No.", "Kotak teoretis", "Informan / sumber", "Kutipan ilustratif",
                        "Status"]  # fmt: skip
    trust = table[1:5]
    assert [row[2] for row in trust] == ["Hendra Wijaya", "Siti Marlina", "Bambang Priyono",
                                         "Nur Aini"]  # fmt: skip
    assert trust[0][:2] == ["1", "Kepercayaan (termasuk indikator)"] and trust[1][:2] == ["", ""]
    assert trust[0][4] == "terisi" and trust[1][4] == ""
    hendra = trust[0][3]
    assert phrase("c1") in hendra and phrase("c3") in hendra and phrase("c4") in hendra
    # Norma: two informants, then the regulation (a document without a case).
    assert [row[2] for row in table[5:8]] == ["Siti Marlina", "Nur Aini", "Perwali, dokumen"]
    assert table[-1][1:] == ["Jaringan", "\u2013", "\u2013", "kosong"]


def test_the_command_line_takes_layout_where_and_quotes(
    project: Project, study: Study, tmp_path: Path
) -> None:
    project.close()
    out = tmp_path / "ringkasan.docx"
    assert main(["export", str(project.path), "summary", "--codebook", "tb", "--format", "docx",
                 "-o", str(out), "--layout", "split", "--where", f"attr:group={GROUP_AKTOR}",
                 "--quotes", "all", "--real-names"]) == 0  # fmt: skip
    assert len(_captions(out)) == 3
    assert phrase("c4") in _cells(out)[1][6]
