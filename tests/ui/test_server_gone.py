"""A team server that stops mid-session and comes back (a real server, really stopped): the
window says so in a banner, refuses edits (nothing is queued), keeps what the server had
confirmed, and reconnects by itself."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.documents import import_files
from app.models.project import create_project, open_project
from app.models.schema import Coding

SAMPLE = Path(__file__).resolve().parents[2] / "sample_transcripts" / "INF09_Sulastri_PKK.txt"
SHOTS = Path("/tmp/shots-16")


@pytest.fixture
def own_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """A server of this test alone (it is stopped and started again), and a project URL."""
    from sqlalchemy.engine import make_url

    pgserver = sys.modules["telaah_pgserver"]
    if pgserver.bin_dir() is None:
        from tests.conftest import _no_server

        _no_server("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="telaah-pg-gone-"))
    try:
        server = pgserver.start(folder)
        url = make_url(server.url)
        monkeypatch.setenv("PGPASSWORD", str(url.password))
        project_url = url._replace(database="postgres", password=None)
        yield project_url.render_as_string(hide_password=False), folder
    finally:
        pgserver.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _codings(url: str) -> list[tuple[int, int]]:
    project = open_project(url)
    try:
        with project.session() as s:
            return sorted(tuple(r) for r in s.execute(select(Coding.start, Coding.end)))  # type: ignore[misc]
    finally:
        project.close()


def test_server_stopped_and_restarted_mid_session(qtbot, own_server) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.language import apply_language

    url, folder = own_server
    pgserver = sys.modules["telaah_pgserver"]
    project = create_project(url)
    with project.session() as s:
        assert not import_files(s, paths=[SAMPLE]).failed
        install_codebook(s, spec=load_bundled_codebook("putnam"))
    project.close()

    apply_language("en")
    win = open_window(url)
    qtbot.addWidget(win)
    win.resize(1100, 650)
    win.show()
    qtbot.waitExposed(win)
    try:
        code = sorted(win.codes.order, key=win.codes.order.__getitem__)[1]
        win.tree.select_code(code)

        def code_span(start: int, end: int) -> None:
            win.view.select_span(start, end)
            win.find_action("actionApplyCode").trigger()

        code_span(10, 40)  # confirmed by the server
        assert not win.server_banner.isVisible()

        pgserver.control(folder, "stop")
        qtbot.waitUntil(win.server_banner.isVisible, timeout=8000)
        steps = win.ctx.undo_stack.count()
        code_span(50, 90)  # refused, not queued
        box = win.findChild(QMessageBox, "errorMessage")
        assert box is not None and "cannot be reached" in box.text()
        assert "not made" in box.text()
        box.close()
        assert win.ctx.undo_stack.count() == steps
        SHOTS.mkdir(parents=True, exist_ok=True)
        win.grab().save(str(SHOTS / "server-gone.png"))

        pgserver.control(folder, "start")
        qtbot.waitUntil(lambda: not win.server_banner.isVisible(), timeout=10000)
        code_span(100, 130)
        assert _codings(url) == [(10, 40), (100, 130)]  # nothing confirmed lost, no ghost
    finally:
        win.close()
