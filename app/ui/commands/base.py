"""The base of every undoable edit.

``QUndoStack.push`` calls ``redo()`` from C++, where a Python exception cannot reach the
caller. So the first execution happens in :meth:`CoreCommand.first` (called by
``ProjectContext.execute`` before pushing), where errors propagate normally; later
undo/redo steps report failures through ``ProjectContext.failed``.

Each step returns the :class:`~app.coding.changes.Changes` it made; the context broadcasts
it once (``execute`` for the first time, :meth:`redo`/:meth:`undo` afterwards). A command
never notifies views itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from app.coding.changes import Changes
from app.coding.errors import TelaahError
from app.ui.context import ProjectContext, ServerOffline


class CoreCommand(QUndoCommand):
    """Subclasses implement :meth:`do` (first time), :meth:`undo_core` and :meth:`redo_core`,
    each returning what it changed."""

    def __init__(self, ctx: ProjectContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._pushed = False

    def first(self) -> Changes:
        """Perform the edit for the first time (before the command is pushed)."""
        return self.do()

    def do(self) -> Changes:
        raise NotImplementedError

    def undo_core(self) -> Changes:
        raise NotImplementedError

    def redo_core(self) -> Changes:
        return self.do()

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the edit was already done by first()
            return
        self._guard(self.redo_core)

    def undo(self) -> None:
        self._guard(self.undo_core)

    def _guard(self, step: Callable[[], Changes]) -> None:
        try:
            if not self.ctx.online:
                raise ServerOffline()
            changes = step()
        except (OperationalError, InterfaceError):
            self.setObsolete(True)
            if self.ctx.link is not None:
                self.ctx.link.lost()
                exc = ServerOffline()
            self.ctx.failed.emit(exc)
            return
        except (TelaahError, OSError, SQLAlchemyError, ServerOffline) as exc:
            self.setObsolete(True)
            self.ctx.failed.emit(exc)
            return
        self.ctx.broadcast(changes)


def run_command(ctx: ProjectContext, command: CoreCommand, parent: QWidget | None) -> bool:
    """``ctx.execute(command)``, telling the user over ``parent`` when it failed (read-only,
    a vanished code, a full disk...). True when the edit was made."""
    from app.ui.errors import show_error

    try:
        ctx.execute(command)
    except Exception as exc:  # every failure is shown, none is swallowed
        show_error(parent, exc)
        return False
    return True
