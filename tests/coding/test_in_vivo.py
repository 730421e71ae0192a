"""In-vivo coding: one core step (one commit), all or nothing, undone by deleting its code."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.cli import main
from app.coding.codes import delete_code, restore_code
from app.coding.errors import InvalidSpan
from app.coding.in_vivo import IN_VIVO_KEY, code_in_vivo, in_vivo_name
from app.models.project import Project
from app.models.schema import Code, Codebook, Coding, Document

TEXT = "Peneliti: Bagaimana awalnya?\nInforman: Kami rembuk warga 🌊 dulu, “bersama-sama”."


def _document(session: Session) -> int:
    doc = Document(
        name="INF01.txt",
        original_filename="INF01.txt",
        format="txt",
        content_hash="x",
        text=TEXT,
        length=len(TEXT),
    )
    session.add(doc)
    session.commit()
    return doc.id


def _counts(session: Session) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        session.scalar(select(func.count()).select_from(t)) for t in (Codebook, Code, Coding)
    )


def test_in_vivo_is_one_commit_and_undo_restores_the_state_before(project: Project, dump) -> None:  # type: ignore[no-untyped-def]
    with project.session() as s:
        doc = _document(s)
    before = dump(project.path)
    start = TEXT.index("rembuk")
    end = TEXT.index(" 🌊")
    commits: list[object] = []

    def count(session: object) -> None:
        commits.append(session)

    with project.session() as s:
        event.listen(s, "after_commit", count)
        made = code_in_vivo(s, document_id=doc, start=start, end=end, coder="Rina")
        event.remove(s, "after_commit", count)
        assert len(commits) == 1
        assert made.code.name_id == "rembuk warga" and made.code.key.startswith(IN_VIVO_KEY)
        assert [(c.start, c.end, c.snippet) for c in made.coding.added] == [
            (start, end, "rembuk warga")
        ]
        assert made.code.id in made.changes.codes
        snapshot = delete_code(s, code_id=made.code.id)  # the command's undo
    after_undo = dump(project.path)
    # only the (now empty) "In vivo" codebook and the coder's row stay, as after the GUI's undo
    assert {t[0] for t in after_undo if t not in before} == {"codebooks", "coders"}
    assert [t for t in after_undo if t[0] not in ("codebooks", "coders")] == [
        t for t in before if t[0] not in ("codebooks", "coders")
    ]
    with project.session() as s:
        restore_code(s, snapshot=snapshot)  # redo
        assert _counts(s) == (1, 1, 1)
        second = code_in_vivo(s, document_id=doc, start=start, end=end, coder="Rina")
        assert second.code.key != made.code.key  # same words, a code of its own
        assert _counts(s) == (1, 2, 2)


def test_a_failed_in_vivo_leaves_nothing(project: Project) -> None:
    with project.session() as s:
        doc = _document(s)
        with pytest.raises(InvalidSpan):
            code_in_vivo(s, document_id=doc, start=5, end=999, coder="Rina", name="Rembuk")
        assert _counts(s) == (0, 0, 0)  # neither codebook nor code was kept


def test_in_vivo_names() -> None:
    assert in_vivo_name("  “rembuk\n warga”. ") == "rembuk warga"
    assert len(in_vivo_name("kata " * 40)) == 60


def test_cli_codes_in_vivo(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    with project.session() as s:
        _document(s)
    project.close()
    start, end = TEXT.index("rembuk"), TEXT.index(" 🌊")
    args = ["code", str(project.path), "--document", "INF01.txt"]
    assert main([*args, "--start", str(start), "--end", str(end), "--in-vivo"]) == 0
    assert "in-vivo/rembuk-warga" in capsys.readouterr().out
    assert main([*args, "--start", "0", "--end", "8", "--in-vivo", "Peneliti bertanya"]) == 0
    assert "(Peneliti bertanya)" in capsys.readouterr().out
    # --code and --in-vivo exclude each other: a usage error
    assert main([*args, "--start", "0", "--end", "8", "--in-vivo", "--code", "x"]) == 2
    capsys.readouterr()
    assert main([*args, "--start", "0", "--end", "999", "--in-vivo"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    reopened = Path(project.path)
    import sqlite3

    con = sqlite3.connect(reopened)
    try:
        names = [r[0] for r in con.execute("SELECT name_id FROM codes ORDER BY id")]
    finally:
        con.close()
    assert names == ["rembuk warga", "Peneliti bertanya"]
