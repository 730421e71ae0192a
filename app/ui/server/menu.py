"""The team-server entries of a main window, added by one call from its menus.

:func:`server_items` puts Project ▸ Team… (visible to the team's admin only: the roles
are the server's, read when the menus are built) before ``before`` in the Project menu and
the "who else is connected" item in the status bar. On a project file it adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.coding.team import team_overview
from app.ui.context import ProjectContext, ServerOffline
from app.ui.server.presence import PresenceLabel

#: makes a named action of the window (``WorkbenchMenus.action``)
ActionMaker = Callable[..., QAction]


def show_team(ctx: ProjectContext, window: QMainWindow) -> QObject:
    from app.ui.server.team_dialog import TeamDialog

    dialog = TeamDialog(ctx, window)
    dialog.open()
    return dialog


def server_items(
    ctx: ProjectContext, window: QMainWindow, menu: QMenu, action: ActionMaker, before: QAction
) -> list[QObject]:
    """Add the team entries of a server project; returns what a rebuild must take down."""
    if not ctx.project.is_server:
        return []
    text = QCoreApplication.translate("TeamDialog", "Team and roles…")
    team = action("actionTeam", text, lambda: show_team(ctx, window))
    try:
        admin = ctx.query(team_overview).is_admin
    except ServerOffline:
        admin = False  # read again at the next rebuild; the banner says the server is gone
    team.setVisible(admin)
    team.setEnabled(admin)
    menu.insertAction(before, team)
    presence = PresenceLabel(ctx, window)
    window.statusBar().addPermanentWidget(presence)
    return [presence]
