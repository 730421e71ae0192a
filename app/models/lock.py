"""The single-writer lock of a project file, shared by the windows and the command line.

The lock is a small SQLite database beside the project (``tesis.telaah.lock``) held in an
exclusive transaction for as long as the lock is held. SQLite's own file locking does the work
(``fcntl`` byte ranges on POSIX, ``LockFileEx`` on Windows, both taken by SQLite itself), so:

- the operating system releases it when the process ends, however it ends (a crash, SIGKILL,
  a power-off of the machine that held it over a network share): a lock left behind by a dead
  process is never "stale" and needs no pid, hostname or age heuristics;
- two holders in one process exclude each other too (SQLite arbitrates its connections), so a
  second window of the same app opens read-only exactly like one of another instance.

The file itself stays beside the project after release; only the lock on it matters. A file
there that is not an SQLite database (the text lock file of older versions) is replaced.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from types import TracebackType


def lock_path(project: Path) -> Path:
    """The lock file beside a project (``tesis.telaah.lock``)."""
    return project.with_name(project.name + ".lock")


class ProjectLock:
    """A held lock on one project file; :meth:`release` (or leaving a ``with``) lets it go."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = connection

    @property
    def held(self) -> bool:
        return self._connection is not None

    def release(self) -> None:
        """Let the lock go (idempotent)."""
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.rollback()
            self._connection.close()
            self._connection = None

    def __enter__(self) -> ProjectLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _try_take(path: Path) -> sqlite3.Connection | None:
    """The connection holding the lock, or None when it is held (or cannot be made here).

    Raises ``sqlite3.DatabaseError`` when the file is not an SQLite database.
    """
    try:
        # timeout=0: a held lock answers "busy" at once instead of waiting for it.
        connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.OperationalError:  # a folder one may not write to
        return None
    try:
        # The journal stays in memory: nothing is ever written, so no ``-journal`` file.
        connection.execute("PRAGMA journal_mode=MEMORY")
        connection.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError:  # "database is locked": someone holds it
        connection.close()
        return None
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


def acquire_lock(project: Path) -> ProjectLock | None:
    """Lock ``project`` for this holder; None when a window, an instance or a command has
    it, or when no lock can be made beside it (a read-only folder: the window opens read-only,
    as a second window would)."""
    path = lock_path(project)
    try:
        connection = _try_take(path)
    except sqlite3.DatabaseError:
        # Not an SQLite file: an older version's text lock. Nobody holds it through SQLite.
        try:
            path.unlink(missing_ok=True)
            connection = _try_take(path)
        except (OSError, sqlite3.DatabaseError):
            return None
    return ProjectLock(path, connection) if connection is not None else None
