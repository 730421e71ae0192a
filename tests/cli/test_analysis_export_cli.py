"""``telaah export PROJECT matrix|summary`` (SPEC §5), run in-process."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pandas as pd
import pytest
from coding._analysis_study import build_study

from app.cli import main
from app.models.project import Project


@pytest.fixture
def study_file(project: Project) -> Path:
    build_study(project)
    project.close()
    return project.path


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_matrix_of_every_column_kind(
    study_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_case = tmp_path / "cases.csv"
    assert main(["export", str(study_file), "matrix", "--rows", "tb", "--cols", "cases",
                 "--cells", "count", "--format", "csv", "-o", str(by_case)]) == 0  # fmt: skip
    assert "wrote a matrix of 5 codes" in capsys.readouterr().out
    # A new project prints aliases unless told otherwise.
    assert rows(by_case)[:2] == [
        ["code", "Informan 1", "Informan 2", "Informan 3", "Informan 10"],
        ["tb/a", "3", "1", "1", "1"],
    ]
    assert main(["export", str(study_file), "matrix", "--rows", "tb", "--cols", "cases",
                 "--cells", "count", "--format", "csv", "-o", str(by_case),
                 "--real-names"]) == 0  # fmt: skip
    assert rows(by_case)[0] == [
        "code",
        "Hendra Wijaya",
        "Siti Marlina",
        "Bambang Priyono",
        "Nur Aini",
    ]
    by_type = tmp_path / "types.csv"
    assert main(["export", str(study_file), "matrix", "--rows", "tb", "--cols", "source-type",
                 "--cells", "count", "--format", "csv", "-o", str(by_type)]) == 0  # fmt: skip
    assert rows(by_type) == [
        ["code", "interview", "document"],
        ["tb/a", "6", "0"], ["tb/a/x", "3", "0"], ["tb/a/y", "2", "0"], ["tb/b", "2", "1"],
        ["tb/c", "0", "0"],
    ]  # fmt: skip
    by_group = tmp_path / "groups.xlsx"
    assert main(["export", str(study_file), "matrix", "--rows", "tb", "--cols", "attr:group",
                 "--cells", "presence", "--format", "xlsx", "-o", str(by_group)]) == 0  # fmt: skip
    frame = pd.read_excel(by_group, dtype=str, na_filter=False)
    assert list(frame.columns) == ["code", "aktor pemerintah", "aparat pemerintah", "masyarakat"]
    assert list(frame.iloc[2]) == ["tb/a/y", "\u2713", "\u2013", "\u2013"]
    cooc = tmp_path / "cooc.docx"
    assert main(["export", str(study_file), "matrix", "--rows", "tb", "--cols", "co",
                 "--cells", "quotes", "--format", "docx", "-o", str(cooc), "--pseudonymise",
                 "--mask", "Darto", "--language", "en", "--table-number", "4.5"]) == 0  # fmt: skip
    document = docx.Document(str(cooc))
    assert document.paragraphs[0].text.startswith("Table 4.5 Co-occurrence of Social capital")
    cell = document.tables[0].rows[2].cells[1].text
    assert cell == (
        "\u201cKami percaya pada warga.\u201d (Informan 1, Kepala Bidang, interview 4 March 2024)"
    )


def test_summary_with_a_coder_filter(study_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.csv"
    assert main(["export", str(study_file), "summary", "--codebook", "tb", "--format", "csv",
                 "-o", str(out)]) == 0  # fmt: skip
    assert rows(out)[1] == ["tb/a", "6", "4", "3", "1", "0", "0", "filled", ""]
    assert main(["export", str(study_file), "summary", "--codebook", "tb", "--format", "csv",
                 "-o", str(out), "--coder", "budi"]) == 0  # fmt: skip
    assert {row[7] for row in rows(out)[1:]} == {"empty"}
    assert main(["export", str(study_file), "summary", "--codebook", "tb", "--format", "csv",
                 "-o", str(out), "--coder", "budi", "--coder", "siti"]) == 0  # fmt: skip
    assert rows(out)[1][1] == "6"
    assert main(["export", str(study_file), "summary", "--codebook", "tb", "--format", "csv",
                 "-o", str(out), "--coder", "nobody"]) == 1  # fmt: skip


def test_errors_are_one_line_and_write_nothing(
    study_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.csv"
    status = main(["export", str(study_file), "matrix", "--rows", "nope", "--cols", "cases",
                   "--format", "csv", "-o", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert status == 1
    assert len(err.strip().splitlines()) == 1 and "nope" in err
    assert not out.exists()
    status = main(["export", str(study_file), "matrix", "--rows", "tb", "--cols", "cases",
                   "--cells", "colour", "--format", "csv", "-o", str(out)])  # fmt: skip
    assert status == 2
    assert not out.exists()


def test_triangulation_export(study_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "triangulasi.csv"
    assert main(["export", str(study_file), "triangulation", "--codebook", "tb", "--format",
                 "csv", "-o", str(out)]) == 0  # fmt: skip
    assert rows(out)[0] == [
        "code", "interview", "document", "aktor pemerintah", "aparat pemerintah", "masyarakat",
        "finding",
    ]  # fmt: skip
    assert rows(out)[4] == ["tb/b", "2", "1", "0", "1", "1", ""]
    docx_out = tmp_path / "triangulasi.docx"
    assert main(["export", str(study_file), "triangulation", "--codebook", "tb", "--format",
                 "docx", "-o", str(docx_out), "--language", "en"]) == 0  # fmt: skip
    assert docx.Document(str(docx_out)).paragraphs[0].text.startswith("Table 4.1 Triangulation")
