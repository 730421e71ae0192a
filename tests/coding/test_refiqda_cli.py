"""``telaah export … qdpx``, ``telaah import-qdpx`` and ``telaah codebook … export|import``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from refiqda_data import write_qdpx

from app.cli import main

TEXT = "Informan: Kami kerja bakti 🌊 tiap Minggu pagi.\n\nInforman: Semua ikut."


def _project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    project = tmp_path / "tesis.telaah"
    source = tmp_path / "INF01.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["new", str(project), "--codebook", "loeffler"]) == 0
    assert (
        main(["import", str(project), str(source), "--case", "Informan 1", "--attr", "umur=40"])
        == 0
    )
    start = TEXT.index("tiap Minggu")
    args = [
        "code",
        str(project),
        "--document",
        "INF01.txt",
        "--start",
        str(start),
        "--end",
        str(start + 11),
        "--code",
        "loeffler/co-delivery",
        "--coder",
        "siti",
    ]
    assert main(args) == 0
    capsys.readouterr()
    return project


def test_round_trip_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, capsys)
    out = tmp_path / "tesis.qdpx"
    assert main(["export", str(project), "qdpx", "-o", str(out)]) == 0
    assert "1 codings" in capsys.readouterr().out
    copy = tmp_path / "salinan.telaah"
    assert main(["import-qdpx", str(out), str(copy)]) == 0
    assert "1 codings, 1 cases" in capsys.readouterr().out
    assert main(["text", str(copy), "--document", "INF01.txt"]) == 0
    assert capsys.readouterr().out.rstrip("\n") == TEXT
    assert main(["stats", str(copy), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["codings"], stats["cases"], stats["codebooks"]) == (1, 1, {"loeffler": 21})


def test_import_qdpx_refuses_existing_project_and_hostile_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, capsys)
    out = tmp_path / "tesis.qdpx"
    assert main(["export", str(project), "qdpx", "-o", str(out)]) == 0
    capsys.readouterr()
    before = project.read_bytes()
    assert main(["import-qdpx", str(out), str(project)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("telaah: error:") and err.count("\n") == 1
    assert project.read_bytes() == before
    evil = write_qdpx(tmp_path / "evil.qdpx", '<!DOCTYPE x [<!ENTITY a "b">]><Project name="&a;"/>')
    assert main(["import-qdpx", str(evil), str(tmp_path / "baru.telaah")]) == 1
    err = capsys.readouterr().err
    assert "unsafe-xml" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "baru.telaah").exists()


def test_codebook_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path, capsys)
    qdc = tmp_path / "Empat Co.qdc"
    assert main(["codebook", str(project), "export", str(qdc)]) == 0
    assert "loeffler" in capsys.readouterr().out
    other = tmp_path / "lain.telaah"
    assert main(["new", str(other)]) == 0
    assert main(["codebook", str(other), "import", str(qdc)]) == 0
    assert "empat-co" in capsys.readouterr().out
    assert main(["codebook", str(other), "import", str(qdc)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_import_qdpx_names_each_skipped_coding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from refiqda_data import skips_qdpx

    assert main(["import-qdpx", str(skips_qdpx(tmp_path / "lewat.qdpx")), str(tmp_path / "l")]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "not imported" in line]
    assert len(lines) == 5
    assert any('code "Posko", positions ' in line and '"posko banjir"): the same code on the '
               "same passage by the same coder is in the file twice (imported once) [duplicate]"
               in line for line in lines), lines  # fmt: skip
    assert any('code "Dapur umum", positions 10-10): the coding selects no text (it starts '
               "where it ends) [empty-span]" in line for line in lines), lines  # fmt: skip


def test_import_qdpx_says_why_and_tells_warnings_from_what_was_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from refiqda_data import warns_qdpx

    assert main(["import-qdpx", str(warns_qdpx(tmp_path / "w.qdpx")), str(tmp_path / "w")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert 'not imported: source "Foto balai": pictures are not imported (Telaah works with ' \
        "text only) [picture-source]" in out, out  # fmt: skip
    assert 'not imported: sets "Sets": sets are not imported (Telaah has no sets) [sets]' in out
    warning = [line for line in out if line.startswith("warning: ")]
    assert warning == ['warning: source "Rapat.docx": the source\'s text was read from its Word '
                       "file, so its codings may be a few characters off; check them "
                       "[positions-approximate]"], out  # fmt: skip
