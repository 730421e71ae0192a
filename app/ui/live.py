"""A team server's live link for one open project: others' edits arrive, loss is noticed.

:class:`ServerLink` keeps a LISTEN connection (:class:`app.models.live.Listener`) whose
socket a :class:`QSocketNotifier` watches, so nothing blocks the UI thread: when another
coder's transaction commits, the notifications become one remote :class:`Changes` on the
context's change stream (``ctx.broadcast``), at most :data:`BATCH_MS` later. When the
connection breaks (the server stopped, the network went away, a write failed for it) the
link goes offline: ``onlineChanged(False)``, the window shows a banner and
``ctx.check_writable`` refuses edits. It tries again every :data:`RETRY_MS` by itself; back
online, everything is refreshed once (notifications sent meanwhile were missed).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from app.coding.changes import Changes, Kind
from app.coding.live import changes_from
from app.models.live import Listener, ListenerLost

#: Notifications arriving within this many ms are delivered as one refresh.
BATCH_MS = 150
#: How often a lost connection is tried again, and how often a live one is checked.
RETRY_MS = 2000
CHECK_MS = 5000


class ServerLink(QObject):
    """The live link of one server project (a child of its :class:`ProjectContext`)."""

    onlineChanged = Signal(bool)

    def __init__(self, ctx: QObject, broadcast: object) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._broadcast = broadcast
        self._listener: Listener | None = None
        self._notifier: QSocketNotifier | None = None
        self._pending: list[str] = []
        self.online = True
        self._stopped = False
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._deliver)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._reconnect)
        self._check = QTimer(self)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self._probe)

    def start(self) -> None:
        """Connect the listener (offline and retrying when the server does not answer)."""
        if not self._connect():
            self._go_offline()
        self._check.start()

    def stop(self) -> None:
        """Close the listener and stop every timer (the window is closing)."""
        self._stopped = True
        for timer in (self._batch, self._retry, self._check):
            timer.stop()
        self._drop()

    def lost(self) -> None:
        """A write or read failed because the server is gone: go offline now."""
        if self._stopped:
            return  # the window has closed: nothing to reconnect
        self._drop()
        self._go_offline()

    # --- internals ---------------------------------------------------------------------------

    def _connect(self) -> bool:
        engine = self._ctx.project.engine  # type: ignore[attr-defined]
        try:
            listener = Listener(engine)
        except ListenerLost:
            return False
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        return True

    def _drop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _readable(self) -> None:
        if self._listener is None:
            return
        try:
            payloads = self._listener.read()
        except ListenerLost:
            self.lost()
            return
        if payloads:
            self._pending += payloads
            if not self._batch.isActive():
                self._batch.start()

    def _deliver(self) -> None:
        pending, self._pending = self._pending, []
        changes = changes_from(pending)
        if changes:
            self._broadcast(changes)  # type: ignore[operator]

    def _probe(self) -> None:
        if self._listener is None:
            return
        try:
            self._listener.check()
        except ListenerLost:
            self.lost()

    def _go_offline(self) -> None:
        if self.online:
            self.online = False
            self.onlineChanged.emit(False)
        if not self._retry.isActive():
            self._retry.start()

    def _reconnect(self) -> None:
        if not self._connect():
            return
        self._retry.stop()
        # The pool's connections died with the server; the checkout check would replace
        # each on its next use, disposing of them now spares those checks.
        self._ctx.project.engine.dispose()  # type: ignore[attr-defined]
        self.online = True
        self.onlineChanged.emit(True)
        self._broadcast(Changes(kinds=frozenset(Kind), remote=True))  # type: ignore[operator]
