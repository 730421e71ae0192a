"""Who else is connected to the team server: a status-bar item, refreshed while shown.

It reads ``pg_stat_activity`` (through :func:`app.coding.team.others_connected`) every
:data:`REFRESH_MS`, when the window is shown and when the server is back; while the server
cannot be reached it keeps its last text (the banner says the rest).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.coding.team import others_connected
from app.models.team import ConnectedLogin
from app.ui.context import ProjectContext, ServerOffline

#: How often the list is read again (a single cheap query).
REFRESH_MS = 10_000


class PresenceLabel(QLabel):
    """ "Also connected: ani, budi" — the logins of the team's other Telaah clients."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectedOthers")
        self.ctx = ctx
        self.others: tuple[ConnectedLogin, ...] = ()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        if ctx.link is not None:
            ctx.link.onlineChanged.connect(self._online_changed)
        self._show_others()  # read when shown

    def refresh(self) -> None:
        """Read who is connected now (nothing while hidden or offline: keeps its text)."""
        if not self.ctx.online or not self.isVisible():
            return
        try:
            self.others = self.ctx.query(others_connected)
        except ServerOffline:
            return
        self._show_others()

    def _online_changed(self, online: bool) -> None:
        if online:
            self.refresh()

    def _show_others(self) -> None:
        names = [item.name for item in self.others]
        if names:
            self.setText(self.tr("Also connected: {0}").format(", ".join(names)))
        else:
            self.setText(self.tr("Nobody else connected"))
        lines = [
            self.tr("{0}: %n connection(s)", "", item.connections).format(item.name)
            for item in self.others
        ]
        self.setToolTip(
            "\n".join([self.tr("Others on the team server now (refreshed every 10 s):"), *lines])
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.refresh()
        return super().event(event)

    def stop(self) -> None:
        self._timer.stop()
