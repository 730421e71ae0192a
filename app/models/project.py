"""Opening, creating and upgrading a project: a SQLite file or a database on a server.

A new project is ``create_all`` + ``alembic stamp head``; an older one is upgraded by the same
Alembic chain on both engines (a file is backed up first). File connections run with foreign
keys on, WAL and ``synchronous=FULL`` so that a committed transaction survives a crash or
power loss; the SQLite-only parts (pragmas, application id, FTS5, backups, lock file) apply to
files only. Server specifics (URLs, passwords, the search index) are in
:mod:`app.models.server`.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.models import schema as _schema  # noqa: F401  (registers the tables)
from app.models import server as _server
from app.models.backup import backup_project, drop_backup, list_backups, put_back
from app.models.base import Base
from app.models.fileformat import APPLICATION_ID, SQLITE_MAGIC, connect_file, connect_read_only
from app.models.fts import create_fts
from app.models.schema_check import ForeignObject, foreign_objects, rescue_copy

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class ProjectError(Exception):
    """Base of the errors raised when a project file cannot be used."""

    def __init__(self, path: Path, reason: str = "") -> None:
        super().__init__(f"{path}: {reason}" if reason else str(path))
        self.path = path
        self.reason = reason


class ServerError(ProjectError):
    """A server project cannot be used; ``url`` is shown without password."""

    def __init__(self, url: URL, reason: str = "") -> None:
        super().__init__(_server.fake_path(url), reason)
        self.url = _server.display_url(url)


class ServerUnreachable(ServerError):
    """The server does not answer (down, wrong host or port, network gone)."""


class ServerLoginFailed(ServerError):
    """The server refused the login (wrong or missing password, unknown user)."""


class ProjectNotFound(ProjectError):
    """The project file does not exist."""


class ProjectExists(ProjectError):
    """A new project was asked for where a file already exists."""


class NotAProject(ProjectError):
    """The file is not a Telaah project (not SQLite, or another application's database)."""


class ProjectDamaged(ProjectError):
    """The file is a Telaah project but SQLite reports it corrupt."""


class ProjectForeignSchema(ProjectError):
    """The file holds tables, indexes, triggers or views Telaah did not create (``objects``).

    Such a file is never written to; :func:`rescue_project` copies its data into a clean one.
    """

    def __init__(self, path: Path, objects: tuple[ForeignObject, ...]) -> None:
        super().__init__(path, "foreign-schema")
        self.objects = objects


class ProjectTooNew(ProjectError):
    """The file was written by a newer Telaah whose schema this version does not know."""


def _alembic_config() -> Config:
    from alembic.config import Config  # Alembic only when a schema is stamped or upgraded

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_REVISION = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*[\"'](\w+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(?:None|[\"'](\w+)[\"'])\s*$", re.M)
_chain: dict[str, str | None] | None = None


def _revision_chain() -> dict[str, str | None]:
    """revision → down_revision of every migration, read from the files without importing
    Alembic (opening a project must not pay for it). Files it cannot read this way (a
    merge revision with several parents) make it ask Alembic instead."""
    global _chain
    if _chain is None:
        chain: dict[str, str | None] = {}
        for file in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
            text = file.read_text(encoding="utf-8")
            rev, down = _REVISION.search(text), _DOWN.search(text)
            if rev is None or down is None:
                from alembic.script import ScriptDirectory

                script = ScriptDirectory.from_config(_alembic_config())
                chain = {r.revision: r.down_revision for r in script.walk_revisions()}  # type: ignore[misc]
                break
            chain[rev.group(1)] = down.group(1)
        _chain = chain
    return _chain


def head_revision() -> str:
    """The newest schema revision this version of Telaah writes."""
    chain = _revision_chain()
    heads = set(chain) - {down for down in chain.values() if down}
    assert len(heads) == 1, heads
    return heads.pop()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # A project file is untrusted: with trusted_schema off, a trigger or view it carries
    # cannot call virtual tables (the FTS index) or functions not marked innocuous, even
    # if it slipped past app.models.schema_check. Telaah has no triggers of its own in a
    # file any more: the search index follows Telaah's writes (app.models.fts).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA trusted_schema=OFF")
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
    """An open project: its file or server URL, engine and session factory. Close it when done.

    Exactly one of ``path`` (a file) and ``url`` (a server database, without password) is set.
    """

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    url: URL | None = None
    #: the whole-file check still running (``open_project(whole_check="background")``)
    pending_check: WholeFileCheck | None = field(default=None, repr=False, compare=False)

    @property
    def is_server(self) -> bool:
        """True for a project on a PostgreSQL server."""
        return self.url is not None

    @property
    def name(self) -> str:
        """A short name: the file's stem or the database name."""
        if self.path is not None:
            return self.path.stem
        assert self.url is not None
        return str(self.url.database)

    @property
    def label(self) -> str:
        """What a window title shows: the file name, or ``database @ host``."""
        if self.path is not None:
            return self.path.name
        assert self.url is not None
        return _server.database_label(self.url)

    @property
    def location(self) -> str:
        """The file path or the URL (without password), as a user would type it again."""
        if self.path is not None:
            return str(self.path)
        assert self.url is not None
        return _server.display_url(self.url)

    @property
    def folder(self) -> Path:
        """Where files derived from the project (exports, reports) are suggested."""
        return self.path.parent if self.path is not None else Path.home()

    def sibling(self, name: str) -> Path:
        """A suggested file called ``name`` in :attr:`folder`."""
        return self.folder / name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that is closed (and rolled back if uncommitted) on exit."""
        with self.sessions() as session:
            yield session

    def wait_checked(self) -> None:
        """Wait for the whole-file check started by ``open_project(whole_check="background")``
        (at once when none runs); raises :class:`ProjectDamaged` when the file failed it."""
        check, self.pending_check = self.pending_check, None
        if check is not None:
            check.wait()

    def close(self) -> None:
        """Release the file (checkpoints the WAL back into the main file)."""
        check, self.pending_check = self.pending_check, None
        if check is not None:
            check.join()  # its own connection to the file is closed first
        self.engine.dispose()


class ServerNotAProject(ServerError, NotAProject):
    """The server database is empty or holds another application's tables."""


class ServerNotEmpty(ServerError, ProjectExists):
    """A new project was asked for in a server database that already holds tables."""


def _check_file(path: Path, *, whole: bool = True) -> None:
    """Refuse what is not a healthy Telaah file. ``whole=False`` leaves out ``quick_check``,
    which reads every page (about a second for corpus L on a busy laptop), and keeps the
    checks of the header, application id, stamp and schema objects."""
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
        if whole:
            _quick_check(path, con)
        revision = _stamped(con)
        if revision is None:
            _check_unstamped(path, con)
            return
        known = _known_revisions()
        if revision in known or revision == head_revision():
            foreign = foreign_objects(con, revision)
            if foreign:
                raise ProjectForeignSchema(path, foreign)
    except sqlite3.DatabaseError as exc:
        raise ProjectDamaged(path, str(exc)) from exc
    finally:
        con.close()


def _quick_check(path: Path, con: sqlite3.Connection) -> None:
    status = con.execute("PRAGMA quick_check").fetchone()[0]
    if status != "ok":
        raise ProjectDamaged(path, status)


#: Bytes 18 and 19 of SQLite's header: the file's write and read format, 2 in WAL mode.
_WAL_FORMAT = b"\x02\x02"


def _in_wal_mode(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(20)[18:20] == _WAL_FORMAT
    except OSError:  # a folder, no permission: for _check_file to say
        return False


class WholeFileCheck:
    """SQLite's ``quick_check`` of a project file (every page read: 0.6 s for the 457 MB
    of corpus XL), run on a worker thread with its own read-only connection while the
    caller reads what it shows from the file. SQLite releases the GIL while it scans, so on
    two cores the check costs the opening nearly nothing. The caller writes nothing to the
    file before :meth:`wait` has returned.

    Only for a file in WAL mode, where a reader never blocks a writer."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="telaah-quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            con = connect_read_only(self._path)
            try:
                _quick_check(self._path, con)
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            self._error = ProjectDamaged(self._path, str(exc))
        except BaseException as exc:  # handed to the thread that waits
            self._error = exc

    def join(self) -> None:
        """Wait for the check to end, whatever it found."""
        self._thread.join()

    def wait(self) -> None:
        """Wait for the check; raises :class:`ProjectDamaged` (or the error that stopped it)
        when the file did not pass."""
        self.join()
        if self._error is not None:
            raise self._error


def _check_unstamped(path: Path, con: sqlite3.Connection) -> None:
    """A file without a schema stamp: from before the first revision (then it is migrated),
    unless it already holds Telaah's tables (then the stamp was lost and no migration can be
    right) or carries triggers or views (never migrated: they would run)."""
    names = {
        (str(kind), str(name)) for kind, name in con.execute("SELECT type, name FROM sqlite_master")
    }
    if ("table", "documents") in names:
        raise ProjectDamaged(path, "the schema version is missing")
    active = tuple(sorted(ForeignObject(k, n) for k, n in names if k in ("trigger", "view")))
    if active:
        raise ProjectForeignSchema(path, active)


def _stamped(con: sqlite3.Connection) -> str | None:
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


def _known_revisions() -> set[str]:
    return set(_revision_chain())


ProjectTarget = Path | str | URL


def _stamp_head(conn: Connection) -> None:
    from alembic import command

    cfg = _alembic_config()
    cfg.attributes["connection"] = conn
    command.stamp(cfg, "head")


def _upgrade_head(conn: Connection) -> None:
    from alembic import command

    cfg = _alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _upgrade_file(engine: Engine) -> None:
    """Upgrade a project file with foreign keys off, then check them and turn them back on.

    SQLite rebuilds a table to add a constraint (copy, drop, rename). With foreign keys
    enforced, dropping ``coders`` fails and dropping ``codings`` would cascade into its review
    marks and comments; so the rebuild runs unenforced (SQLite's own advice for schema
    changes), and the upgrade is refused if any reference dangles afterwards.
    """
    with engine.connect() as conn:
        # The pragma is a no-op inside a transaction: set it before anything begins.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with conn.begin():
                _upgrade_head(conn)
                dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if dangling:
                    raise SQLAlchemyError(f"dangling references after upgrade: {dangling[:3]}")
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


def _server_url(target: str | URL) -> URL:
    try:
        return _server.parse_server_url(target)
    except ValueError as exc:
        raise NotAProject(Path(str(target)), f"not a usable server URL ({exc})") from exc


#: Fills a new project's tables inside the transaction that created them.
Filler = Callable[[Connection], object]


def create_project(
    target: ProjectTarget,
    *,
    ask_password: _server.PasswordPrompt | None = None,
    fill: Filler | None = None,
) -> Project:
    """Create a new, empty project: a file at ``target`` (which must not exist), or the
    schema in the empty server database a ``postgresql+psycopg://`` URL names.

    ``fill`` (push and pull) writes rows in the same transaction as the schema, so a failure
    leaves no file and an empty database.
    """
    if _server.is_server_target(target):
        assert isinstance(target, str | URL)
        return _create_server_project(_server_url(target), ask_password, fill)
    assert not isinstance(target, URL)
    path = Path(target)
    if path.exists():
        raise ProjectExists(path)
    if not path.parent.is_dir():
        raise ProjectNotFound(path.parent, "folder does not exist")
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            Base.metadata.create_all(conn)
            from app.models.live import create_live_objects  # psycopg: servers only

            create_live_objects(conn)
            if fill is not None:
                fill(conn)
            create_fts(conn)  # after the rows: built once from every copied text
            _stamp_head(conn)
    except BaseException:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return Project(path, engine, sessionmaker(engine))


def _create_server_project(
    url: URL, ask_password: _server.PasswordPrompt | None, fill: Filler | None = None
) -> Project:
    engine, shown = _server.connect_server(url, ask_password=ask_password)
    try:
        with engine.begin() as conn:
            if _server.user_tables(conn):
                raise ServerNotEmpty(shown, "the database is not empty")
            Base.metadata.create_all(conn)
            from app.models.live import create_live_objects  # psycopg: servers only

            create_live_objects(conn)
            if fill is not None:
                fill(conn)
            create_fts(conn)  # after the rows: one GIN build instead of one per row
            _stamp_head(conn)
    except BaseException:
        engine.dispose()
        raise
    return Project(None, engine, sessionmaker(engine), url=shown)


def _open_server_project(url: URL, ask_password: _server.PasswordPrompt | None) -> Project:
    engine, shown = _server.connect_server(url, ask_password=ask_password)
    try:
        with engine.connect() as conn:
            tables = _server.user_tables(conn)
        if "alembic_version" not in tables:
            why = "the database is empty" if not tables else "not a Telaah project"
            raise ServerNotAProject(shown, why)
        revision = current_revision(engine)
        if revision != head_revision():
            known = _known_revisions()
            if revision is not None and revision not in known:
                raise ProjectTooNew(_server.fake_path(shown), f"schema {revision}")
            # A server keeps its own backups (pg_dump); the upgrade is one transaction.
            with engine.begin() as conn:
                _upgrade_head(conn)
    except BaseException:
        engine.dispose()
        raise
    return Project(None, engine, sessionmaker(engine), url=shown)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the file, or None for an unstamped file."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:
        raise ProjectDamaged(Path(str(engine.url.database)), "several schema versions stamped")
    return str(rows[0][0]) if rows else None


def open_project(
    target: ProjectTarget,
    *,
    ask_password: _server.PasswordPrompt | None = None,
    whole_check: bool | Literal["background"] = True,
) -> Project:
    """Open an existing project, migrating it if its schema is older (a file is backed up
    first). ``target`` is a file path or a server URL; ``ask_password`` is asked once when
    the server wants a password that neither ``PGPASSWORD`` nor ``~/.pgpass`` gave.

    Raises :class:`ProjectNotFound`, :class:`NotAProject`, :class:`ProjectDamaged`,
    :class:`ProjectTooNew` or a :class:`ServerError`; the project is left untouched in each
    case. ``whole_check=False`` (commands that only read: ``telaah stats``, ``text``) skips
    SQLite's whole-file ``quick_check`` unless the file must be migrated; a damaged page they
    meet later is an ``sqlite3.DatabaseError`` like any read error. Writing commands keep
    the full check. A window asks for ``whole_check="background"``: the check of a file in
    WAL mode runs on a worker thread (:class:`WholeFileCheck`) while the window reads what it
    shows, and the window calls :meth:`Project.wait_checked` before it writes anything or
    shows itself; a file to migrate, or not in WAL mode, is checked before it is opened.
    """
    if _server.is_server_target(target):
        assert isinstance(target, str | URL)
        return _open_server_project(_server_url(target), ask_password)
    assert not isinstance(target, URL)
    path = Path(target)
    if not path.exists():
        raise ProjectNotFound(path, "file does not exist")
    if whole_check == "background":
        background = _in_wal_mode(path)
        _check_file(path, whole=not background)
    else:
        background = False
        _check_file(path, whole=whole_check)
    pending = WholeFileCheck(path) if background else None
    engine = make_engine(path)
    try:
        revision = current_revision(engine)
        head = head_revision()
        if revision != head:
            known = _known_revisions()
            if revision is not None and revision not in known:
                raise ProjectTooNew(path, f"schema {revision}")
            engine.dispose()
            # never migrate a file that was not checked whole
            if pending is not None:
                pending.wait()
            elif whole_check is False:
                _check_file(path)
            earlier = set(list_backups(path))
            backup = backup_project(path, reason="migration")
            try:
                _upgrade_file(engine)
            except BaseException as exc:
                # SQLite runs part of a migration's DDL outside the transaction, so a failed
                # upgrade can leave half-built tables: the file is put back from the backup
                # just taken; then nothing has happened, and that backup is not kept.
                engine.dispose()
                put_back(path, backup)
                if backup not in earlier:
                    drop_backup(backup)
                if isinstance(exc, SQLAlchemyError):
                    why = f"the schema does not match its version {revision}"
                    raise ProjectDamaged(path, why) from exc
                raise
    except BaseException:
        engine.dispose()
        if pending is not None:
            pending.wait()  # a damaged file is reported as damaged, whatever failed first
        raise
    return Project(path, engine, sessionmaker(engine), pending_check=pending)


def rescue_project(source: Path, target: Path) -> tuple[ForeignObject, ...]:
    """Copy the data of ``source`` into a new clean project file ``target``.

    For a file refused with :class:`ProjectForeignSchema`: the foreign objects are dropped
    from a private copy (none of them runs), then the copy is opened (and migrated) like any
    project and left at ``target``. ``source`` is never written. Returns what was dropped.
    """
    source, target = Path(source), Path(target)
    if not source.exists():
        raise ProjectNotFound(source, "file does not exist")
    if target.exists():
        raise ProjectExists(target)
    with suppress(ProjectForeignSchema):  # the very reason for a rescue
        _check_file(source)
    con = connect_read_only(source)
    try:
        revision = _stamped(con)
    finally:
        con.close()
    try:
        dropped = rescue_copy(source, target, revision)
        open_project(target).close()
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    for old in list_backups(target):
        drop_backup(old)
    return dropped


@contextmanager
def open_copy(
    target: ProjectTarget, *, ask_password: _server.PasswordPrompt | None = None
) -> Iterator[Project]:
    """A private, upgraded copy of another project file, as of its last commit.

    The file itself is never written (not even migrated), so a colleague's copy or one open
    in another window can be read safely. The copy is deleted on exit. A server project is
    read in place through read-only snapshot transactions (others may go on writing).
    """
    if _server.is_server_target(target):
        assert isinstance(target, str | URL)
        project = _open_server_project(_server_url(target), ask_password)
        snapshot = project.engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
        try:
            yield Project(None, snapshot, sessionmaker(snapshot), url=project.url)
        finally:
            project.close()
        return
    assert not isinstance(target, URL)
    path = Path(target)
    if not path.exists():
        raise ProjectNotFound(path, "file does not exist")
    _check_file(path)
    with tempfile.TemporaryDirectory(prefix="telaah-copy-") as folder:
        copy = Path(folder) / "copy.telaah"
        src = connect_read_only(path)
        dst = connect_file(copy)
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
