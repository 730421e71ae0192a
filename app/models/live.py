"""Server-side objects of a team project: change notifications and codebook ownership.

Every committed write to a project table on PostgreSQL sends a notification on the channel
:data:`CHANNEL` (triggers, so the CLI, the GUI and any other client are covered alike; the
server delivers it only when the writing transaction commits, and once per distinct payload
per transaction). The payload is the table name, for codings ``codings:<document id>``.
Listeners (``app.coding.live``) turn these into ``Changes``.

A codebook remembers the login that created it (``codebooks.owner``, filled by the server;
a copy from a file by ``push`` keeps it empty, and only an admin drops such a codebook);
a trigger refuses (SQLSTATE 42501, like a missing grant) to delete a codebook of another
login unless the deleting login is a team admin, the database owner or a superuser.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any
from weakref import WeakKeyDictionary

import psycopg
from sqlalchemy import Connection, Engine, event

#: The notification channel of a project database.
CHANNEL = "telaah_changes"

#: Tables whose changes other clients should see (codings are sent per document).
WATCHED_TABLES = (
    "codebooks",
    "codes",
    "documents",
    "cases",
    "attributes",
    "case_attributes",
    "document_cases",
    "memos",
    "review_marks",
    "comments",
    "cell_summaries",
    "project_settings",
    "coders",
)

_NOTIFY_TABLE = f"""
CREATE OR REPLACE FUNCTION telaah_notify_table() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END $$
"""

_NOTIFY_CODING = f"""
CREATE OR REPLACE FUNCTION telaah_notify_coding() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('{CHANNEL}', 'codings:' || OLD.document_id);
    ELSE
        PERFORM pg_notify('{CHANNEL}', 'codings:' || NEW.document_id);
        IF TG_OP = 'UPDATE' AND OLD.document_id <> NEW.document_id THEN
            PERFORM pg_notify('{CHANNEL}', 'codings:' || OLD.document_id);
        END IF;
    END IF;
    RETURN NULL;
END $$
"""

_CODEBOOK_OWNER = """
CREATE OR REPLACE FUNCTION telaah_codebook_owner() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.owner IS NULL
       AND coalesce(current_setting('telaah.copying', true), '') <> 'on' THEN
        NEW.owner := current_user;
    END IF;
    RETURN NEW;
END $$
"""

_CODEBOOK_GUARD = """
CREATE OR REPLACE FUNCTION telaah_codebook_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    admin_group text := 'telaah_' || left(current_database(), 40) || '_admin';
BEGIN
    IF OLD.owner IS NOT DISTINCT FROM current_user::text
       OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper)
       OR EXISTS (SELECT 1 FROM pg_database WHERE datname = current_database()
                  AND pg_has_role(current_user, datdba, 'MEMBER'))
       OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = admin_group)
           AND pg_has_role(current_user, admin_group, 'MEMBER')) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'permission denied: codebook %% belongs to %%', OLD.key, OLD.owner
        USING ERRCODE = '42501';
END $$
"""


def create_live_objects(conn: Connection) -> None:
    """Create (or replace) the notification and ownership triggers. PostgreSQL only."""
    if conn.dialect.name != "postgresql":
        return
    for statement in (_NOTIFY_TABLE, _NOTIFY_CODING, _CODEBOOK_OWNER, _CODEBOOK_GUARD):
        conn.exec_driver_sql(statement)
    for table in WATCHED_TABLES:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS telaah_notify ON {table}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER telaah_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION telaah_notify_table()"
        )
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS telaah_notify ON codings")
    conn.exec_driver_sql(
        "CREATE TRIGGER telaah_notify AFTER INSERT OR UPDATE OR DELETE ON codings "
        "FOR EACH ROW EXECUTE FUNCTION telaah_notify_coding()"
    )
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS telaah_owner ON codebooks")
    conn.exec_driver_sql(
        "CREATE TRIGGER telaah_owner BEFORE INSERT ON codebooks "
        "FOR EACH ROW EXECUTE FUNCTION telaah_codebook_owner()"
    )
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS telaah_guard ON codebooks")
    conn.exec_driver_sql(
        "CREATE TRIGGER telaah_guard BEFORE DELETE ON codebooks "
        "FOR EACH ROW EXECUTE FUNCTION telaah_codebook_guard()"
    )


# --- listening ------------------------------------------------------------------------------

#: Backend process ids of each engine's own connections (their notifications are not news).
_OWN_BACKENDS: WeakKeyDictionary[Engine, set[int]] = WeakKeyDictionary()


def track_own_backends(engine: Engine) -> None:
    """Remember the server process of every connection ``engine`` opens (call it first)."""
    pids: set[int] = set()
    _OWN_BACKENDS[engine] = pids

    def remember(dbapi_connection: Any, _record: Any) -> None:
        pids.add(int(dbapi_connection.info.backend_pid))

    event.listen(engine, "connect", remember)


def own_backends(engine: Engine) -> frozenset[int]:
    """The server processes of ``engine``'s connections (its listener's included)."""
    return frozenset(_OWN_BACKENDS.get(engine, ()))


class ListenerLost(Exception):
    """The listening connection broke (the server stopped or the network went away)."""


class Listener:
    """One autocommit connection that LISTENs on :data:`CHANNEL` for a project's engine.

    :meth:`fileno` is its socket (readable when something arrived: an event loop can watch
    it, nothing blocks); :meth:`read` returns the payloads sent by *other* clients.
    Raises :class:`ListenerLost` when the connection is gone.
    """

    def __init__(self, engine: Engine, *, connect_timeout: int = 2) -> None:
        url = engine.url
        self._own = _OWN_BACKENDS.get(engine, set())
        try:
            self._conn = psycopg.connect(
                host=url.host,
                port=url.port,
                user=url.username,
                password=url.password,
                dbname=url.database,
                autocommit=True,
                connect_timeout=connect_timeout,
                application_name="telaah-listen",
            )
            self._conn.execute(f"LISTEN {CHANNEL}")
            self._own.add(int(self._conn.info.backend_pid))  # one of ours, too
        except psycopg.Error as exc:
            raise ListenerLost(str(exc)) from exc

    def fileno(self) -> int:
        return self._conn.fileno()

    def read(self) -> list[str]:
        """The payloads that arrived (never waits); others' only."""
        try:
            return [n.payload for n in self._conn.notifies(timeout=0) if n.pid not in self._own]
        except psycopg.Error as exc:
            raise ListenerLost(str(exc)) from exc

    def check(self) -> None:
        """Raise :class:`ListenerLost` unless the server still answers on this connection."""
        try:
            self._conn.execute("SELECT 1")
        except psycopg.Error as exc:
            raise ListenerLost(str(exc)) from exc

    def close(self) -> None:
        with suppress(psycopg.Error):
            self._conn.close()
