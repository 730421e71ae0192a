"""The state one open project shares between its windows, panels and undo commands.

There is no global: :mod:`app.main` creates one :class:`ProjectContext` per open project and
passes it to everything that needs the database, the undo stack or change notifications.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from app.coding.changes import Changes, Kind
from app.models.project import Project

if TYPE_CHECKING:
    from app.ui.commands.base import CoreCommand
    from app.ui.live import ServerLink

T = TypeVar("T")


class ReadOnlyProject(Exception):
    """An edit was attempted on a project opened read-only."""


class ServerOffline(Exception):
    """An edit was attempted while the team server cannot be reached (it was not made)."""


class ProjectContext(QObject):
    """An open project: database access, one undo stack, the coder and one change stream.

    Writes have one door, :meth:`execute`: it refuses in read-only mode, does the command,
    puts it on the project's undo stack and broadcasts its :class:`Changes` once. Undo and
    redo broadcast the same way (see :class:`~app.ui.commands.base.CoreCommand`). Views
    subscribe with :meth:`watch`, which holds changes back while the view is hidden.
    """

    #: the one change stream: something changed (payload: :class:`Changes`)
    changed = Signal(object)
    #: an undo/redo step failed (payload: the exception)
    failed = Signal(object)

    def __init__(
        self,
        project: Project,
        *,
        read_only: bool = False,
        coder: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.read_only = read_only
        self.undo_stack = QUndoStack(self)
        settings = QSettings()
        default_coder = str(settings.value("coder", "") or "") or _user_name()
        self.coder = coder or default_coder
        self.language = "id"
        #: the live link of a server project (others' edits, loss of the server), or None
        self.link: ServerLink | None = None
        if project.is_server:
            from app.ui.live import ServerLink

            self.link = ServerLink(self, self.broadcast)

    @property
    def online(self) -> bool:
        """False while the team server cannot be reached (a file is always online)."""
        return self.link is None or self.link.online

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived session on the project. On a team server that cannot be reached it
        raises :class:`ServerOffline` (at once while the banner shows)."""
        if not self.online:
            raise ServerOffline()
        try:
            with self.project.session() as session:
                yield session
        except (OperationalError, InterfaceError) as exc:
            if self.link is None:
                raise
            self.link.lost()
            raise ServerOffline() from exc

    def query(self, fn: Callable[..., T], /, **kwargs: object) -> T:
        """Run a core function ``fn(session, **kwargs)`` in its own session."""
        with self.session() as session:
            return fn(session, **kwargs)

    def check_writable(self) -> None:
        """Raise :class:`ReadOnlyProject` when this window may not write (background work
        that writes first and records its command afterwards checks this before starting)."""
        if self.read_only:
            raise ReadOnlyProject()
        if not self.online:
            raise ServerOffline()

    def execute(self, command: CoreCommand) -> Changes:
        """The one door for writes: do ``command`` now (errors propagate to the caller), put
        it on the undo stack and broadcast what it changed. Refuses in read-only mode."""
        self.check_writable()
        try:
            changes = command.first()
        except (OperationalError, InterfaceError) as exc:
            if self.link is None:
                raise
            self.link.lost()  # the server went away: refuse, say so, reconnect by itself
            raise ServerOffline() from exc
        self.undo_stack.push(command)
        self.broadcast(changes)
        return changes

    def broadcast(self, changes: Changes) -> None:
        """Tell every view what changed (once per do, undo or redo; nothing when empty)."""
        if changes:
            self.changed.emit(changes)

    def watch(
        self,
        widget: QWidget,
        handler: Callable[[Changes], None],
        kinds: Iterable[Kind] | None = None,
    ) -> None:
        """Call ``handler(changes)`` for changes touching ``kinds`` (all when ``None``).

        While ``widget`` is hidden the changes are merged and delivered when it is shown,
        so hidden views cost nothing; the subscription ends with the widget.
        """
        _Watch(self, widget, handler, None if kinds is None else frozenset(kinds))

    def code_name(self, name_id: str, name_en: str) -> str:
        """A code or codebook name in the interface language."""
        return (name_id if self.language == "id" else name_en) or name_id or name_en


def _user_name() -> str:
    try:
        return getpass.getuser() or "coder"
    except (OSError, KeyError):
        return "coder"


class _Watch(QObject):
    """One view's subscription to the change stream, deferred while the view is hidden."""

    def __init__(
        self,
        ctx: ProjectContext,
        widget: QWidget,
        handler: Callable[[Changes], None],
        kinds: frozenset[Kind] | None,
    ) -> None:
        super().__init__(widget)  # dies with the widget, and disconnects with it
        self.widget, self.handler, self.kinds = widget, handler, kinds
        self.pending = Changes()
        ctx.changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, changes: Changes) -> None:
        if self.kinds is not None and not changes.touches(*self.kinds):
            return
        if self.widget.isVisible():
            self._deliver(changes)
        else:
            self.pending = self.pending | changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.pending:
            pending, self.pending = self.pending, Changes()
            self._deliver(pending)
        return False

    def _deliver(self, changes: Changes) -> None:
        # the server gone: the view keeps its content (the banner says why); back, the link
        # refreshes everything once
        with suppress(ServerOffline):
            self.handler(changes)
