"""Migrations and models agree; old files are backed up before they are upgraded."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection

from app.models.backup import list_backups
from app.models.base import Base
from app.models.fts import is_fts_name
from app.models.project import (
    APPLICATION_ID,
    NotAProject,
    ProjectDamaged,
    ProjectTooNew,
    _alembic_config,
    create_project,
    current_revision,
    head_revision,
    make_engine,
    open_project,
)


@contextmanager
def _file_at(path: Path, revision: str) -> Iterator[Connection]:
    """A project file migrated to ``revision``; the block adds rows in the same transaction.

    Written as the Telaah of that time did, with ``trusted_schema`` on: before 0014 the FTS
    index was kept by triggers, which SQLite refuses to run otherwise."""
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA trusted_schema=ON")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        yield conn
    engine.dispose()


def _migrated_file(path: Path) -> None:
    with _file_at(path, "head"):
        pass


def test_migrations_match_models(tmp_path: Path) -> None:
    path = tmp_path / "migrated.telaah"
    _migrated_file(path)
    engine = make_engine(path)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, type_, _p: not (type_ == "table" and is_fts_name(name))
            },
        )
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def _index_sql(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        return {name: " ".join(sql.replace('"', "").split()) for name, sql in rows}
    finally:
        con.close()


def test_migrated_indexes_are_the_ones_a_new_project_gets(tmp_path: Path) -> None:
    """compare_metadata does not look at what an index holds (a partial index's WHERE):
    every index of a migrated file has exactly the SQL of a new project's, e.g. the speaker
    index that holds only turns (0015)."""
    migrated, created = tmp_path / "lama.telaah", tmp_path / "baru.telaah"
    _migrated_file(migrated)
    create_project(created).close()
    indexes = _index_sql(created)
    assert "WHERE speaker IS NOT NULL" in indexes["ix_segments_speaker"]
    assert _index_sql(migrated) == indexes


def test_old_file_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    # A file from before the first revision: our application id, no alembic stamp yet.
    path = tmp_path / "lama proyek.telaah"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.execute("CREATE TABLE keep_me (x TEXT)")
    con.execute("INSERT INTO keep_me VALUES ('data lama')")
    con.commit()
    con.close()

    project = open_project(path)
    try:
        assert current_revision(project.engine) == head_revision()
        with project.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM codings").scalar() == 0
    finally:
        project.close()
    backups = list_backups(path)
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT x FROM keep_me").fetchall() == [("data lama",)]
    assert con.execute("SELECT name FROM sqlite_master WHERE name='codings'").fetchall() == []
    con.close()


def test_unknown_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "baru.telaah"
    _migrated_file(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(ProjectTooNew):
        open_project(path)
    assert path.read_bytes() == before
    assert list_backups(path) == []


def test_foreign_files_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "catatan.telaah"
    text.write_text("bukan proyek", encoding="utf-8")
    with pytest.raises(NotAProject):
        open_project(text)
    other = tmp_path / "lain.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotAProject):
        open_project(other)


def test_damaged_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "rusak.telaah"
    _migrated_file(path)
    data = bytearray(path.read_bytes())
    # Keep the header (magic and application id) but scribble over the page tree.
    for i in range(200, min(len(data), 8192)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises((ProjectDamaged, NotAProject)):
        open_project(path)


def test_upgrade_from_first_schema_indexes_existing_documents(tmp_path: Path) -> None:
    from app.coding.search import search

    path = tmp_path / "v1.telaah"
    with _file_at(path, "0001") as conn:
        conn.exec_driver_sql(
            "INSERT INTO documents (name, original_filename, format, content_hash, text, "
            "length, imported_at) VALUES ('lama.txt', 'lama.txt', 'txt', 'h', "
            "'Posko banjir dibuka malam itu.', 30, '2024-01-01')"
        )
    project = open_project(path)
    try:
        with project.session() as s:
            hits = search(s, query="posko banjir")
    finally:
        project.close()
    assert [(h.document, h.start, h.end) for h in hits] == [("lama.txt", 0, 12)]
    assert len(list_backups(path)) == 1


def test_bundled_codebooks_of_an_old_file_become_version_one(tmp_path: Path) -> None:
    # A project file from before codebooks had versions (schema revision 0003).
    path = tmp_path / "proyek 2025.telaah"
    with _file_at(path, "0003") as conn:
        for key, origin in (("putnam", "bundled"), ("mine", "user")):
            conn.exec_driver_sql(
                "INSERT INTO codebooks (key, name_id, name_en, description_id, description_en, "
                f"reference, origin, sort_order) VALUES ('{key}', 'x', 'x', '', '', '', "
                f"'{origin}', 0)"
            )
    project = open_project(path)
    try:
        with project.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT key, version FROM codebooks ORDER BY key").all()
            codes = conn.exec_driver_sql("SELECT use_when_id FROM codes").all()
    finally:
        project.close()
    assert rows == [("mine", 0), ("putnam", 1)]
    assert codes == []
    assert len(list_backups(path)) == 1


def test_upgrading_a_coded_project_keeps_every_coding_mark_and_comment(tmp_path: Path) -> None:
    # A coded and reviewed project from the first release (schema 0003). Later revisions
    # rebuild the coders and codings tables; with foreign keys enforced that either failed
    # ("FOREIGN KEY constraint failed") or cascaded into the review marks and comments.
    path = tmp_path / "tesis 2025.telaah"
    with _file_at(path, "0003") as conn:
        for sql in (
            "INSERT INTO coders (id, name) VALUES (1, 'peneliti'), (2, 'pembimbing')",
            "INSERT INTO documents (id, name, original_filename, format, content_hash, text, "
            "length, imported_at) VALUES (1, 'INF01', 'INF01.txt', 'txt', 'h', "
            "'Warga membuka posko banjir bersama.', 35, '2025-01-01')",
            "INSERT INTO codebooks (id, key, name_id, name_en, description_id, description_en, "
            "reference, origin, sort_order) VALUES (1, 'loeffler', 'x', 'x', '', '', '', "
            "'bundled', 0)",
            "INSERT INTO codes (id, codebook_id, key, name_id, name_en, definition_id, "
            "definition_en, colour, keywords, reference, sort_order, created_at) VALUES "
            "(1, 1, 'loeffler/co-delivery', 'x', 'x', '', '', '#112233', '', '', 0, "
            "'2025-01-01')",
            'INSERT INTO codings (id, document_id, code_id, coder_id, start, "end", snippet, '
            "memo, illustrative, created_at, updated_at) VALUES (1, 1, 1, 1, 0, 5, 'Warga', "
            "'', 1, '2025-01-01', '2025-01-01')",
            "INSERT INTO review_marks (coding_id, reviewer_id, status, updated_at) VALUES "
            "(1, 2, 'questioned', '2025-01-02')",
            "INSERT INTO comments (coding_id, author_id, text, resolved, created_at) VALUES "
            "(1, 2, 'Mengapa ini co-delivery?', 0, '2025-01-02')",
        ):
            conn.exec_driver_sql(sql)
    project = open_project(path)
    try:
        with project.engine.connect() as conn:
            coders = conn.exec_driver_sql("SELECT name, role FROM coders ORDER BY id").all()
            codings = conn.exec_driver_sql("SELECT id, stance FROM codings").all()
            marks = conn.exec_driver_sql("SELECT status FROM review_marks").all()
            comments = conn.exec_driver_sql("SELECT text FROM comments").all()
            enforced = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    finally:
        project.close()
    assert coders == [("peneliti", "primary"), ("pembimbing", "primary")]
    assert codings == [(1, "supports")]
    assert marks == [("questioned",)]
    assert comments == [("Mengapa ini co-delivery?",)]
    assert enforced == 1  # the project's connections enforce foreign keys again
