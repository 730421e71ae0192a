"""Roles enforced by the server: real logins, real grants; coders at once lose nothing."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app.cli import main
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook, remove_codebook, restore_codebook
from app.coding.codings import NewCoding, apply_code, apply_codes
from app.coding.documents import import_files
from app.coding.review import add_comment, mark_coding
from app.models.project import create_project, open_project
from app.models.schema import Codebook, Coder, Coding

SAMPLE = Path(__file__).resolve().parents[2] / "sample_transcripts" / "INF09_Sulastri_PKK.txt"


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


@pytest.fixture
def team(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """A project with a document and a codebook; logins siti (coder) and dosen (reviewer)."""
    project = create_project(pg_url)
    with project.session() as s:
        import_files(s, paths=[SAMPLE])
        install_codebook(s, spec=load_bundled_codebook("putnam"))
    project.close()
    passwords = {}
    for name, role in (("siti", "coder"), ("dosen", "reviewer")):
        secret = tmp_path / f"{name}.txt"
        passwords[name] = f"rahasia-{name}-🌊"
        secret.write_text(passwords[name] + "\n", encoding="utf-8")
        status = main(["team", pg_url, "add", name, "--role", role, "--password-file", str(secret)])
        assert status == 0, capsys.readouterr().err
    capsys.readouterr()
    passwords["telaah"] = os.environ["PGPASSWORD"]
    return passwords


def _count(url: str) -> int:
    project = open_project(url)
    try:
        with project.session() as s:
            return int(s.scalar(select(func.count()).select_from(Coding)) or 0)
    finally:
        project.close()


def test_team_list_shows_logins_and_roles(
    pg_url: str, team: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["team", pg_url, "list"]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert [line.split() for line in lines if line] == [
        ["dosen", "reviewer"], ["siti", "coder"], ["telaah", "admin"],
    ]  # fmt: skip


def _dump(url: str, admin_password: str) -> list[tuple[object, ...]]:
    project = open_project(make_url(url).set(password=admin_password))
    try:
        with project.session() as s:
            rows = s.execute(select(Coding.id, Coding.code_id, Coding.coder_id, Coding.start))
            coders = s.execute(select(Coder.id, Coder.name))
            return sorted(tuple(r) for r in rows) + sorted(tuple(r) for r in coders)
    finally:
        project.close()


def test_reviewer_cannot_code_but_can_review(
    pg_url: str,
    team: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The coder codes: the coding carries the login, whatever --coder would have said.
    monkeypatch.setenv("PGPASSWORD", team["siti"])
    siti = _as(pg_url, "siti")
    args = ["code", siti, "--document", SAMPLE.name, "--start", "10", "--end", "50",
            "--code", "putnam/networks"]  # fmt: skip
    assert main(args) == 0, capsys.readouterr().err
    assert main([*args[:-2], "--code", "putnam/trust", "--coder", "orang lain"]) == 1
    assert "your login (siti)" in capsys.readouterr().err
    before = _dump(pg_url, team["telaah"])
    assert [name for _id, name in before[-1:]] == ["siti"]

    # The reviewer's `telaah code`: one line, nothing changed on the server.
    monkeypatch.setenv("PGPASSWORD", team["dosen"])
    dosen = _as(pg_url, "dosen")
    capsys.readouterr()
    status = main(["code", dosen, *args[2:]])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("telaah: error: permission denied") and err.count("\n") == 1
    assert _dump(pg_url, team["telaah"]) == before

    # ... but marks and comments are the reviewer's to write.
    project = open_project(dosen)
    try:
        with project.session() as s:
            coding_id = s.scalar(select(Coding.id))
            assert coding_id is not None
            mark_coding(s, coding_id=coding_id, reviewer="dosen", status="questioned")
            add_comment(s, coding_id=coding_id, author="dosen", text="Mengapa jaringan?")
            with pytest.raises(ProgrammingError):
                remove_codebook(s, codebook_id=int(s.scalar(select(Codebook.id)) or 0))
    finally:
        project.close()


def test_coder_cannot_drop_codebooks_or_change_roles(
    pg_url: str,
    team: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PGPASSWORD", team["siti"])
    siti = _as(pg_url, "siti")
    project = open_project(siti)
    try:
        with project.session() as s:
            book = int(s.scalar(select(Codebook.id)) or 0)
            with pytest.raises(ProgrammingError, match="permission denied"):
                remove_codebook(s, codebook_id=book)  # the admin's codebook
        with project.session() as s:
            assert s.get(Codebook, book) is not None
            own = install_codebook(s, spec=load_bundled_codebook("loeffler"))
            assert s.get_one(Codebook, own.codebook_id).owner == "siti"
    finally:
        project.close()
    # Another coder cannot drop Siti's codebook either; Siti can, and undo brings it back.
    secret = tmp_path / "ani.txt"
    secret.write_text("rahasia-ani\n", encoding="utf-8")
    monkeypatch.setenv("PGPASSWORD", team["telaah"])
    args = ["team", pg_url, "add", "ani", "--role", "coder", "--password-file", str(secret)]
    assert main(args) == 0
    monkeypatch.setenv("PGPASSWORD", "rahasia-ani")
    project = open_project(_as(pg_url, "ani"))
    try:
        with project.session() as s, pytest.raises(ProgrammingError, match="belongs to siti"):
            remove_codebook(s, codebook_id=own.codebook_id)
        with project.session() as s:
            assert s.get(Codebook, own.codebook_id) is not None
    finally:
        project.close()
    monkeypatch.setenv("PGPASSWORD", team["siti"])
    project = open_project(siti)
    try:
        with project.session() as s:
            snapshot = remove_codebook(s, codebook_id=own.codebook_id)
            assert s.get(Codebook, own.codebook_id) is None
            restore_codebook(s, snapshot=snapshot)
            assert s.get_one(Codebook, own.codebook_id).owner == "siti"
    finally:
        project.close()
    secret = tmp_path / "x.txt"
    secret.write_text("x-password\n", encoding="utf-8")
    capsys.readouterr()
    assert (
        main(["team", siti, "add", "siti", "--role", "admin", "--password-file", str(secret)]) == 1
    )
    assert "permission denied" in capsys.readouterr().err
    monkeypatch.setenv("PGPASSWORD", team["siti"])  # her password still works
    assert main(["team", siti, "list"]) == 0
    assert ["siti", "coder"] in [line.split() for line in capsys.readouterr().out.splitlines()]


def _code_many(url: str, password: str, doc_id: int, code_ids: list[int], offset: int) -> int:
    """One coder's client: 15 single clicks, each its own short transaction, and the shared
    passages twice (the second time must be skipped, never duplicated)."""
    import os

    os.environ["PGPASSWORD"] = password
    project = open_project(url)
    login = str(make_url(url).username)
    done = 0
    try:
        for i in range(15):
            with project.session() as s:
                start = offset + i * 10
                apply_code(s, document_id=doc_id, code_id=code_ids[i % len(code_ids)],
                           start=start, end=start + 8, coder=login)  # fmt: skip
                done += 1
        shared = [NewCoding(doc_id, code_ids[0], 1000 + k * 20, 1010 + k * 20) for k in range(5)]
        for _ in range(2):
            with project.session() as s:
                done += len(apply_codes(s, codings=shared, coder=login).added)
    finally:
        project.close()
    return done


@pytest.mark.slow
def test_several_coders_at_once_lose_and_duplicate_nothing(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = create_project(pg_url)
    with project.session() as s:
        doc = import_files(s, paths=[SAMPLE]).imported[0]
        install_codebook(s, spec=load_bundled_codebook("putnam"))
    with project.engine.connect() as conn:
        code_ids = [int(r[0]) for r in conn.exec_driver_sql("SELECT id FROM codes ORDER BY id")]
    project.close()
    logins = {f"pengode{n}": f"sandi-{n}" for n in range(4)}
    for name, password in logins.items():
        secret = tmp_path / f"{name}.txt"
        secret.write_text(password, encoding="utf-8")
        assert (
            main(["team", pg_url, "add", name, "--role", "coder", "--password-file", str(secret)])
            == 0
        )
    jobs = [
        (_as(pg_url, name), password, doc.id, code_ids, n * 200)
        for n, (name, password) in enumerate(logins.items())
    ]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        acknowledged = pool.starmap(_code_many, jobs)
    assert acknowledged == [20, 20, 20, 20]  # 15 clicks + 5 shared passages, once each
    assert _count(pg_url) == sum(acknowledged)
    project = open_project(pg_url)
    try:
        with project.session() as s:
            per_coder = dict(
                s.execute(select(Coder.name, func.count()).join(Coding).group_by(Coder.name)).all()
            )
    finally:
        project.close()
    assert per_coder == dict.fromkeys(logins, 20)


def test_a_code_deleted_by_another_coder_is_a_clear_refusal(pg_url: str) -> None:
    from app.coding.codes import delete_code, merge_codes
    from app.coding.errors import NotFound

    project = create_project(pg_url)
    try:
        with project.session() as s:
            doc = import_files(s, paths=[SAMPLE]).imported[0]
            install_codebook(s, spec=load_bundled_codebook("putnam"))
        with project.engine.connect() as conn:
            a, b, c = (
                int(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT id FROM codes WHERE id NOT IN (SELECT parent_id FROM codes "
                    "WHERE parent_id IS NOT NULL) ORDER BY id LIMIT 3"
                )
            )
        # Two clients at once: the other one deletes one code and merges another away...
        with project.session() as mine, project.session() as theirs:
            delete_code(theirs, code_id=a)
            merge_codes(theirs, source_id=b, target_id=c)
            # ... and my next coding with either is refused, with nothing written.
            for gone in (a, b):
                with pytest.raises(NotFound) as info:
                    apply_code(mine, document_id=doc.id, code_id=gone, start=0, end=9, coder="siti")
                assert info.value.args
        assert _count(pg_url) == 0
    finally:
        project.close()


def test_the_same_passage_coded_twice_at_once_is_one_coding_and_no_error(pg_url: str) -> None:
    """Two windows of one coder (or a click sent twice) code the same span at the same
    moment: the second is told it was already there (skipped), not shown an error."""
    import threading
    import time

    project = create_project(pg_url)
    try:
        with project.session() as s:
            doc = import_files(s, paths=[SAMPLE]).imported[0]
            install_codebook(s, spec=load_bundled_codebook("putnam"))
        with project.engine.connect() as conn:
            code = int(conn.exec_driver_sql("SELECT min(id) FROM codes").scalar_one())
        with project.session() as s:  # siti has coded before
            siti = apply_code(s, document_id=doc.id, code_id=code, start=0, end=5, coder="siti")
        results: list[object] = []

        def second_window() -> None:
            with project.session() as s:
                try:
                    results.append(
                        apply_code(s, document_id=doc.id, code_id=code, start=10, end=40,
                                   coder="siti")
                    )  # fmt: skip
                except Exception as exc:
                    results.append(exc)

        with project.engine.connect() as first_window:
            # the first window's insert of the span is in flight, not yet committed ...
            first_window.exec_driver_sql(
                'INSERT INTO codings (document_id, code_id, coder_id, start, "end", snippet, '
                "memo, illustrative, stance, created_at, updated_at) "
                "VALUES (%s, %s, %s, 10, 40, 'x', '', false, 'supports', now(), now())",
                (doc.id, code, siti.added[0].coder_id),
            )
            thread = threading.Thread(target=second_window)
            thread.start()
            time.sleep(0.5)  # ... while the second window's insert of it waits
            first_window.commit()
            thread.join(timeout=30)
        (result,) = results
        assert not isinstance(result, Exception), result
        assert result.added == () and result.skipped == 1  # type: ignore[attr-defined]
        assert _count(pg_url) == 2
    finally:
        project.close()


def test_one_click_on_a_server_is_one_statement_and_one_round_trip(pg_url: str) -> None:
    """An apply on a team server (the checks, the snippet and the insert in one statement
    that is its own transaction): every round trip is a wait on a busy server. Counted
    from the checkout of the pooled connection to its return: no ping, BEGIN or COMMIT."""
    from sqlalchemy import event

    from tests.server.round_trips import pooled_connection, round_trips, traced

    project = create_project(pg_url)
    try:
        with project.session() as s:
            doc = import_files(s, paths=[SAMPLE]).imported[0]
            install_codebook(s, spec=load_bundled_codebook("putnam"))
        with project.engine.connect() as conn:
            code = int(conn.exec_driver_sql("SELECT min(id) FROM codes").scalar_one())
        with project.session() as s:
            apply_code(s, document_id=doc.id, code_id=code, start=0, end=5, coder="siti")
        statements: list[str] = []
        event.listen(
            project.engine, "before_cursor_execute", lambda *args: statements.append(args[2])
        )
        raw = pooled_connection(project.engine)
        with traced(raw) as messages, project.session() as s:
            done = apply_code(s, document_id=doc.id, code_id=code, start=20, end=60, coder="siti")
        assert len(statements) == 1, statements
        assert round_trips(messages) == 1, messages
        assert done.added[0].snippet == doc_text(pg_url, doc.id)[20:60]
        assert (done.added[0].start, done.added[0].end, done.skipped) == (20, 60, 0)
        # the connection went back to the pool out of autocommit: a rollback still undoes
        with project.session() as s:
            s.execute(Coding.__table__.delete())
            s.rollback()
        assert _count(pg_url) == 2
    finally:
        project.close()


def test_a_click_the_one_statement_cannot_take_still_gets_its_answer(pg_url: str) -> None:
    """What the one statement leaves to the general path: a coder's first coding (the coder
    row is made), a span already coded (skipped), a span out of range or a missing code
    (refused, and in a call of several codings none is written)."""
    from app.coding.errors import InvalidSpan, NotFound

    project = create_project(pg_url)
    try:
        with project.session() as s:
            doc = import_files(s, paths=[SAMPLE]).imported[0]
            install_codebook(s, spec=load_bundled_codebook("putnam"))
        with project.engine.connect() as conn:
            a, b = (int(r[0]) for r in conn.exec_driver_sql("SELECT id FROM codes LIMIT 2"))
        with project.session() as s:
            first = apply_code(s, document_id=doc.id, code_id=a, start=0, end=5, coder="rina")
        assert len(first.added) == 1 and first.added[0].coder == "rina"
        with project.session() as s:
            again = apply_code(s, document_id=doc.id, code_id=a, start=0, end=5, coder="rina")
        assert again.added == () and again.skipped == 1
        with project.session() as s:  # one new, one already there, one twice in the call
            some = apply_codes(
                s,
                codings=[NewCoding(doc.id, a, 0, 5), NewCoding(doc.id, b, 7, 9, memo="x"),
                         NewCoding(doc.id, b, 7, 9, memo="y")],
                coder="rina",
            )  # fmt: skip
        assert [(c.code_id, c.memo) for c in some.added] == [(b, "x")] and some.skipped == 2
        length = len(doc_text(pg_url, doc.id))
        for bad, error in (
            (NewCoding(doc.id, a, length - 2, length + 1), InvalidSpan),
            (NewCoding(doc.id, 10**9, 20, 30), NotFound),
            (NewCoding(10**9, a, 20, 30), NotFound),
        ):
            with project.session() as s, pytest.raises(error):
                apply_codes(s, codings=[NewCoding(doc.id, a, 40, 50), bad], coder="rina")
        assert _count(pg_url) == 2
    finally:
        project.close()


def doc_text(url: str, document_id: int) -> str:
    project = open_project(url)
    try:
        with project.engine.connect() as conn:
            return str(
                conn.exec_driver_sql(
                    "SELECT text FROM documents WHERE id = %s", (document_id,)
                ).scalar_one()
            )
    finally:
        project.close()
