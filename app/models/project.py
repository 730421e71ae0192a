"""Opening, creating and upgrading a project file (one SQLite database per project).

A new file is ``create_all`` + ``alembic stamp head``; an older file is backed up and then
upgraded. Every connection runs with foreign keys on, WAL and ``synchronous=FULL`` so that a
committed transaction survives a crash or power loss.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from app.models import schema as _schema  # noqa: F401  (registers the tables)
from app.models.backup import backup_project
from app.models.base import Base
from app.models.fileformat import APPLICATION_ID, SQLITE_MAGIC, connect_read_only
from app.models.fts import create_fts

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class ProjectError(Exception):
    """Base of the errors raised when a project file cannot be used."""

    def __init__(self, path: Path, reason: str = "") -> None:
        super().__init__(f"{path}: {reason}" if reason else str(path))
        self.path = path
        self.reason = reason


class ProjectNotFound(ProjectError):
    """The project file does not exist."""


class ProjectExists(ProjectError):
    """A new project was asked for where a file already exists."""


class NotAProject(ProjectError):
    """The file is not a Telaah project (not SQLite, or another application's database)."""


class ProjectDamaged(ProjectError):
    """The file is a Telaah project but SQLite reports it corrupt."""


class ProjectTooNew(ProjectError):
    """The file was written by a newer Telaah whose schema this version does not know."""


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of Telaah writes."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on ``path`` with the project's pragmas on every connection."""
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect)
    return engine


@dataclass
class Project:
    """An open project: its file, engine and session factory. Close it when done."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that is closed (and rolled back if uncommitted) on exit."""
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        """Release the file (checkpoints the WAL back into the main file)."""
        self.engine.dispose()


def _check_file(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except IsADirectoryError as exc:
        raise NotAProject(path, "is a folder") from exc
    except OSError as exc:
        raise NotAProject(path, exc.strerror or str(exc)) from exc
    if magic != SQLITE_MAGIC:
        raise NotAProject(path, "not a project file")
    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        raise ProjectDamaged(path, str(exc)) from exc
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProject(path, "another application's database")
        status = con.execute("PRAGMA quick_check").fetchone()[0]
        if status != "ok":
            raise ProjectDamaged(path, status)
    except sqlite3.DatabaseError as exc:
        raise ProjectDamaged(path, str(exc)) from exc
    finally:
        con.close()


def create_project(path: Path) -> Project:
    """Create a new, empty project file at ``path`` (which must not exist)."""
    path = Path(path)
    if path.exists():
        raise ProjectExists(path)
    if not path.parent.is_dir():
        raise ProjectNotFound(path.parent, "folder does not exist")
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            Base.metadata.create_all(conn)
            create_fts(conn)
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.stamp(cfg, "head")
    except BaseException:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return Project(path, engine, sessionmaker(engine))


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the file, or None for an unstamped file."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_project(path: Path) -> Project:
    """Open an existing project, backing it up and migrating it if its schema is older.

    Raises :class:`ProjectNotFound`, :class:`NotAProject`, :class:`ProjectDamaged` or
    :class:`ProjectTooNew`; the file is left untouched in each case.
    """
    path = Path(path)
    if not path.exists():
        raise ProjectNotFound(path, "file does not exist")
    _check_file(path)
    engine = make_engine(path)
    try:
        revision = current_revision(engine)
        head = head_revision()
        if revision != head:
            script = ScriptDirectory.from_config(_alembic_config())
            known = {rev.revision for rev in script.walk_revisions()}
            if revision is not None and revision not in known:
                raise ProjectTooNew(path, f"schema {revision}")
            engine.dispose()
            backup_project(path, reason="migration")
            with engine.begin() as conn:
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except BaseException:
        engine.dispose()
        raise
    return Project(path, engine, sessionmaker(engine))


@contextmanager
def open_copy(path: Path) -> Iterator[Project]:
    """A private, upgraded copy of another project file, as of its last commit.

    The file itself is never written (not even migrated), so a colleague's copy or one open
    in another window can be read safely. The copy is deleted on exit.
    """
    path = Path(path)
    if not path.exists():
        raise ProjectNotFound(path, "file does not exist")
    _check_file(path)
    with tempfile.TemporaryDirectory(prefix="telaah-copy-") as folder:
        copy = Path(folder) / "copy.telaah"
        src = connect_read_only(path)
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
        except sqlite3.DatabaseError as exc:
            raise ProjectDamaged(path, str(exc)) from exc
        finally:
            dst.close()
            src.close()
        project = open_project(copy)
        try:
            yield project
        finally:
            project.close()
