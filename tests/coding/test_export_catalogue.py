"""The export catalogue: default titles are the ones written, file names from titles."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from coding._analysis_study import build_study

from app.coding.analysis import build_matrix
from app.coding.errors import InvalidValue
from app.coding.exports.catalogue import (
    FORMATS_OF,
    ExportKind,
    ExportRequest,
    default_title,
    file_name,
    free_path,
    write_export,
)
from app.coding.exports.table_options import make_options
from app.models.project import Project


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_default_title_is_the_title_written(
    project: Project, tmp_path: Path, language: str
) -> None:
    build_study(project)
    book = "Modal sosial" if language == "id" else "Social capital"
    with project.session() as s:
        matrix = build_matrix(s, rows="tb", cols="attr:group")
        for kind in ExportKind:
            out = tmp_path / f"{kind.value}-{language}.docx"
            request = ExportRequest(
                kind=kind, fmt="docx", path=out, language=language, codebook="tb",
                cols="attr:group", options=make_options(table_number="3"),
            )  # fmt: skip
            result = write_export(s, request=request)
            title = default_title(kind, language=language, book=book, matrix=matrix)
            paragraphs = docx.Document(str(result.path)).paragraphs
            if kind is ExportKind.DRAFT:
                assert paragraphs[0].text == title
                continue
            label = "Tabel" if language == "id" else "Table"
            assert paragraphs[0].text == f"{label} 4.3 {title}", kind


def test_each_kind_refuses_a_format_it_is_not_written_in(project: Project, tmp_path: Path) -> None:
    build_study(project)
    out = tmp_path / "out"
    out.mkdir()
    assert FORMATS_OF[ExportKind.DRAFT] == ("docx",)
    with project.session() as s, pytest.raises(InvalidValue):
        write_export(s, request=ExportRequest(
            kind=ExportKind.DRAFT, fmt="csv", path=out / "d.csv", codebook="tb"))  # fmt: skip
    with project.session() as s, pytest.raises(InvalidValue):
        write_export(s, request=ExportRequest(
            kind=ExportKind.SUMMARY, fmt="docx", path=out / "s.docx"))  # fmt: skip
    assert list(out.iterdir()) == []


def test_file_names_from_titles_are_safe_everywhere(tmp_path: Path) -> None:
    assert file_name("Ringkasan Temuan: Empat Co", "docx", language="id", number="4.2") == (
        "Tabel 4.2 Ringkasan Temuan Empat Co.docx"
    )
    assert file_name('a/b\\c*d?"e<f>|g', "csv", language="en") == "a b c d e f g.csv"
    long = file_name("Tahap Co-commissioning pada Shelter Warga " * 5, "docx", language="id")
    stem = long.removesuffix(".docx")
    assert len(stem) <= 100 and stem == stem.strip()
    assert ("Tahap Co-commissioning pada Shelter Warga " * 5).startswith(stem + " ")
    assert file_name(" .. ", "xlsx", language="id") == "telaah.xlsx"
    (tmp_path / "x.docx").write_text("taken", encoding="utf-8")
    (tmp_path / "x (2).docx").write_text("taken", encoding="utf-8")
    assert free_path(tmp_path, "x.docx") == tmp_path / "x (3).docx"
    assert free_path(tmp_path, "y.docx") == tmp_path / "y.docx"
