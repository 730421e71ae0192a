"""``telaah codebook PROJECT update CODEBOOK``: a project made with version 1 of a bundled
codebook gets the codes added since, and a failing update writes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main

Dump = Callable[[Path], object]


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out = capsys.readouterr()
    return status, out.out, out.err


def _make_version_one(path: Path) -> None:
    """Turn a fresh project into one made with version 1 of the participation codebook."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute(
        "DELETE FROM codes WHERE key IN ('participation/skills', 'participation/social', "
        "'participation/decision-making', 'participation/implementation', "
        "'participation/evaluation')"
    )
    con.execute("UPDATE codebooks SET version = 1")
    con.commit()
    con.close()


def test_update_adds_the_new_codes_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "tesis lama.telaah"
    assert _run(capsys, "new", project, "--codebook", "participation")[0] == 0
    _make_version_one(project)
    status, out, err = _run(capsys, "codebook", project, "update", "participation")
    assert (status, err) == (0, "")
    assert "version 1 -> 2, 5 codes added" in out
    assert "added participation/social" in out
    status, out, _ = _run(capsys, "stats", project, "--json")
    assert '"participation": 9' in out
    status, out, _ = _run(capsys, "codebook", project, "update", "participation")
    assert "version 2 -> 2, 0 codes added" in out


def test_update_of_a_codebook_the_project_lacks_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dump: Dump
) -> None:
    project = tmp_path / "tesis.telaah"
    _run(capsys, "new", project, "--codebook", "putnam")
    before = dump(project)
    status, out, err = _run(capsys, "codebook", project, "update", "loeffler")
    assert status == 1 and out == ""
    assert "loeffler" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert dump(project) == before
