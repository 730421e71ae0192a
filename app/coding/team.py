"""The team of a server project, as the GUI shows it: my role, the members, who is here.

Thin use cases over :mod:`app.models.team` (the server's own roles and grants). On a project
file there is no team: :func:`team_overview` says so (``role`` None, nothing listed) and
:func:`add_team_member` refuses. Team logins are server accounts, not project data: adding
one is not undoable and is not part of a project's copy (``pull``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.coding.errors import InvalidValue
from app.models.live import own_backends
from app.models.team import ROLES, ConnectedLogin, Member, add_member, connected_logins
from app.models.team import list_members as _list_members
from app.models.team import my_role as _my_role


@dataclass(frozen=True)
class TeamOverview:
    """What a client may know about its team: its login and role, and (admins only) the
    members with their roles."""

    login: str
    role: str | None
    members: tuple[Member, ...] = ()

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _server(session: Session) -> Connection | None:
    conn = session.connection()
    return conn if conn.dialect.name == "postgresql" else None


def team_overview(session: Session) -> TeamOverview:
    """My login and role; the members too when I am the team's admin."""
    conn = _server(session)
    if conn is None:
        return TeamOverview(login="", role=None)
    login = str(conn.exec_driver_sql("SELECT current_user").scalar())
    role = _my_role(conn)
    members = _list_members(conn) if role == "admin" else ()
    return TeamOverview(login=login, role=role, members=members)


def others_connected(session: Session) -> tuple[ConnectedLogin, ...]:
    """The logins connected to the project with Telaah besides this client (file: none)."""
    conn = _server(session)
    if conn is None:
        return ()
    return connected_logins(conn, own=own_backends(conn.engine))


def add_team_member(session: Session, *, name: str, role: str, password: str) -> Member:
    """Create the login ``name`` (or change its role and password) in ``role``; committed.

    Raises :class:`InvalidValue` for an empty name or password or an unknown role; the
    server refuses (SQLSTATE 42501) when the connected login is not allowed to.
    """
    name = name.strip()
    if not name:
        raise InvalidValue("name", name, "empty")
    if not password:
        raise InvalidValue("password", "", "empty")
    if role not in ROLES:
        raise InvalidValue("role", role)
    conn = _server(session)
    if conn is None:
        raise InvalidValue("project", "file", "not a team server")
    add_member(conn, name=name, role=role, password=password)
    session.commit()
    return Member(name, role)
