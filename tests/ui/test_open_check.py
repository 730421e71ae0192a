"""A window opens a project while SQLite checks every page of it on another thread, and a
file that fails that check is still refused before anything is written, backed up or shown."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

import app.models.project as project_module
from app.models.backup import list_backups
from app.models.lock import acquire_lock
from app.models.project import ProjectDamaged, open_project


def _damage_a_page_the_window_never_reads(path: Path) -> None:
    """Give a leaf page of the search index an invalid page type: opening a window does not
    search, so only the whole-file check meets it."""
    con = sqlite3.connect(path)
    try:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        (page,) = con.execute(
            "SELECT max(pageno) FROM dbstat WHERE name = 'documents_fts_data' AND pagetype = 'leaf'"
        ).fetchone()
    finally:
        con.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * size] = 0x55  # not a b-tree page type
    path.write_bytes(bytes(data))


def test_the_whole_file_check_runs_beside_the_window_being_built(
    study_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window

    threads: list[str] = []
    real = project_module._quick_check
    monkeypatch.setattr(
        project_module,
        "_quick_check",
        lambda path, con: (threads.append(threading.current_thread().name), real(path, con)),
    )
    window = open_window(study_path)
    qtbot.addWidget(window)
    assert threads == ["telaah-quick-check"]  # every page checked, not on the UI thread
    assert window.documents.rowCount() == 3 and not window.ctx.read_only
    window.close()


def test_a_file_only_the_whole_check_finds_damaged_is_refused_untouched(
    study_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window

    open_project(study_path).close()  # WAL checkpointed into the file
    _damage_a_page_the_window_never_reads(study_path)
    damaged = study_path.read_bytes()
    backups = list_backups(study_path)
    with pytest.raises(ProjectDamaged):
        open_window(study_path)
    assert study_path.read_bytes() == damaged  # nothing written
    assert list_backups(study_path) == backups  # no day's backup of a damaged file
    lock = acquire_lock(study_path)  # the window's lock was given back
    assert lock is not None
    lock.release()
    with pytest.raises(ProjectDamaged):  # and the plain open agrees
        open_project(study_path)
