"""The pooled connections of a server project: no round trip to check one out, and one the
server has ended (``pg_terminate_backend``, a restart) is replaced before it is used."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.models import server
from app.models.project import create_project, open_project
from app.models.schema import Document
from tests.server.round_trips import pooled_connection, round_trips, traced


def _backend(project: object) -> int:
    with project.engine.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def test_checking_out_a_pooled_connection_costs_no_round_trip(pg_url: str) -> None:
    project = create_project(pg_url)
    try:
        raw = pooled_connection(project.engine)
        with traced(raw) as messages, project.engine.connect() as conn:
            assert conn.connection.driver_connection is raw
        assert round_trips(messages) == 0, messages
    finally:
        project.close()


def test_a_connection_idle_for_long_is_pinged_first(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = create_project(pg_url)
    try:
        raw = pooled_connection(project.engine)
        monkeypatch.setattr(server, "IDLE_PING_S", 0.0)
        with traced(raw) as messages, project.engine.connect() as conn:
            assert conn.connection.driver_connection is raw  # it answered: kept
        assert messages == ["Query"]  # SELECT 1
    finally:
        project.close()


def test_a_connection_the_server_ended_is_replaced_before_use(pg_url: str, pg_server) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import _admin

    project = create_project(pg_url)
    try:
        first = _backend(project)
        with _admin(pg_server.url) as admin:
            admin.execute("SELECT pg_terminate_backend(%s, 5000)", (first,))
        with project.session() as s:  # no error: the dead connection is never used
            assert s.scalars(select(Document.id)).all() == []
        assert _backend(project) != first
    finally:
        project.close()


@pytest.fixture
def own_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """A server of this test alone (it is restarted), and a project URL on it."""
    pgserver = sys.modules["telaah_pgserver"]
    if pgserver.bin_dir() is None:
        from tests.conftest import _no_server

        _no_server("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="telaah-pg-restart-"))
    try:
        url = make_url(pgserver.start(folder).url)
        monkeypatch.setenv("PGPASSWORD", str(url.password))
        yield url._replace(password=None).render_as_string(hide_password=False), folder
    finally:
        pgserver.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_a_restarted_server_is_reconnected_to_without_an_error(
    own_server: tuple[str, Path],
) -> None:
    url, folder = own_server
    pgserver = sys.modules["telaah_pgserver"]
    create_project(url).close()
    project = open_project(url)
    try:
        _backend(project)  # a connection in the pool
        pgserver.control(folder, "stop")
        pgserver.control(folder, "start")
        with project.session() as s:  # the pooled connection died with the server
            assert s.scalars(select(Document.id)).all() == []
    finally:
        project.close()


def test_server_connections_ask_for_tcp_keepalives(pg_url: str) -> None:
    """A connection a network drops silently must break within about a minute of silence,
    not hang the next statement: libpq's keepalives are on for every pooled connection."""
    project = create_project(pg_url)
    try:
        with project.engine.connect() as conn:
            params = conn.connection.driver_connection.info.get_parameters()  # type: ignore[union-attr]
    finally:
        project.close()
    wanted = {k: str(v) for k, v in server.KEEPALIVES.items()}
    assert {k: params.get(k) for k in wanted} == wanted, params
