"""push / pull between a file and a server lose nothing; merge works in both directions."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from app.cli import main
from app.coding.analysis.cell_summaries import set_cell_summary
from app.coding.cases import create_case, link_document
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import ensure_codebook, install_codebook
from app.coding.coders import set_coder_role
from app.coding.codes import create_code, move_code
from app.coding.codings import Stance, apply_code, update_coding
from app.coding.documents import import_files
from app.coding.errors import Cancelled
from app.coding.memos import set_memo
from app.coding.review import add_comment, mark_coding, resolve_thread
from app.coding.search import search
from app.coding.settings import update_settings
from app.coding.transfer import pull_project, push_project
from app.models.base import Base
from app.models.project import (
    Project,
    ProjectExists,
    ServerNotEmpty,
    create_project,
    open_project,
)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
FILES = ("INF09_Sulastri_PKK.txt", "INF10_Nur_Aini_warga.txt")

Dump = list[tuple[str, list[tuple[object, ...]]]]


def canonical_dump(target: str | Path) -> Dump:
    """Every table's rows in primary-key order, with the schema revision: what must survive."""
    project = open_project(target)
    try:
        with project.engine.connect() as conn:
            out: Dump = []
            for table in Base.metadata.sorted_tables:
                rows = conn.execute(select(table).order_by(*table.primary_key.columns))
                out.append((table.name, [tuple(r) for r in rows]))
            out.append(("alembic_version", [tuple(r) for r in conn.execute(
                text("SELECT version_num FROM alembic_version"))]))  # fmt: skip
            return out
    finally:
        project.close()


def build_rich(target: str | Path) -> None:
    """A project with something in every table, a code whose parent has a higher id,
    starred codings with memos, marks, threads, memos and cell summaries."""
    project = create_project(target)
    try:
        with project.session() as s:
            docs = import_files(s, paths=[SAMPLES / f for f in FILES]).imported
            install_codebook(s, spec=load_bundled_codebook("putnam"))
            book = ensure_codebook(
                s, key="sendiri", name_id="Kode sendiri", name_en="Own codes"
            ).codebook_id
            child = create_code(s, codebook_id=book, name_id="Piket malam 🌙")
            parent = create_code(s, codebook_id=book, name_id="Ronda")
            move_code(s, code_id=child.id, parent_id=parent.id)
            case = create_case(
                s, name="Sulastri", alias="Informan 9",
                attributes={"kelompok": "elemen masyarakat", "tanggal": "2024-03-13"},
                types={"tanggal": "date"},
            )  # fmt: skip
            link_document(s, case_id=case.id, document_id=docs[0].id)
            first = apply_code(
                s, document_id=docs[0].id, code_id=child.id, start=10, end=90, coder="siti",
                memo="catatan “penting”", illustrative=True,
            ).added[0]  # fmt: skip
            second = apply_code(
                s, document_id=docs[1].id, code_id=parent.id, start=0, end=40, coder="budi"
            ).added[0]
            update_coding(s, coding_id=second.id, memo="diperbarui", stance=Stance.BARRIER)
            update_settings(s, names_in_exports="real", study_year=2024)
            set_coder_role(s, name="budi", role="second")
            mark_coding(s, coding_id=first.id, reviewer="pembimbing", status="questioned")
            mark_coding(s, coding_id=second.id, reviewer="pembimbing", status="agreed")
            question = add_comment(s, coding_id=first.id, author="pembimbing", text="Kenapa?")
            add_comment(s, coding_id=first.id, author="siti", text="Karena…", reply_to=question.id)
            resolve_thread(s, comment_id=question.id)
            set_memo(s, target_kind="project", target_id=None, text="Memo proyek", author="siti")
            set_memo(s, target_kind="code", target_id=parent.id, text="Ronda = jaga", author="siti")
            set_cell_summary(
                s, row_code_id=parent.id, column_kind="case", column_key="Sulastri",
                text="Ringkasan sel",
            )  # fmt: skip
    finally:
        project.close()


@pytest.fixture(scope="module")
def rich_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rich") / "template.telaah"
    build_rich(path)
    return path


