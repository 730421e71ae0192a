"""Rotating backups and restoring one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.coding.cases import create_case, list_cases
from app.models.backup import (
    BackupError,
    backup_if_due,
    backup_project,
    list_backups,
    restore_backup,
)
from app.models.project import Project, open_project


def test_backups_rotate_per_reason(project: Project) -> None:
    for i in range(4):
        with project.session() as session:  # each backup of a changed project
            create_case(session, name=f"INF0{i}")
        backup_project(project.path, reason="manual", keep=3)
    backup_project(project.path, reason="migration", keep=3)
    names = [p.name for p in list_backups(project.path)]
    assert sum(n.endswith("-manual.telaah") for n in names) == 3
    assert sum(n.endswith("-migration.telaah") for n in names) == 1


def test_daily_backup_once_per_day(project: Project) -> None:
    first = backup_if_due(project.path, today=date.today())
    second = backup_if_due(project.path, today=date.today())
    assert first is not None and second is None
    assert len(list_backups(project.path)) == 1


def test_restore_brings_back_old_state_and_keeps_current(project: Project) -> None:
    with project.session() as s:
        create_case(s, name="Informan lama")
    old = backup_project(project.path, reason="manual")
    with project.session() as s:
        create_case(s, name="Informan baru")
    project.close()
    safety = restore_backup(project.path, old)
    reopened = open_project(project.path)
    with reopened.session() as s:
        assert [c.name for c in list_cases(s)] == ["Informan lama"]
    reopened.close()
    kept = open_project(safety)
    with kept.session() as s:
        assert [c.name for c in list_cases(s)] == ["Informan baru", "Informan lama"]
    kept.close()


def test_restoring_a_non_backup_changes_nothing(project: Project, tmp_path: Path) -> None:
    with project.session() as s:
        create_case(s, name="Tetap")
    project.close()
    bogus = tmp_path / "bukan.telaah"
    bogus.write_text("halo", encoding="utf-8")
    before = project.path.read_bytes()
    with pytest.raises(BackupError):
        restore_backup(project.path, bogus)
    assert project.path.read_bytes() == before


def test_another_applications_database_is_not_restored(project: Project, tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "lain.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    project.close()
    before = project.path.read_bytes()
    with pytest.raises(BackupError) as err:
        restore_backup(project.path, other)
    assert err.value.reason == "not-a-backup"
    assert project.path.read_bytes() == before


def test_a_damaged_project_is_moved_aside_with_its_wal(project: Project) -> None:
    old = backup_project(project.path, reason="manual")
    project.close()
    broken = bytearray(project.path.read_bytes())
    broken[100:4000] = b"\xff" * 3900
    project.path.write_bytes(bytes(broken))
    wal = Path(str(project.path) + "-wal")
    wal.write_bytes(b"stale log")  # must not be replayed onto the restored file
    aside = restore_backup(project.path, old)
    assert aside.name.startswith(project.path.name + ".damaged-")
    assert aside.read_bytes() == bytes(broken)
    assert Path(str(aside) + "-wal").read_bytes() == b"stale log"
    assert not wal.exists() or wal.read_bytes() != b"stale log"
    open_project(project.path).close()
    assert [p for p in list_backups(project.path) if p.stem.endswith("-restore")] == []
