"""``telaah case``: list the informant codes, set one per case, clear it again."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from coding._analysis_study import build_study

from app.cli import main
from app.models.project import Project


@pytest.fixture
def study_file(project: Project) -> Path:
    build_study(project)
    project.close()
    return project.path


def test_codes_are_listed_set_and_cleared(
    study_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", str(study_file)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in listed] == ["AP1 ", "APP1 ", "APP2 ", "M1 "]
    assert listed[1].endswith("Siti Marlina (Informan 2) — aparat pemerintah")
    # By alias or by name; the informant table and the draft use the code.
    assert main(["case", str(study_file), "Informan 2", "--code", "LRH1"]) == 0
    assert capsys.readouterr().out.startswith("LRH1*\tSiti Marlina")
    out = tmp_path / "informan.docx"
    assert main(["export", str(study_file), "informants", "--format", "docx", "-o", str(out),
                 "--real-names"]) == 0  # fmt: skip
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
    assert [r[1] for r in rows[1:]] == ["AP1", "LRH1", "APP1", "M1"]
    draft = tmp_path / "draf.docx"
    assert main(["export", str(study_file), "draft", "--codebook", "tb", "--format", "docx",
                 "-o", str(draft)]) == 0  # fmt: skip
    assert "(LRH1)" in "\n".join(p.text for p in docx.Document(str(draft)).paragraphs)
    capsys.readouterr()
    # Taken, malformed, unknown: one line, exit 1, nothing changed.
    for argv, said in (
        (["Hendra Wijaya", "--code", "lrh1"], "lrh1"),
        (["Hendra Wijaya", "--code", "A K"], "A K"),
        (["Nobody", "--code", "X1"], "Nobody"),
    ):
        assert main(["case", str(study_file), *argv]) == 1
        err = capsys.readouterr().err
        assert said in err and len(err.strip().splitlines()) == 1
    assert main(["case", str(study_file), "Siti Marlina", "--clear-code"]) == 0
    assert capsys.readouterr().out.startswith("APP1 \tSiti Marlina")
