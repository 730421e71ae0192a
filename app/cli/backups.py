"""``telaah backups PROJECT`` and ``telaah restore PROJECT BACKUP``.

Backups are taken automatically (before a migration, once per day of use, before a restore);
these commands list them and put one back. ``BACKUP`` is a path, or the bare file name of one
of the project's backups as ``telaah backups`` prints it.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from app.cli.common import CliError, say
from app.models.backup import BackupError, backup_dir, list_backups, restore_backup
from app.models.lock import acquire_lock
from app.models.project import ProjectNotFound

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


@contextmanager
def _project_lock(project: Path) -> Iterator[None]:
    """Hold the project's lock (the one a Telaah window takes) while restoring."""
    lock = acquire_lock(project)
    if lock is None:
        raise CliError(f"{project}: the project is open in Telaah; close it before restoring")
    with lock:
        yield


def run_restore(args: argparse.Namespace) -> int:
    project = _project_path(args.project)
    backup = _resolve_backup(project, args.backup)
    if backup.resolve() == project.resolve():
        raise CliError(f"{backup}: this is the project itself, not a backup")
    with _project_lock(project):
        try:
            safety = restore_backup(project, backup)
        except BackupError as exc:
            reason = "not a backup" if exc.reason == "not-a-backup" else exc.reason
            detail = f" ({exc.detail})" if exc.detail else ""
            raise CliError(f"{exc.path}: cannot restore: {reason}{detail}") from exc
    say(f"restored {project.name} from {backup.name}")
    say(f"the replaced state was backed up as {safety.name}")
    return 0
