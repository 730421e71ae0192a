"""Source lines under tables: primary, secondary or mixed data, in the project's wording and
year (see _analysis_study: four interviews and a regulation typed ``document``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from _analysis_study import Study, build_study

from app.coding.exports.matrix import export_matrix
from app.coding.exports.summary import export_summary
from app.coding.settings import update_settings
from app.coding.sources import set_document_source
from app.models.project import Project


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def _source_line(path: Path) -> str:
    lines = [
        p.text
        for p in docx.Document(str(path)).paragraphs
        if p.text.startswith(("Sumber", "Source"))
    ]
    assert len(lines) == 1, lines
    return lines[0]


def test_interviews_primary_documents_secondary_both_mixed(
    project: Project, study: Study, tmp_path: Path
) -> None:
    this_year = 2024  # no study year set: the latest interview date (March 2024)
    with project.session() as s:
        # Cases × codes: only the interviews (the regulation has no case) — primary data.
        export_matrix(s, path=tmp_path / "a.docx", fmt="docx", rows="tb", cols="cases",
                      cells="quotes")  # fmt: skip
        # The summary quotes the regulation too — mixed.
        export_summary(s, path=tmp_path / "b.docx", fmt="docx", codebook="tb")
        for doc_id in study.documents.values():
            set_document_source(s, document_id=doc_id, source_type="document")
        export_summary(s, path=tmp_path / "c.docx", fmt="docx", codebook="tb", language="en")
    assert _source_line(tmp_path / "a.docx") == (
        f"Sumber: data primer yang diolah peneliti ({this_year})."
    )
    assert _source_line(tmp_path / "b.docx") == (
        f"Sumber: data primer dan sekunder yang diolah peneliti ({this_year})."
    )
    assert _source_line(tmp_path / "c.docx") == (
        f"Source: secondary data processed by the researcher ({this_year})."
    )


def test_study_year_and_wording_from_the_settings(
    project: Project, study: Study, tmp_path: Path
) -> None:
    with project.session() as s:
        # Without a study year, the latest document or interview date sets it.
        set_document_source(s, document_id=study.documents["Perwali.txt"],
                            source_date=date(2025, 1, 10))  # fmt: skip
        export_summary(s, path=tmp_path / "a.docx", fmt="docx", codebook="tb")
        update_settings(
            s, study_year=2024,
            source_mixed="Sumber: hasil wawancara dan dokumen, diolah peneliti ({year}).",
        )  # fmt: skip
        export_summary(s, path=tmp_path / "b.docx", fmt="docx", codebook="tb")
        export_matrix(s, path=tmp_path / "c.docx", fmt="docx", rows="tb", cols="cases",
                      cells="count")  # fmt: skip
    assert _source_line(tmp_path / "a.docx") == (
        "Sumber: data primer dan sekunder yang diolah peneliti (2025)."
    )
    assert _source_line(tmp_path / "b.docx") == (
        "Sumber: hasil wawancara dan dokumen, diolah peneliti (2024)."
    )
    # The count matrix counts interviews only: the default primary wording, the set year.
    assert _source_line(tmp_path / "c.docx") == "Sumber: data primer yang diolah peneliti (2024)."
