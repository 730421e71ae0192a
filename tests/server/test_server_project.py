"""A project can be a database on a PostgreSQL server: create, open, migrate, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.engine import make_url

from app.coding.search import search
from app.models.base import Base
from app.models.fts import is_fts_name
from app.models.project import (
    Project,
    ServerLoginFailed,
    ServerNotAProject,
    ServerNotEmpty,
    ServerUnreachable,
    _alembic_config,
    create_project,
    current_revision,
    head_revision,
    open_project,
)
from app.models.schema import Document

SEARCH_DOCS = {
    "satu.txt": "Kami rembuk warga 🌊 tiap bulan. Rembuk-warga itu penting.",
    "dua.txt": "Kerja bakti di RW 05; tidak ada rembukan. GOTONG ROYONG jalan terus.",
    "tiga.txt": "Relawan datang—membawa beras. Gotong-royong di posko banjir.",
    "empat.txt": "Ibu-ibu PKK memasak; kafé di ujung jalan tutup. Posko banjirnya ramai.",
}
QUERIES = (
    "rembuk warga",
    "gotong royong",
    "posko banjir",
    "posko ban",
    "kafé",
    "tiap bulan",
    "RW 05",
    "Rembuk",
    "tidak ada di mana pun",
)


def _fill(project: Project) -> None:
    with project.session() as s:
        for name, text in SEARCH_DOCS.items():
            s.add(
                Document(
                    name=name,
                    original_filename=name,
                    format="txt",
                    content_hash=name,
                    text=text,
                    length=len(text),
                )
            )
        s.commit()


def test_new_server_project_has_the_schema_and_reopens(pg_url: str) -> None:
    project = create_project(pg_url)
    try:
        assert project.is_server and project.path is None
        assert current_revision(project.engine) == head_revision()
        with project.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"documents", "codings", "codes", "review_marks", "alembic_version"} <= tables
        assert project.location == pg_url
    finally:
        project.close()
    again = open_project(pg_url)
    try:
        assert again.label.startswith(make_url(pg_url).database or "")
    finally:
        again.close()
    with pytest.raises(ServerNotEmpty):
        create_project(pg_url)


def test_empty_or_foreign_database_is_not_a_project(pg_url: str) -> None:
    with pytest.raises(ServerNotAProject):
        open_project(pg_url)
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE other_app (x text)")
    engine.dispose()
    with pytest.raises(ServerNotAProject):
        open_project(pg_url)
    with pytest.raises(ServerNotEmpty):
        create_project(pg_url)


def test_wrong_or_missing_password_is_a_login_error(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    right = __import__("os").environ["PGPASSWORD"]
    monkeypatch.setenv("PGPASSWORD", "salah")
    with pytest.raises(ServerLoginFailed):
        create_project(pg_url)
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("PGPASSFILE", str(Path(__file__).with_name("no-such-pgpass")))
    asked: list[str] = []

    def prompt(url: str) -> str:
        asked.append(url)
        return right

    project = create_project(pg_url, ask_password=prompt)
    assert right not in project.location
    project.close()
    assert asked == [pg_url]  # asked once, shown without password
    with pytest.raises(ServerLoginFailed):
        open_project(pg_url, ask_password=lambda _url: None)


def test_password_from_pgpass_file(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = make_url(pg_url)
    password = __import__("os").environ["PGPASSWORD"]
    monkeypatch.delenv("PGPASSWORD")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{url.host}:{url.port}:*:{url.username}:{password}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    project = create_project(pg_url)
    project.close()


def test_unreachable_server_is_reported(pg_url: str) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = make_url(pg_url).set(port=port).render_as_string(hide_password=False)
    with pytest.raises(ServerUnreachable) as info:
        open_project(url)
    assert str(port) in info.value.url


def _pg_index_sql(conn: Connection) -> dict[str, str]:
    rows = conn.execute(
        text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()")
    )
    return {str(name): str(sql) for name, sql in rows}


def test_migrations_match_models_on_postgresql(pg_url: str, other_pg_url: str) -> None:
    """A migrated server database has the tables and indexes of a new server project,
    down to what a partial index holds (compare_metadata does not look at its WHERE)."""
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"))
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, type_, _p: (
                    not (type_ in ("table", "index") and is_fts_name(name))
                )
            },
        )
        diff = compare_metadata(context, Base.metadata)
        indexes = {i["name"] for i in inspect(conn).get_indexes("documents")}
        migrated = _pg_index_sql(conn)
    engine.dispose()
    assert diff == []
    assert "documents_fts_simple" in indexes  # the search index came with the chain
    new = create_project(other_pg_url)
    try:
        with new.engine.connect() as conn:
            created = _pg_index_sql(conn)
    finally:
        new.close()
    assert "WHERE (speaker IS NOT NULL)" in created["ix_segments_speaker"]
    assert migrated == created


def test_search_gives_the_same_hits_on_both_engines(pg_project: Project, project: Project) -> None:
    _fill(pg_project)
    _fill(project)
    for query in QUERIES:
        for whole in (False, True):
            with project.session() as s:
                on_file = search(s, query=query, whole_words=whole)
            with pg_project.session() as s:
                on_server = search(s, query=query, whole_words=whole)
            assert on_server == on_file, query
    with pg_project.session() as s:
        hits = search(s, query="gotong royong")
    # Case and a hyphen between the words: found on the server like in a file.
    assert {h.document for h in hits} == {"dua.txt"}
    with pg_project.session() as s:
        regex = search(s, query=r"gotong\W?royong", regex=True)
    assert [h.document for h in regex] == ["dua.txt", "tiga.txt"]
