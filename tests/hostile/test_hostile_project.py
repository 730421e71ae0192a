"""A project file is untrusted input (issue 13, rows 10-13): foreign triggers, views and
tables are refused before anything runs, with a rescue into a clean file; a file without
its schema stamp is refused without a backup each time; long names and control characters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hostile_helpers import first_code_key, run_cli

from app.cli import main
from app.models.backup import backup_project, list_backups
from app.models.fts import LEGACY_TRIGGERS
from app.models.project import ProjectForeignSchema, open_project

EVIL = "CREATE TRIGGER evil AFTER INSERT ON codings BEGIN DELETE FROM documents; END"


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def _code_args(path: Path) -> list[str]:
    return ["code", str(path), "--document", "INF01 wawancara", "--start", "10",
            "--end", "20", "--code", first_code_key(path), "--coder", "budi"]  # fmt: skip


def test_foreign_trigger_is_refused_and_the_data_rescued(study: Path, dump, capsys) -> None:  # type: ignore[no-untyped-def]
    _sql(study, EVIL)
    before = dump(study)
    assert main(_code_args(study)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert 'trigger "evil"' in err[0] and "telaah rescue" in err[0]
    assert dump(study) == before  # nothing ran: documents and codings are all there
    assert _count(study, "documents") == 1
    with pytest.raises(ProjectForeignSchema) as caught:
        open_project(study)
    assert [(o.type, o.name) for o in caught.value.objects] == [("trigger", "evil")]

    clean = study.with_name("tesis bersih.telaah")
    assert main(["rescue", str(study), str(clean)]) == 0
    out = capsys.readouterr().out
    assert 'trigger "evil"' in out
    assert dump(study) == before  # the source is never written
    assert main(_code_args(clean)) == 0
    assert _count(clean, "documents") == 1 and _count(clean, "codings") == 2
    con = sqlite3.connect(clean)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    hits = con.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'lumbung'")
    assert hits.fetchone()[0] == 1  # the full-text index works in the rescued file
    con.close()
    assert names == set()  # no trigger at all: the index follows Telaah's own writes


@pytest.mark.parametrize(
    "statements",
    [
        # the old FTS trigger's name, someone else's body
        ["CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
         "DELETE FROM codes; END"],
        # the old FTS trigger itself: Telaah's before 0014, foreign in a file stamped 0014
        [LEGACY_TRIGGERS[0]],
        ["CREATE VIEW spy AS SELECT text FROM documents"],
        ["CREATE TABLE extra (x)"],
        ["CREATE INDEX ix_extra ON documents(name, text)"],
        ["CREATE TABLE documents_fts_evil (x)"],  # an FTS-looking name is no free pass
    ],
)  # fmt: skip
def test_every_foreign_object_is_refused(study: Path, dump, capsys, statements: list[str]) -> None:  # type: ignore[no-untyped-def]
    _sql(study, *statements)
    before = dump(study)
    assert main(["stats", str(study)]) == 1
    assert "objects Telaah did not create" in capsys.readouterr().err
    assert dump(study) == before
    clean = study.with_name("bersih.telaah")
    assert main(["rescue", str(study), str(clean)]) == 0
    assert main(["stats", str(clean)]) == 0


def test_a_file_without_its_schema_stamp_is_refused_without_backups(study: Path, dump) -> None:  # type: ignore[no-untyped-def]
    _sql(study, "DELETE FROM alembic_version")
    before = dump(study)
    for _ in range(3):
        run = run_cli(["stats", str(study)], timeout=60)
        assert run.status == 1
        assert "the schema version is missing" in run.err
    assert list_backups(study) == []
    assert dump(study) == before


def test_a_failed_migration_keeps_no_backup(study: Path, dump, capsys) -> None:  # type: ignore[no-untyped-def]
    # stamped as an old revision while holding today's tables: the upgrade fails and is
    # rolled back, so nothing happened and no "migration" backup is left behind
    _sql(study, "UPDATE alembic_version SET version_num = '0003'")
    before = dump(study)
    assert main(["stats", str(study)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert list_backups(study) == []
    assert dump(study) == before


def test_identical_backups_are_kept_once(study: Path) -> None:
    first = backup_project(study, reason="manual")
    second = backup_project(study, reason="manual")
    assert second == first and list_backups(study) == [first]
    _sql(study, "UPDATE documents SET name = 'INF01 baru'")
    third = backup_project(study, reason="manual")
    assert third != first and len(list_backups(study)) == 2


def test_a_huge_coder_name_is_refused(study: Path, dump, capsys) -> None:  # type: ignore[no-untyped-def]
    before = dump(study)
    args = _code_args(study)
    args[args.index("budi")] = "x" * 100_000
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and len(err) < 300
    assert "coder name is too long" in err and "at most 100" in err
    assert dump(study) == before


def test_a_file_name_with_a_newline_stays_on_one_line(project, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    project.close()
    odd = tmp_path / "INF02\nwawancara.txt"
    odd.write_text("Informan: Lumbung warga.\n", encoding="utf-8")
    assert main(["import", str(project.path), str(odd)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "\\n" in out[0], out
    broken = tmp_path / "rusak\x1b[2J.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["import", str(project.path), str(broken)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "\x1b" not in err[0] and "\\x1b" in err[0], err
