"""A project file is untrusted, so SQLite runs with ``trusted_schema`` off on every
connection (issue 13, item 3): a trigger or view in the file cannot reach the FTS table even
if it got past the schema check. The search index is then kept by Telaah's own writes, not by
triggers; search must give exactly the hits a scan of every text gives, after each way
documents are written: import, edit, delete, undo, merge, rescue, REFI-QDA, the demo study,
push/pull, and opening a file of the trigger era (schema 0013)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.coding.codings import apply_code
from app.coding.documents import import_files, remove_documents, restore_documents
from app.coding.merge import merge_project_file
from app.coding.patterns import literal
from app.coding.search import search
from app.coding.sources import set_document_source
from app.models.backup import list_backups
from app.models.fts import FTS_TABLE, LEGACY_TRIGGERS
from app.models.project import (
    create_project,
    current_revision,
    head_revision,
    open_project,
    rescue_project,
)
from app.models.schema import Code, Document

#: Phrases of the test texts: in one document, in several, with an emoji, with a diacritic.
WORDS = ("lumbung warga", "balai", "🌊", "posko banjir", "kenduri", "kopi", "café", "rapat")


def _hits(session: Session, query: str, *, scan: bool) -> list[tuple[int, int, int]]:
    found = search(session, query=literal(query) if scan else query, regex=scan)
    return [(h.document_id, h.start, h.end) for h in found]


def assert_index_exact(target: Session | Path, words: Sequence[str] = WORDS) -> int:
    """The FTS index matches the stored texts (FTS5's own check against its content
    table) and search finds, for each phrase, exactly what a scan of every text finds.
    Returns how many hits there were in all."""
    if isinstance(target, Path):
        project = open_project(target)
        try:
            with project.session() as session:
                return assert_index_exact(session, words)
        finally:
            project.close()
    session = target
    if session.get_bind().dialect.name == "sqlite":  # a server keeps its GIN index itself
        try:
            session.connection().exec_driver_sql(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
            )
        finally:
            session.rollback()
    total = 0
    for word in words:
        indexed = _hits(session, word, scan=False)
        assert indexed == _hits(session, word, scan=True), word
        total += len(indexed)
    return total


def _docx(path: Path, paragraphs: Sequence[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _files(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    txt = folder / "INF02 nelayan.txt"
    txt.write_text(
        "Pewawancara: Kapan posko banjir dibuka?\n\nInforman: Malam itu, di balai RW. "
        "Kami minum kopi sambil rapat. 🌊\n",
        encoding="utf-8",
    )
    word = _docx(
        folder / "INF03 kenduri.docx",
        ["Pewawancara: Siapa yang memasak?", "Informan: Ibu-ibu, untuk kenduri di café desa."],
    )
    return [txt, word]


def _sql(path: Path, *statements: str, trusted: bool = False) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA trusted_schema={'ON' if trusted else 'OFF'}")
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def test_writing_connections_run_with_trusted_schema_off(study: Path) -> None:
    project = open_project(study)
    try:
        with project.session() as session:
            code_id = session.query(Code.id).order_by(Code.id).first()
            assert code_id is not None
            apply_code(session, document_id=1, code_id=code_id[0], start=10, end=20, coder="budi")
            assert session.connection().exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
        with project.engine.begin() as conn:  # any other connection of the pool
            assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
    finally:
        project.close()


def test_a_trigger_that_slipped_past_the_check_cannot_touch_the_index(
    study: Path, dump, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # A trigger only a trusted schema lets run: it empties the search index at the next
    # coding. Suppose the schema check missed it.
    _sql(
        study,
        "CREATE TRIGGER quiet AFTER INSERT ON codings BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all'); END",
    )
    monkeypatch.setattr("app.models.project.foreign_objects", lambda *_a: ())
    before = dump(study)
    project = open_project(study)
    try:
        with project.session() as session:
            code_id = session.query(Code.id).order_by(Code.id).first()
            assert code_id is not None
            with pytest.raises(OperationalError, match="unsafe use of virtual table"):
                apply_code(
                    session, document_id=1, code_id=code_id[0], start=10, end=20, coder="budi"
                )
            session.rollback()
            assert len(search(session, query="lumbung warga")) == 40  # still found
    finally:
        project.close()
    assert dump(study) == before


def test_search_stays_exact_through_import_edit_delete_and_undo(study: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    project = open_project(study)
    try:
        with project.session() as session:
            assert assert_index_exact(session) == 160  # 40 lines: lumbung warga, 🌊, rapat, balai
            result = import_files(session, paths=_files(tmp_path / "files"))
            ids = [d.id for d in result.imported]
            assert len(ids) == 2
            everything = assert_index_exact(session)
            assert everything > 160
            set_document_source(session, document_id=ids[0], source_type="fgd", title="Nelayan")
            assert assert_index_exact(session) == everything
            snapshot = remove_documents(session, document_ids=[1, ids[1]])
            assert assert_index_exact(session) < everything
            assert search(session, query="kenduri") == ()
            restore_documents(session, snapshot=snapshot)
            assert assert_index_exact(session) == everything
            assert [h.document for h in search(session, query="kenduri")] == ["INF03 kenduri.docx"]
            # a text changed through the ORM leaves the index with its old words
            doc = session.get(Document, ids[0])
            assert doc is not None
            doc.text = doc.text.replace("kopi", "teh")
            session.commit()
            assert search(session, query="kopi") == ()
            assert len(search(session, query="teh")) == 1
            assert_index_exact(session, (*WORDS, "teh"))
            # ORM statements too (update by a condition, delete by a condition)
            session.execute(
                update(Document).where(Document.id == ids[0]).values(text="Kopi lagi, kopi.")
            )
            session.commit()
            assert len(search(session, query="kopi")) == 2 and search(session, query="teh") == ()
            session.execute(delete(Document).where(Document.name.like("INF02%")))
            session.commit()
            assert search(session, query="kopi") == ()
            assert_index_exact(session, (*WORDS, "teh"))
    finally:
        project.close()
    assert_index_exact(study)  # and so it stays on disk


def test_search_stays_exact_after_merge_and_rescue(study: Path, tmp_path: Path) -> None:
    other_path = tmp_path / "rekan.telaah"
    other = create_project(other_path)
    try:
        with other.session() as session:
            import_files(session, paths=_files(tmp_path / "files"))
    finally:
        other.close()
    project = open_project(study)
    try:
        with project.session() as session:
            report = merge_project_file(session, path=other_path, this_file=study)
            assert report is not None
            assert len(search(session, query="kenduri")) == 1
            merged = assert_index_exact(session)
    finally:
        project.close()
    # a foreign trigger makes the file refused; its rescue is a clean file with the same hits
    _sql(study, "CREATE TRIGGER evil AFTER INSERT ON codings BEGIN DELETE FROM documents; END")
    clean = tmp_path / "bersih.telaah"
    rescue_project(study, clean)
    assert assert_index_exact(clean) == merged


def test_search_is_exact_in_a_qdpx_round_trip_and_the_demo_study(study: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.coding.demo import build_demo_project
    from app.coding.refiqda.export import export_qdpx
    from app.coding.refiqda.import_ import import_qdpx

    project = open_project(study)
    try:
        with project.session() as session:
            import_files(session, paths=_files(tmp_path / "files"))
            expected = assert_index_exact(session)
            export_qdpx(session, path=tmp_path / "tesis.qdpx", project_name="Tesis")
    finally:
        project.close()
    import_qdpx(path=tmp_path / "tesis.qdpx", project_path=tmp_path / "dari qdpx.telaah")
    assert assert_index_exact(tmp_path / "dari qdpx.telaah") == expected

    demo = build_demo_project(tmp_path / "demo.telaah")
    assert assert_index_exact(demo, ("warga", "banjir", "posko", "musyawarah")) > 0


def _trigger_era_file(path: Path, *, lost_triggers: bool) -> None:
    """A file as Telaah wrote it at schema 0013 with trusted_schema on: created new (with
    the three FTS triggers), or migrated through 0004, which had dropped them with the
    rebuilt ``documents`` table; then one more document written by that Telaah."""
    create_project(path).close()
    statements = [] if lost_triggers else list(LEGACY_TRIGGERS)
    statements += [
        "UPDATE alembic_version SET version_num = '0013'",
        # the speaker index as 0013 made it (0015 changed it)
        "DROP INDEX ix_segments_speaker",
        "CREATE INDEX ix_segments_kind_speaker ON segments (kind, speaker)",
        "INSERT INTO documents (name, original_filename, format, content_hash, text, length, "
        "imported_at, source_type, title) VALUES ('INF09', 'INF09.txt', 'txt', 'h', "
        "'Warga membuka posko banjir di balai.', 36, '2026-01-01', 'interview', '')",
    ]
    _sql(path, *statements, trusted=True)


@pytest.mark.parametrize("lost_triggers", [False, True], ids=["new-at-0013", "migrated-0004"])
def test_a_trigger_era_file_is_migrated_with_a_complete_index(
    tmp_path: Path, lost_triggers: bool
) -> None:
    path = tmp_path / "tesis 2026.telaah"
    _trigger_era_file(path, lost_triggers=lost_triggers)
    project = open_project(path)
    try:
        assert current_revision(project.engine) == head_revision()
        with project.session() as session:
            assert [h.document for h in search(session, query="posko banjir")] == ["INF09"]
            assert assert_index_exact(session) == 2
            triggers = session.connection().exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            )
            assert triggers.all() == []
    finally:
        project.close()
    assert len(list_backups(path)) == 1  # backed up before the migration


def test_the_old_triggers_with_a_foreign_one_are_still_refused(study: Path) -> None:
    from app.models.project import ProjectForeignSchema

    _sql(
        study,
        *LEGACY_TRIGGERS,
        "UPDATE alembic_version SET version_num = '0013'",
        "CREATE TRIGGER extra AFTER DELETE ON codes BEGIN DELETE FROM codings; END",
        trusted=True,
    )
    with pytest.raises(ProjectForeignSchema) as caught:
        open_project(study)
    assert [(o.type, o.name) for o in caught.value.objects] == [("trigger", "extra")]


def test_push_and_pull_keep_search_exact(study: Path, tmp_path: Path, pg_url: str) -> None:
    from app.coding.transfer import pull_project, push_project

    project = open_project(study)
    try:
        with project.session() as session:
            import_files(session, paths=_files(tmp_path / "files"))
            expected = assert_index_exact(session)
    finally:
        project.close()
    push_project(source=study, target=pg_url)
    server = open_project(pg_url)
    try:
        with server.session() as session:  # the server's GIN index finds the same
            assert assert_index_exact(session) == expected
    finally:
        server.close()
    pulled = tmp_path / "ditarik.telaah"
    pull_project(source=pg_url, target=pulled)
    assert assert_index_exact(pulled) == expected


def test_no_raw_sql_writes_documents_behind_the_index() -> None:
    """The index follows the ORM (mapper events, ORM statements) and whole-file copies; a
    raw ``INSERT INTO documents`` / ``DELETE FROM`` / ``UPDATE`` elsewhere would slip past
    it and make search miss or invent hits."""
    import re

    app = Path(__file__).resolve().parents[2] / "app"
    raw = re.compile(r"(INSERT\s+INTO|DELETE\s+FROM|UPDATE)\s+\"?documents\b", re.IGNORECASE)
    allowed = {app / "models" / "fts.py", app / "models" / "schema_check.py"}  # docstring
    offenders = [
        str(path.relative_to(app))
        for path in sorted(app.rglob("*.py"))
        if path not in allowed and raw.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
