"""``telaah backups PROJECT`` and ``telaah restore PROJECT BACKUP``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.coding.cases import create_case, list_cases
from app.models.backup import backup_project, list_backups
from app.models.project import Project, open_project

Dump = Callable[[Path], object]


def _case_names(path: Path) -> list[str]:
    project = open_project(path)
    try:
        with project.session() as session:
            return [c.name for c in list_cases(session)]
    finally:
        project.close()


def test_backups_lists_newest_last_with_size_and_date(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    first = backup_project(project.path, reason="daily")
    second = backup_project(project.path, reason="manual")
    assert main(["backups", str(project.path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(first.name) and lines[1].endswith(second.name)
    date_part = lines[1].split()[0]
    assert len(date_part) == 10 and date_part[4] == "-"  # YYYY-mm-dd
    assert "KB" in lines[1] or "MB" in lines[1]
    assert "manual" in lines[1]


def test_backups_of_project_without_backups_says_so(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backups", str(project.path)]) == 0
    assert "no backups" in capsys.readouterr().out


def test_backups_of_missing_project_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backups", str(tmp_path / "nope.telaah")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.telaah" in err


def test_restore_by_name_brings_back_old_state_and_backs_up_current(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    with project.session() as s:
        create_case(s, name="Informan lama")
    old = backup_project(project.path, reason="manual")
    with project.session() as s:
        create_case(s, name="Informan baru")
    project.close()

    assert main(["restore", str(project.path), old.name]) == 0
    out = capsys.readouterr().out
    assert "restored" in out
    assert _case_names(project.path) == ["Informan lama"]

    # The replaced state (with both cases) is itself a backup that can be restored.
    safety = [p for p in list_backups(project.path) if p.stem.endswith("-restore")]
    assert len(safety) == 1 and safety[0].name in out
    assert main(["restore", str(project.path), str(safety[0])]) == 0
    assert sorted(_case_names(project.path)) == ["Informan baru", "Informan lama"]


@pytest.mark.parametrize("kind", ["text", "other-sqlite", "missing", "folder", "itself"])
def test_restore_refuses_a_non_backup(
    project: Project, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str], dump: Dump
) -> None:
    with project.session() as s:
        create_case(s, name="Tetap")
    project.close()
    before = dump(project.path)
    target = tmp_path / f"bukan-{kind}.telaah"
    if kind == "text":
        target.write_text("ini bukan cadangan\n", encoding="utf-8")
    elif kind == "other-sqlite":
        con = sqlite3.connect(target)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    elif kind == "folder":
        target.mkdir()
    elif kind == "itself":
        target = project.path

    assert main(["restore", str(project.path), str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("telaah: error:")
    assert target.name in err
    assert "Traceback" not in err
    assert dump(project.path) == before
    assert list_backups(project.path) == []  # nothing was replaced, so nothing backed up


def test_restore_refuses_a_project_open_in_a_window(
    project: Project, capsys: pytest.CaptureFixture[str], dump: Dump
) -> None:
    import subprocess
    import sys

    old = backup_project(project.path, reason="manual")
    with project.session() as s:
        create_case(s, name="Sedang dikerjakan")
    project.close()
    before = dump(project.path)
    # Another process holds the project's lock exactly as a Telaah window does.
    window = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from app.models.lock import acquire_lock; "
            "lock = acquire_lock(Path(sys.argv[1])); print('locked', lock is not None, "
            "flush=True); sys.stdin.read()",
            str(project.path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None
        assert window.stdout.readline().strip() == "locked True"
        assert main(["restore", str(project.path), old.name]) == 1
        err = capsys.readouterr().err
        assert "open in Telaah" in err and err.count("\n") == 1
        assert dump(project.path) == before
    finally:
        window.kill()  # a crash: the lock file stays behind
        window.communicate(timeout=30)

    # A lock left behind by a crashed window (its process is gone) does not block.
    assert project.path.with_name(project.path.name + ".lock").exists()
    assert main(["restore", str(project.path), old.name]) == 0
    assert _case_names(project.path) == []
