"""``telaah backups PROJECT`` and ``telaah restore PROJECT BACKUP``.

Backups are taken automatically (before a migration, once per day of use, before a restore);
these commands list them and put one back. ``BACKUP`` is a path, or the bare file name of one
of the project's backups as ``telaah backups`` prints it.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from app.cli.common import CliError, say
from app.models.backup import BackupError, backup_dir, list_backups, restore_backup
from app.models.project import APPLICATION_ID, SQLITE_MAGIC, ProjectNotFound

_STAMP = re.compile(r"-(\d{8}-\d{6})-\d{6}-([a-z]+)$")


def register(commands: Any) -> None:
    listing = commands.add_parser("backups", help="list the automatic backups of a project")
    listing.add_argument("project", metavar="PROJECT")
    listing.set_defaults(run=run_backups)

    restore = commands.add_parser(
        "restore", help="replace a project by one of its backups (the current state is kept)"
    )
    restore.add_argument("project", metavar="PROJECT")
    restore.add_argument("backup", metavar="BACKUP", help="a backup file or its name")
    restore.set_defaults(run=run_restore)


def _when(path: Path) -> tuple[str, str]:
    """Date and reason of a backup, from its name (the file time if the name has none)."""
    found = _STAMP.search(path.stem)
    if found:
        taken = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
        return taken.strftime("%Y-%m-%d %H:%M:%S"), found.group(2)
    taken = datetime.fromtimestamp(path.stat().st_mtime)
    return taken.strftime("%Y-%m-%d %H:%M:%S"), "?"


def human_size(size: int) -> str:
    """``532 B``, ``14.2 KB``, ``3.0 MB``… (powers of 1024)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _project_path(text: str) -> Path:
    path = Path(text)
    if not path.is_file():
        raise ProjectNotFound(path, "file does not exist")
    return path


def run_backups(args: argparse.Namespace) -> int:
    path = _project_path(args.project)
    backups = list_backups(path)
    if not backups:
        say(f"no backups of {path.name} (they are kept in {backup_dir(path)})")
        return 0
    for backup in backups:  # oldest first, so the newest is on the last line
        taken, reason = _when(backup)
        say(f"{taken}  {human_size(backup.stat().st_size):>9}  {reason:<9}  {backup.name}")
    return 0


def _resolve_backup(project: Path, text: str) -> Path:
    candidate = Path(text)
    if not candidate.exists() and candidate.name == text:
        inside = backup_dir(project) / text
        if inside.exists():
            candidate = inside
    if not candidate.exists():
        raise CliError(f"{text}: no such backup (see `telaah backups {project}`)")
    if not candidate.is_file():
        raise CliError(f"{candidate}: not a backup file (it is a folder)")
    return candidate


def _check_is_backup(path: Path) -> None:
    """Refuse anything that is not a Telaah project file (a backup is one)."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
        if magic != SQLITE_MAGIC:
            raise CliError(f"{path}: not a backup (not a Telaah project file)")
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
        finally:
            con.close()
    except (OSError, sqlite3.Error) as exc:
        raise CliError(f"{path}: not a backup ({exc})") from exc
    if app_id != APPLICATION_ID:
        raise CliError(f"{path}: not a backup (another application's database)")


def _open_elsewhere(project: Path) -> bool:
    """True if a live Telaah window holds the project's lock file (``NAME.lock``, written
    by Qt's QLockFile: pid, application, host name on separate lines)."""
    lock = project.with_name(project.name + ".lock")
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return False
    if len(lines) > 2 and lines[2] and lines[2] != socket.gethostname():
        return True  # another machine's window: its pid cannot be checked from here
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False  # a lock left behind by a crash
    except PermissionError:
        return True
    return True


def run_restore(args: argparse.Namespace) -> int:
    project = _project_path(args.project)
    if _open_elsewhere(project):
        raise CliError(f"{project}: the project is open in Telaah; close it before restoring")
    backup = _resolve_backup(project, args.backup)
    if backup.resolve() == project.resolve():
        raise CliError(f"{backup}: this is the project itself, not a backup")
    _check_is_backup(backup)
    try:
        safety = restore_backup(project, backup)
    except BackupError as exc:
        detail = f" ({exc.detail})" if exc.detail else ""
        raise CliError(f"{exc.path}: cannot restore: {exc.reason}{detail}") from exc
    say(f"restored {project.name} from {backup.name}")
    say(f"the replaced state was backed up as {safety.name}")
    return 0
