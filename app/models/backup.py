"""Rotating backups of a project file, taken with SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

#: How many backups of each kind are kept beside a project.
KEEP_BACKUPS = 10


def backup_dir(path: Path) -> Path:
    """Folder beside the project that holds its backups (``tesis.telaah.backups``)."""
    return path.with_name(path.name + ".backups")


def backup_project(path: Path, *, reason: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy ``path`` consistently into its backup folder and drop the oldest copies.

    The copy is taken through SQLite, so a project that is open elsewhere (WAL included) is
    copied as of its last committed transaction. Returns the new backup's path.
    """
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix or '.telaah'}"
    src = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    backups = sorted(p for p in folder.glob(f"{path.stem}-*-{reason}*") if p.is_file())
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
    return target


def list_backups(path: Path) -> list[Path]:
    """Backups of ``path``, oldest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.startswith(path.stem))
