"""Shared fixtures. Qt runs offscreen; every test gets its own project file on disk."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.models.project import Project, create_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """A new, empty project file in a folder whose name has spaces and Indonesian text."""
    folder = tmp_path / "Tesis Bu Siti — Pantai Indah"
    folder.mkdir()
    proj = create_project(folder / "tesis saya.telaah")
    yield proj
    proj.close()


def dump_project(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every user table's rows, sorted: a canonical dump to compare before/after."""
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return [
            (t, sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables
        ]
    finally:
        con.close()


@pytest.fixture
def dump():  # type: ignore[no-untyped-def]
    """The :func:`dump_project` helper as a fixture."""
    return dump_project


# --- PostgreSQL: one throwaway server per session, a fresh database per test -----------------


def _load_pgserver():  # type: ignore[no-untyped-def]
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "tools" / "pgserver.py"
    spec = importlib.util.spec_from_file_location("telaah_pgserver", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


pgserver = _load_pgserver()


def _no_server(reason: str) -> None:
    # In CI the server tests must run: a missing server fails them instead of skipping.
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI needs a PostgreSQL server for this test: {reason}", pytrace=False)
    pytest.skip(f"not run: no PostgreSQL server ({reason}); set {pgserver.ENV_URL} or install it")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """The test server: ``$TELAAH_TEST_PG_URL`` (CI starts one) or one started here."""
    url = os.environ.get(pgserver.ENV_URL)
    if url:
        yield pgserver.Server(url=url, folder=None)
        return
    if pgserver.bin_dir() is None:
        _no_server("PostgreSQL is not installed")
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="telaah-pg-"))
    try:
        server = pgserver.start(folder)
    except Exception as exc:
        shutil.rmtree(folder, ignore_errors=True)
        _no_server(f"it could not be started: {exc}")
    try:
        yield server
    finally:
        pgserver.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _admin(server_url: str, database: str = "postgres"):  # type: ignore[no-untyped-def]
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    return psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=database,
        autocommit=True,
    )


@pytest.fixture
def pg_url(pg_server, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL (without password) of a new, empty database; PGPASSWORD holds the password."""
    yield from _new_database(pg_server, monkeypatch)


@pytest.fixture
def other_pg_url(pg_server, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A second new, empty database on the same server, as :func:`pg_url`."""
    yield from _new_database(pg_server, monkeypatch)


def _new_database(pg_server, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uuid

    from sqlalchemy.engine import make_url

    server = make_url(pg_server.url)
    name = f"t_{uuid.uuid4().hex[:12]}"
    with _admin(pg_server.url) as conn:
        conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    monkeypatch.setenv("PGPASSWORD", str(server.password))
    url = server._replace(database=name, password=None).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with _admin(pg_server.url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_project(pg_url: str) -> Iterator[Project]:
    """A new, empty project on the test server."""
    proj = create_project(pg_url)
    yield proj
    proj.close()