@pytest.fixture
def rich_file(tmp_path: Path, rich_template: Path) -> Path:
    path = tmp_path / "Tesis Bu Siti" / "proyek lapangan.telaah"
    path.parent.mkdir()
    shutil.copy(rich_template, path)
    return path


def test_push_then_pull_is_lossless(rich_file: Path, pg_url: str, tmp_path: Path) -> None:
    original = canonical_dump(rich_file)
    empty = [name for name, rows in original if not rows]
    assert empty == [], empty  # every table holds something, so every table is checked
    before = rich_file.read_bytes()
    report = push_project(source=rich_file, target=pg_url)
    assert rich_file.read_bytes() == before  # the file is only read
    assert report.rows["codings"] == 2
    assert canonical_dump(pg_url) == original

    pulled = tmp_path / "salinan luring.telaah"
    pull_project(source=pg_url, target=pulled)
    assert canonical_dump(pulled) == original
    # The pulled file is a working project: its search index holds the texts, and new rows
    # get new ids on the server (its sequences were moved past the copied ids).
    with opened(pulled) as project, project.session() as s:
        assert search(s, query="PKK")
    with opened(pg_url) as project, project.session() as s:
        assert search(s, query="PKK")
        added = apply_code(s, document_id=1, code_id=1, start=0, end=5, coder="siti").added[0]
    assert added.id == max(r[0] for r in dict(original)["codings"]) + 1


@contextmanager
def opened(target: str | Path) -> Iterator[Project]:
    project = open_project(target)
    try:
        yield project
    finally:
        project.close()


def test_push_into_a_database_that_is_not_empty_changes_nothing(
    rich_file: Path, pg_url: str
) -> None:
    push_project(source=rich_file, target=pg_url)
    before = canonical_dump(pg_url)
    with pytest.raises(ServerNotEmpty):
        push_project(source=rich_file, target=pg_url)
    assert canonical_dump(pg_url) == before


def test_a_cancelled_push_leaves_the_database_empty(rich_file: Path, pg_url: str) -> None:
    class CancelMidway:
        calls = 0

        def report(self, done: int, total: int, label: str = "") -> None:
            self.calls += 1

        def is_cancelled(self) -> bool:
            return self.calls >= 3

    with pytest.raises(Cancelled):
        push_project(source=rich_file, target=pg_url, progress=CancelMidway())
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"))
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()


def test_pull_refuses_an_existing_file(rich_file: Path, pg_url: str) -> None:
    push_project(source=rich_file, target=pg_url)
    before = rich_file.read_bytes()
    with pytest.raises(ProjectExists):
        pull_project(source=pg_url, target=rich_file)
    assert rich_file.read_bytes() == before


def _codings(target: str | Path) -> set[tuple[object, ...]]:
    return {row[2:6] for row in dict(canonical_dump(target))["codings"]}


def test_merge_between_server_and_file_both_ways(
    rich_file: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run: Callable[..., int] = lambda *a: main([str(x) for x in a])  # noqa: E731
    assert run("push", rich_file, pg_url) == 0
    offline = tmp_path / "luring.telaah"
    assert run("pull", pg_url, offline) == 0
    assert "2 codings" in capsys.readouterr().out
    # The offline coder works in the file, a colleague on the server.
    with opened(offline) as project, project.session() as s:
        apply_code(s, document_id=2, code_id=3, start=100, end=160, coder="rina")
    with opened(pg_url) as project, project.session() as s:
        apply_code(s, document_id=1, code_id=4, start=200, end=260, coder="budi")
    # The file's work goes into the server project, the server's into the file.
    assert run("merge", pg_url, offline) == 0
    assert "1 codings" in capsys.readouterr().out
    assert run("merge", offline, pg_url) == 0
    assert "1 codings" in capsys.readouterr().out
    server, file = _codings(pg_url), _codings(offline)
    assert server == file
    assert len(server) == 4
    # Merging again brings nothing new.
    capsys.readouterr()
    assert run("merge", pg_url, offline) == 0
    assert "nothing new" in capsys.readouterr().out
