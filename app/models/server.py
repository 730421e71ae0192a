"""Projects on a PostgreSQL server: URLs, connecting (passwords), and what is server-only.

A server project is a SQLAlchemy URL ``postgresql+psycopg://user@host:port/dbname``. The
password is never part of what Telaah keeps: libpq reads ``PGPASSWORD`` and ``~/.pgpass``
itself, and a caller (CLI prompt, GUI dialog) may pass one in for this connection only.
Everything SQLite-specific (pragmas, application id, FTS5, backups, the lock file) stays in
:mod:`app.models.project` for files; the schema, the Alembic chain and the use cases are
shared.
"""

from __future__ import annotations

import re
import select
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

#: Prefixes of a server project (anything else is a file path).
_SERVER_URL = re.compile(r"^postgres(?:ql)?(?:\+psycopg)?://", re.IGNORECASE)

#: Asks for the password of ``url`` (shown without password); None means "give up".
PasswordPrompt = Callable[[str], str | None]

#: The name of the full-text index on PostgreSQL (a GIN index, not an ORM object).
PG_FTS_INDEX = "documents_fts_simple"
#: ``simple`` splits words and lowercases without stemming: right for Indonesian, whose
#: affixes (me-, -kan, ber-) a stemmer for another language would mangle, and it finds the
#: same candidates as SQLite's unicode61 tokenizer. Exact positions are checked in Python.
PG_FTS_CONFIG = "simple"


def is_server_target(target: object) -> bool:
    """True when ``target`` names a server project (a ``postgresql://`` URL), not a file."""
    return isinstance(target, str | URL) and bool(_SERVER_URL.match(str(target)))


def parse_server_url(target: str | URL) -> URL:
    """The URL with Telaah's driver (psycopg 3). Raises ValueError when it is not one."""
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise ValueError(str(exc)) from exc
    if not url.database:
        raise ValueError("the URL names no database")
    return url.set(drivername="postgresql+psycopg")


def without_password(url: URL) -> URL:
    """The same URL with no password in it (``URL.set(password=None)`` would keep it)."""
    return url._replace(password=None)


def display_url(url: URL) -> str:
    """The URL as shown to people and remembered: never with a password."""
    return without_password(url).render_as_string(hide_password=False)


def database_label(url: URL) -> str:
    """A short name for window titles and messages: ``db @ host``."""
    return f"{url.database} @ {url.host or 'localhost'}"


def _needs_password(exc: BaseException | None) -> bool:
    text = str(exc).lower()
    return "no password supplied" in text or "password authentication failed" in text


def _probe(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")


def connect_server(url: URL, *, ask_password: PasswordPrompt | None = None) -> tuple[Engine, URL]:
    """An engine on ``url`` whose connection works; asks for a password once if needed.

    Returns the engine and the URL without password. Raises :class:`ServerUnreachable` or
    :class:`ServerLoginFailed` (from :mod:`app.models.project`).
    """
    from app.models.project import ServerLoginFailed, ServerUnreachable

    shown = without_password(url)
    engine = server_engine(url)
    try:
        _probe(engine)
        return engine, shown
    except OperationalError as exc:
        engine.dispose()
        if not _needs_password(exc.orig):
            raise ServerUnreachable(shown, _first_line(exc.orig)) from exc
        if ask_password is None or url.password is not None:
            raise ServerLoginFailed(shown, _first_line(exc.orig)) from exc
        password = ask_password(display_url(url))
        if not password:
            raise ServerLoginFailed(shown, _first_line(exc.orig)) from exc
    engine = server_engine(url.set(password=password))
    try:
        _probe(engine)
    except OperationalError as exc:
        engine.dispose()
        if _needs_password(exc.orig):
            raise ServerLoginFailed(shown, _first_line(exc.orig)) from exc
        raise ServerUnreachable(shown, _first_line(exc.orig)) from exc
    return engine, shown


def _first_line(exc: BaseException | None) -> str:
    text = str(exc or "").strip()
    return text.splitlines()[0] if text else ""


def server_engine(url: URL) -> Engine:
    """An engine for a server project: a pooled connection the server has dropped is
    replaced before use (:func:`check_on_checkout`), a short connect timeout and the
    application name the team list shows."""
    from app.models.live import track_own_backends
    from app.models.schema import postgresql_where_clauses

    postgresql_where_clauses()  # before anything creates the schema on the server

    connect_args: dict[str, Any] = {
        "connect_timeout": 5,
        "application_name": "telaah",
        # TCP keepalives (libpq; Windows too): a connection a network dropped without a word
        # (a laptop changing Wi-Fi, a NAT forgetting it) breaks within about a minute of
        # silence instead of hanging its next statement, and the pool then replaces it
        **KEEPALIVES,
    }
    engine = create_engine(
        url,
        pool_size=2,
        max_overflow=4,
        connect_args=connect_args,
    )
    track_own_backends(engine)
    check_on_checkout(engine)
    return engine


#: libpq's keepalive settings for every server connection (seconds; the count is ignored on
#: Windows, which probes ten times).
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
              "keepalives_count": 3}  # fmt: skip

