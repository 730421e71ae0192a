"""Project ▸ Open server project…, the team list with roles (admins only) and who else is
connected, on a real PostgreSQL server with real logins."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy.engine import make_url

from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.documents import import_files
from app.models.project import create_project, open_project
from app.models.team import add_member, list_members

SAMPLE = Path(__file__).resolve().parents[2] / "sample_transcripts" / "INF09_Sulastri_PKK.txt"


def _project(url: str) -> None:
    project = create_project(url)
    with project.session() as s:
        assert not import_files(s, paths=[SAMPLE]).failed
        install_codebook(s, spec=load_bundled_codebook("putnam"))
    project.close()


def _with_members(url: str, members: dict[str, tuple[str, str]]) -> None:
    project = open_project(url)
    try:
        with project.engine.begin() as conn:
            for name, (role, password) in members.items():
                add_member(conn, name=name, role=role, password=password)
    finally:
        project.close()


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def _settings_text() -> str:
    settings = QSettings()
    settings.sync()
    return Path(settings.fileName()).read_text(encoding="utf-8", errors="replace")


def test_open_server_project_through_the_dialog(
    qtbot, pg_url: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:  # type: ignore[no-untyped-def]
    from app.main import make_launcher
    from app.ui.language import apply_language
    from app.ui.server.open_dialog import OpenServerDialog

    apply_language("en")
    _project(pg_url)
    assert make_url(pg_url).password is None  # PGPASSWORD holds it
    secret = os.environ["PGPASSWORD"]
    monkeypatch.delenv("PGPASSWORD")  # so the server asks, and the dialog asks the user

    launcher = make_launcher()
    dialog = launcher.ask_open_server(None)
    assert isinstance(dialog, OpenServerDialog)
    # not qtbot.addWidget: the dialog deletes itself once it has opened the window, and
    # pytest-qt would close a wrapper whose widget is gone
    request.addfinalizer(lambda: shiboken6.isValid(dialog) and dialog.close())
    url = make_url(pg_url)
    dialog.host.setText(str(url.host))
    dialog.port.setValue(int(url.port or 5432))
    dialog.database.clear()
    qtbot.keyClicks(dialog.database, str(url.database))
    dialog.user.setText(str(url.username))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not launcher.windows
    assert "refused the login" in dialog.error.text()
    assert "Enter the password for telaah" in dialog.error.text()

    qtbot.keyClicks(dialog.password, secret)
    with qtbot.waitSignal(dialog.accepted):
        dialog.open_button.click()
    assert dialog.password.text() == ""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed and deleted
    assert len(launcher.windows) == 1
    win = launcher.windows[0]  # deleted when closed (the launcher's windows are)
    try:
        assert win.isVisible()
        assert win.windowTitle().startswith(f"{url.database} @ {url.host}")
        assert "Sulastri" in win.view.toPlainText()
        assert win.ctx.coder == "telaah"
        # the server is remembered, its password is not (nowhere in the settings)
        text = _settings_text()
        assert str(url.database) in text
        assert secret not in text

        # the next time the dialog offers it, fields filled, the password empty
        again = OpenServerDialog(launcher.open_server)
        qtbot.addWidget(again)
        assert again.recent.isVisibleTo(again)
        assert again.recent_model.rowCount() == 1
        assert again.database.text() == url.database
        assert again.user.text() == "telaah"
        assert again.port.value() == url.port
        assert again.password.text() == ""
        # and the Project menu has the entry
        project_menu = win.menuBar().actions()[0].menu()
        assert "Open server project…" in [a.text() for a in project_menu.actions()]
    finally:
        win.close()


def test_team_for_the_admin_only(qtbot, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """The admin sees the team with its roles and adds a member; a reviewer sees no team."""
    from app.main import open_window
    from app.ui.language import apply_language
    from app.ui.server.team_dialog import TeamDialog

    apply_language("en")
    _project(pg_url)
    _with_members(pg_url, {"dosen": ("reviewer", "sandi-dosen"), "siti": ("coder", "s-siti")})

    win = open_window(pg_url)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        team = win.find_action("actionTeam")
        assert team.isVisible() and team.isEnabled()
        team.trigger()
        dialog = win.findChild(TeamDialog, "teamDialog")
        assert dialog is not None and dialog.isVisible()
        model = dialog.model
        shown = [
            (model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())
        ]
        assert shown == [("dosen", "reviewer"), ("siti", "coder"), ("telaah  (you)", "admin")]

        qtbot.keyClicks(dialog.name, "ani")
        dialog.role.setCurrentIndex(dialog.role.findData("coder"))
        qtbot.keyClicks(dialog.secret, "sandi-ani-")
        dialog.secret.insert("🌊")  # QTest cannot type a character outside the BMP
        dialog.add_button.click()
        assert "ani is now coder" in dialog.message.text()
        assert dialog.secret.text() == ""
        assert ("ani", "coder") in [
            (model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())
        ]
        project = open_project(pg_url)
        try:
            with project.engine.connect() as conn:
                assert ("ani", "coder") in [(m.name, m.role) for m in list_members(conn)]
        finally:
            project.close()
        ani = open_project(make_url(_as(pg_url, "ani")).set(password="sandi-ani-🌊"))
        ani.close()  # the new login works with the password typed in the dialog
        dialog.close()
    finally:
        win.close()

    reviewer = open_window(_as(pg_url, "dosen"), password="sandi-dosen")
    qtbot.addWidget(reviewer)
    reviewer.show()
    qtbot.waitExposed(reviewer)
    try:
        assert reviewer.ctx.coder == "dosen"
        team = reviewer.find_action("actionTeam")
        assert not team.isVisible() and not team.isEnabled()
        project_menu = reviewer.menuBar().actions()[0].menu()
        assert team not in [a for a in project_menu.actions() if a.isVisible()]
        assert reviewer.findChild(TeamDialog) is None
    finally:
        reviewer.close()


def test_status_bar_names_who_else_is_connected(
    qtbot, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.language import apply_language
    from app.ui.server import presence

    monkeypatch.setattr(presence, "REFRESH_MS", 200)
    apply_language("en")
    _project(pg_url)
    _with_members(pg_url, {"dosen": ("reviewer", "sandi-dosen")})

    win = open_window(pg_url)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    other = None
    try:
        label = win.findChild(QLabel, "connectedOthers")
        assert label is not None and label.isVisible()
        qtbot.waitUntil(lambda: label.text() == "Nobody else connected", timeout=3000)
        # a second client (another login) connects and reads: it is named within a refresh
        other = open_project(make_url(_as(pg_url, "dosen")).set(password="sandi-dosen"))
        with other.session() as s:
            s.connection().exec_driver_sql("SELECT 1")
        qtbot.waitUntil(lambda: label.text() == "Also connected: dosen", timeout=3000)
        assert "dosen: 1 connection" in label.toolTip()
        # ... and no longer once it has gone
        other.close()
        other = None
        qtbot.waitUntil(lambda: label.text() == "Nobody else connected", timeout=3000)
        QApplication.processEvents()
    finally:
        if other is not None:
            other.close()
        win.close()


def test_start_window_opens_a_server_project(qtbot, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """Day one of a team: no file to open, so the start window offers the server directly."""
    from app.main import make_launcher
    from app.ui.language import apply_language
    from app.ui.server.open_dialog import OpenServerDialog

    apply_language("id")
    try:
        _project(pg_url)
        launcher = make_launcher()
        start = launcher.start_window()
        start.show()
        qtbot.waitExposed(start)
        button = next(b for b in start.buttons if b.defaultAction() is start.action_server)
        assert button.text().startswith("Buka proyek server") and button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = start.findChild(OpenServerDialog)
        assert dialog is not None and dialog.isVisible()
        url = make_url(pg_url)
        dialog.host.setText(str(url.host))
        dialog.port.setValue(int(url.port or 5432))
        dialog.database.setText(str(url.database))
        dialog.user.setText(str(url.username))
        with qtbot.waitSignal(dialog.accepted):
            dialog.open_button.click()
        assert len(launcher.windows) == 1
        win = launcher.windows[0]
        try:
            assert win.isVisible() and not start.isVisible()
            assert "Sulastri" in win.view.toPlainText()
        finally:
            win.close()
    finally:
        apply_language("en")
