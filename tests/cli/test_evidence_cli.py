"""``telaah new --names``, ``import --type/--title/--date``, ``code --evidence``, ``coder``,
``finding``, ``settings`` and ``source``: what they store, and that failures store nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main

Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def telaah(capsys: pytest.CaptureFixture[str]) -> Runner:
    def run(*args: str | Path) -> tuple[int, str, str]:
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def proj(tmp_path: Path, telaah: Runner) -> Path:
    path = tmp_path / "tesis saya.telaah"
    assert telaah("new", path, "--codebook", "loeffler")[0] == 0
    notes = tmp_path / "OBS01 catatan posko.txt"
    notes.write_text("Pukul 07.00 kader sudah mencatat lansia di balai RW.\n", encoding="utf-8")
    status, _, err = telaah(
        "import", path, notes, "--type", "observation", "--title", "Catatan observasi posko",
        "--date", "2024-03-19",
    )  # fmt: skip
    assert status == 0, err
    return path


def test_new_defaults_to_aliases_and_real_is_kept(tmp_path: Path, telaah: Runner) -> None:
    a, b = tmp_path / "a.telaah", tmp_path / "b.telaah"
    assert telaah("new", a)[0] == 0
    assert telaah("new", b, "--names", "real")[0] == 0
    assert _rows(a, "SELECT value FROM project_settings WHERE key='names_in_exports'") == [
        ("aliases",)
    ]
    assert _rows(b, "SELECT value FROM project_settings WHERE key='names_in_exports'") == [
        ("real",)
    ]
    assert telaah("new", tmp_path / "c.telaah", "--names", "asli")[0] == 2


def test_import_stores_type_title_and_date(proj: Path, telaah: Runner) -> None:
    assert _rows(proj, "SELECT source_type, title, source_date FROM documents") == [
        ("observation", "Catatan observasi posko", "2024-03-19")
    ]
    status, _, err = telaah("import", proj, "x.txt", "--date", "19-03-2024")
    assert status == 2 and "YYYY-MM-DD" in err


def test_code_with_evidence_coder_role_and_finding(proj: Path, telaah: Runner) -> None:
    args = ("--document", "OBS01 catatan posko.txt", "--start", "0", "--end", "11")
    assert telaah("code", proj, *args, "--code", "loeffler/co-delivery",
                  "--coder", "peneliti", "--evidence", "barrier")[0] == 0  # fmt: skip
    assert _rows(proj, "SELECT stance FROM codings") == [("barrier",)]
    assert telaah("code", proj, *args, "--code", "loeffler/co-design", "--evidence", "nope")[0] == 2
    status, out, _ = telaah("coder", proj, "pembimbing", "--role", "second")
    assert status == 0 and "second" in out
    assert _rows(proj, "SELECT name, role FROM coders ORDER BY name") == [
        ("pembimbing", "second"), ("peneliti", "primary")
    ]  # fmt: skip
    text = "Pelayanan bersama nyata: kader mencatat lansia sebelum banjir."
    assert telaah("finding", proj, "--code", "loeffler/co-delivery", "--text", text)[0] == 0
    assert _rows(proj, "SELECT finding FROM codes WHERE key='loeffler/co-delivery'") == [(text,)]
    status, _, err = telaah("finding", proj, "--code", "loeffler/nothing", "--text", "x")
    assert status == 1 and err.count("\n") == 1


def test_settings_and_source_commands(proj: Path, telaah: Runner) -> None:
    status, out, _ = telaah(
        "settings", proj, "--year", "2024", "--identifying-role", "Camat",
        "--source-primary", "Sumber: hasil wawancara dan observasi ({year}).",
    )  # fmt: skip
    assert status == 0 and "study year: 2024" in out and "Camat" in out
    before = _rows(proj, "SELECT * FROM project_settings ORDER BY key")
    assert telaah("settings", proj, "--source-mixed", "Sumber {tahun}")[0] == 1
    assert _rows(proj, "SELECT * FROM project_settings ORDER BY key") == before
    status, out, _ = telaah(
        "source", proj, "--document", "OBS01 catatan posko.txt", "--type", "document",
        "--title", "", "--date", "",
    )  # fmt: skip
    assert status == 0 and "'OBS01 catatan posko'" in out
    assert _rows(proj, "SELECT source_type, title, source_date FROM documents") == [
        ("document", "", None)
    ]
