"""Rotating backups of a project file, taken with SQLite's online backup API.

Backups live beside the project in ``<name>.backups/`` and are named
``<stem>-YYYYmmdd-HHMMSS-ffffff-<reason><suffix>``; each reason (``migration``, ``daily``,
``restore``) keeps its own last :data:`KEEP_BACKUPS` copies.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from app.models.fileformat import APPLICATION_ID, SQLITE_MAGIC, connect_file, connect_read_only

#: How many backups of each reason are kept beside a project.
KEEP_BACKUPS = 10
REASONS = ("migration", "daily", "restore", "manual", "merge")


class BackupError(Exception):
    """A backup cannot be made or restored (``reason``: not-found, not-a-backup, io)."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(f"{path.name}: {reason}" + (f" ({detail})" if detail else ""))
        self.path = path
        self.reason = reason
        self.detail = detail


def backup_dir(path: Path) -> Path:
    """Folder beside the project that holds its backups (``tesis.telaah.backups``)."""
    return path.with_name(path.name + ".backups")


def _copy(src_path: Path, dst_path: Path) -> None:
    src = connect_read_only(src_path)
    dst = connect_file(dst_path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backup_project(path: Path, *, reason: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy ``path`` consistently into its backup folder and drop the oldest copies.

    The copy is taken through SQLite, so a project that is open elsewhere (WAL included) is
    copied as of its last committed transaction. Returns the new backup's path.
    """
    folder = backup_dir(path)
    previous = [p for p in list_backups(path) if p.stem.endswith(f"-{reason}")]
    try:
        folder.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix or '.telaah'}"
        _copy(path, target)
        # Nothing changed since the last backup of this kind: keep that one, not a second copy.
        if previous and _same_content(previous[-1], target):
            target.unlink()
            return previous[-1]
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(path, "io", str(exc)) from exc
    same_reason = [p for p in list_backups(path) if p.stem.endswith(f"-{reason}")]
    for old in same_reason[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _same_content(a: Path, b: Path) -> bool:
    """Byte-equal files (SQLite's backup of an unchanged database is byte-identical)."""
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            chunk = fa.read(1 << 20)
            if chunk != fb.read(1 << 20):
                return False
            if not chunk:
                return True


def put_back(path: Path, backup: Path) -> None:
    """Copy ``backup`` over ``path`` as it is (no safety copy: for undoing a failed step)."""
    src = connect_read_only(backup)
    dst = connect_file(path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def drop_backup(backup: Path) -> None:
    """Delete one backup (one taken for work that was then rolled back), with the WAL and
    shared-memory files that reading it may have left beside it."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(backup) + suffix).unlink(missing_ok=True)


def list_backups(path: Path) -> list[Path]:
    """Backups of ``path``, oldest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    prefix = f"{path.stem}-"
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.name.startswith(prefix)
        and p.stem.rsplit("-", 1)[-1] in REASONS
        # reading a backup may leave SQLite's side files; they are not backups
        and not p.name.endswith(("-wal", "-shm", "-journal"))
    )


def backup_if_due(path: Path, *, today: date | None = None) -> Path | None:
    """Take the day's ``daily`` backup unless one was already taken today."""
    day = (today or date.today()).strftime("%Y%m%d")
    for existing in list_backups(path):
        if existing.stem.endswith("-daily") and f"-{day}-" in existing.name:
            return None
    return backup_project(path, reason="daily")


def _healthy(path: Path) -> bool:
    """An SQLite file that passes ``quick_check`` (so SQLite can back it up page by page)."""
    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        check = connect_read_only(path)
        try:
            return bool(check.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            check.close()
    except (OSError, sqlite3.Error):
        return False


def _move_aside(path: Path) -> Path:
    """Move a damaged project (and its ``-wal``/``-shm``, which must not be replayed onto the
    restored file) to ``<name>.damaged-<time>``, bytes untouched."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        path.replace(aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                side.replace(Path(str(aside) + suffix))
    except OSError as exc:
        raise BackupError(path, "io", str(exc)) from exc
    return aside


def restore_backup(path: Path, backup: Path) -> Path:
    """Replace the project's content with ``backup``, keeping what it replaces.

    ``backup`` must be a Telaah project that passes ``quick_check`` (else ``not-a-backup``
    and nothing changes). The current state is kept first: a healthy project as a
    ``restore`` backup in the backups folder, a damaged one moved aside, bytes untouched, to
    ``<name>.damaged-<time>`` beside it. The project must not be open (callers hold its
    lock). Returns where the replaced state was kept. Used by ``telaah restore`` and by the
    window's "open the newest backup" offer for a damaged file.
    """
    if not backup.is_file():
        raise BackupError(backup, "not-found")
    try:
        with backup.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                raise BackupError(backup, "not-a-backup")
        check = connect_read_only(backup)
        try:
            if check.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise BackupError(backup, "not-a-backup", "another application's database")
            if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(backup, "not-a-backup", "damaged")
        finally:
            check.close()
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(backup, "not-a-backup", str(exc)) from exc
    if not path.exists():
        safety = path
    elif _healthy(path):
        safety = backup_project(path, reason="restore")
    else:
        safety = _move_aside(path)
    src = connect_read_only(backup)
    dst = connect_file(path)
    try:
        src.backup(dst)
    except sqlite3.Error as exc:
        raise BackupError(path, "io", str(exc)) from exc
    finally:
        dst.close()
        src.close()
    return safety