#: A pooled connection unused for longer than this is pinged before it is handed out (a
#: firewall or NAT may have forgotten it without telling either side).
IDLE_PING_S = 30.0
_CHECKED_IN = "telaah.checked_in"


def _dropped(dbapi_connection: Any, idle: float, ping: Callable[[Any], object]) -> bool:
    """True when an idle pooled connection can no longer be used. Costs no round trip
    unless something is unusual: an idle connection has nothing to read, so a readable
    socket means the server sent a farewell (a restart or ``pg_terminate_backend`` ends
    every backend with an error message and closes the socket); only then, or after
    :data:`IDLE_PING_S`, is ``SELECT 1`` sent to be sure."""
    if dbapi_connection.closed or dbapi_connection.broken:
        return True
    try:  # a socket on every system (Windows' select takes sockets only, which this is)
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):  # cannot tell without asking: ask
        readable = [True]
    if not readable and idle < IDLE_PING_S:
        return False
    try:
        ping(dbapi_connection)  # the dialect's: in autocommit, one round trip
    except Exception:  # any failure of the ping: the connection is not worth keeping
        return True
    return False


def check_on_checkout(engine: Engine) -> None:
    """Replace a pooled connection the server has dropped before it is used.

    This is what ``pool_pre_ping`` is for, without its round trip on every checkout (on a
    busy team server each round trip is a wait for the server process to be scheduled, and
    the ping was one of six per click). Raising :class:`DisconnectionError` in the pool's
    checkout event makes SQLAlchemy discard the connection and open a new one. A connection
    that dies while in use raises as before; SQLAlchemy then invalidates the pool."""

    def on_checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_CHECKED_IN] = time.monotonic()

    def on_checkout(
        dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection
    ) -> None:
        checked_in = record.info.pop(_CHECKED_IN, None)
        if checked_in is None:  # new: just connected
            return
        if _dropped(dbapi_connection, time.monotonic() - checked_in, engine.dialect.do_ping):
            raise DisconnectionError("the server closed this pooled connection")

    event.listen(engine, "checkin", on_checkin)
    event.listen(engine, "checkout", on_checkout)


def user_tables(conn: Connection) -> list[str]:
    """Tables in the connection's schema (an empty database has none)."""
    return sorted(inspect(conn).get_table_names())


def create_search_index(conn: Connection) -> None:
    """The GIN index that finds candidate documents for a text search."""
    conn.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_FTS_INDEX} ON documents "
        f"USING gin (to_tsvector('{PG_FTS_CONFIG}', text))"
    )


def is_permission_error(exc: DBAPIError) -> bool:
    """True when the server refused a statement for lack of privilege (SQLSTATE 42501)."""
    return getattr(exc.orig, "sqlstate", None) == "42501"


def server_error_text(exc: DBAPIError) -> str:
    """The server's first line for an error (permission denied, connection lost…)."""
    return _first_line(exc.orig)


def fake_path(url: URL) -> Path:
    """What :class:`ProjectError` shows as the project's name for a server project."""
    return Path(database_label(url))
