"""Team roles on a PostgreSQL server, enforced by the server's own grants.

Each project database has three group roles, ``telaah_<db>_coder|reviewer|admin``; a team
member is a login in one of them. Everyone reads everything. A reviewer writes only review
marks, comments (answers included) and its own coder row; a coder also writes documents,
codings, memos, cases, codes and codebooks, but cannot drop others' codebooks or change roles;
an admin may do everything and manage the team (CREATEROLE). The database owner (who ran
``telaah new``) is an admin too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from psycopg import sql
from sqlalchemy import Connection, text

ROLES = ("coder", "reviewer", "admin")

_REVIEW = {
    "review_marks": "SELECT, INSERT, UPDATE, DELETE",
    "comments": "SELECT, INSERT, UPDATE, DELETE",
}
_WRITES: dict[str, dict[str, str]] = {
    "reviewer": {**_REVIEW, "coders": "INSERT"},
    "coder": {
        **_REVIEW,
        "coders": "INSERT",
        "documents": "INSERT, UPDATE, DELETE",
        "segments": "INSERT, DELETE",
        "codings": "INSERT, UPDATE, DELETE",
        "memos": "INSERT, UPDATE, DELETE",
        "cases": "INSERT, UPDATE, DELETE",
        "attributes": "INSERT, UPDATE, DELETE",
        "case_attributes": "INSERT, UPDATE, DELETE",
        "document_cases": "INSERT, UPDATE, DELETE",
        "cell_summaries": "INSERT, UPDATE, DELETE",
        "codes": "INSERT, UPDATE, DELETE",
        # DELETE is granted, but the server's guard trigger (app.models.live) lets a coder
        # drop only the codebooks it created
        "codebooks": "INSERT, UPDATE, DELETE",
    },
}


@dataclass(frozen=True)
class Member:
    """A login of the team and its role."""

    name: str
    role: str


def group_role(database: str, role: str) -> str:
    """The server role that holds ``role``'s grants for ``database``."""
    return f"telaah_{database[:40]}_{role}"


def _database(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SELECT current_database()").scalar())


def _raw(conn: Connection, statement: sql.Composable) -> None:
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    conn.exec_driver_sql(statement.as_string(dbapi))  # type: ignore[arg-type]


def setup_team(conn: Connection) -> None:
    """Create the three group roles (if missing) and (re)grant their privileges."""
    database = _database(conn)
    tables = [
        str(r[0])
        for r in conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        )
    ]
    for role in ROLES:
        name = group_role(database, role)
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
        ).scalar()
        if not exists:
            _raw(conn, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
        ident = sql.Identifier(name)
        _raw(conn, sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(database), ident))  # fmt: skip
        _raw(conn, sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident))
        _raw(conn, sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(ident))
        _raw(conn, sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(ident))
        if role == "admin":
            _raw(conn, sql.SQL("GRANT ALL ON ALL TABLES IN SCHEMA public TO {}").format(ident))
            continue
        for table in tables:
            privileges = _WRITES[role].get(table)
            if privileges:
                _raw(conn, sql.SQL("GRANT " + privileges + " ON {} TO {}").format(
                    sql.Identifier(table), ident))  # fmt: skip


def add_member(conn: Connection, *, name: str, role: str, password: str) -> None:
    """Create (or update) the login ``name`` with ``password`` in ``role``'s group only."""
    if role not in ROLES:
        raise ValueError(role)
    setup_team(conn)
    database = _database(conn)
    ident = sql.Identifier(name)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
    verb = "ALTER" if exists else "CREATE"
    extra = " CREATEROLE" if role == "admin" else " NOCREATEROLE"
    _raw(conn, sql.SQL(verb + " ROLE {} LOGIN" + extra + " PASSWORD {}").format(
        ident, sql.Literal(password)))  # fmt: skip
    for other in ROLES:
        group = sql.Identifier(group_role(database, other))
        if other == role:
            _raw(conn, sql.SQL("GRANT {} TO {}").format(group, ident))
        else:
            _raw(conn, sql.SQL("REVOKE {} FROM {}").format(group, ident))


def list_members(conn: Connection) -> tuple[Member, ...]:
    """Every login of the team with its role; the database owner counts as an admin."""
    database = _database(conn)
    rows = conn.execute(
        text(
            "SELECT r.rolname, g.rolname FROM pg_auth_members m "
            "JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE g.rolname = ANY(:groups)"
        ),
        {"groups": [group_role(database, role) for role in ROLES]},
    )
    members = {str(name): str(group).rsplit("_", 1)[1] for name, group in rows}
    owner = conn.execute(
        text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
    ).scalar()
    members.setdefault(str(owner), "admin")
    return tuple(Member(n, r) for n, r in sorted(members.items()))


@dataclass(frozen=True)
class ConnectedLogin:
    """A login with connections to the project database from Telaah clients right now."""

    name: str
    connections: int


def my_role(conn: Connection) -> str | None:
    """The team role of the connected login: ``admin`` for the database owner and superusers,
    else the role of its group (the strongest when in several), None when in none."""
    chief = conn.execute(
        text(
            "SELECT r.rolsuper OR pg_has_role(current_user, d.datdba, 'MEMBER') "
            "FROM pg_roles r, pg_database d "
            "WHERE r.rolname = current_user AND d.datname = current_database()"
        )
    ).scalar()
    if chief:
        return "admin"
    database = _database(conn)
    for role in ("admin", "coder", "reviewer"):
        member = conn.execute(
            text(
                "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = :g"
            ),
            {"g": group_role(database, role)},
        ).scalar()
        if member:
            return role
    return None


def connected_logins(conn: Connection, *, own: Iterable[int] = ()) -> tuple[ConnectedLogin, ...]:
    """Who else has Telaah connections to this database now (``pg_stat_activity``, whose
    login, database and application name every login may see), without the server
    processes in ``own`` (this client's connections) and the one asking."""
    rows = conn.execute(
        text(
            "SELECT usename, count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name LIKE 'telaah%' "
            "AND usename IS NOT NULL AND pid <> pg_backend_pid() AND NOT (pid = ANY(:own)) "
            "GROUP BY usename ORDER BY usename"
        ),
        {"own": sorted(own)},
    )
    return tuple(ConnectedLogin(str(name), int(n)) for name, n in rows)
