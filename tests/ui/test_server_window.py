"""The main window on a server project: title, coder = login, coding and undo hit the server."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.documents import import_files
from app.models.project import create_project, open_project
from app.models.schema import Coder, Coding

SAMPLE = Path(__file__).resolve().parents[2] / "sample_transcripts" / "INF09_Sulastri_PKK.txt"


def _server_codings(url: str) -> list[tuple[int, int, int, str]]:
    project = open_project(url)
    try:
        with project.session() as s:
            rows = s.execute(
                select(Coding.code_id, Coding.start, Coding.end, Coder.name).join(Coder)
            )
            return sorted(tuple(r) for r in rows)
    finally:
        project.close()


def test_window_on_a_server_project_codes_as_the_login(qtbot, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.language import apply_language

    project = create_project(pg_url)
    with project.session() as s:
        imported = import_files(s, paths=[SAMPLE])
        assert not imported.failed
        install_codebook(s, spec=load_bundled_codebook("putnam"))
    project.close()

    apply_language("en")
    win = open_window(pg_url, coder="siti")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        database = pg_url.rsplit("/", 1)[1]
        assert win.windowTitle().startswith(f"{database} @ 127.0.0.1")
        assert "read-only" not in win.windowTitle()
        assert win.ctx.coder == "telaah"  # the server login, not the name typed on this machine
        win.open_document(imported.imported[0].id)
        assert "Sulastri" in win.view.toPlainText()
        code_ids = sorted(win.codes.order, key=win.codes.order.__getitem__)
        win.tree.select_code(code_ids[1])
        win.view.select_span(10, 40)
        win.find_action("actionApplyCode").trigger()
        assert _server_codings(pg_url) == [(code_ids[1], 10, 40, "telaah")]
        win.find_action("actionUndo").trigger()
        assert _server_codings(pg_url) == []
    finally:
        win.close()
