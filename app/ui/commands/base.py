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

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from app.coding.changes import Changes
from app.coding.errors import TelaahError
from app.ui.context import ProjectContext, ServerOffline


class Text(str):
    """A translated text that remembers its source, so it can be translated again when the
    language changes (an undo text made before the switch reads in the new language)."""

    context: str
    source: str
    args: tuple[object, ...]

    def __new__(cls, context: str, source: str, args: tuple[object, ...] = ()) -> Text:
        made = super().__new__(cls, _say(context, source, args))
        made.context, made.source, made.args = context, source, args
        return made

    def format(self, *args: object, **_kwargs: object) -> Text:
        """``str.format`` with positional arguments, remembered for :meth:`again`."""
        return Text(self.context, self.source, args)

    def again(self) -> str:
        return _say(self.context, self.source, self.args)


def _say(context: str, source: str, args: tuple[object, ...]) -> str:
    text = QCoreApplication.translate(context, source)
    return text.format(*args) if args else text


def translate(context: str, source: str) -> Text:
    """``QCoreApplication.translate`` for command texts (see :class:`Text`)."""
    return Text(context, source)


class CoreCommand(QUndoCommand):
    """Subclasses implement :meth:`do` (first time), :meth:`undo_core` and :meth:`redo_core`,
    each returning what it changed."""

    def __init__(self, ctx: ProjectContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._pushed = False
        self._text = text if isinstance(text, Text) else None

    def retranslate(self) -> None:
        """Say the text in the language installed now."""
        if self._text is not None:
            self.setText(self._text.again())

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


def retranslate_stack(stack: QUndoStack) -> None:
    """Translate every command on ``stack`` again (after a language switch); the undo and
    redo actions made afterwards show the new texts."""
    for i in range(stack.count()):
        command = stack.command(i)
        if isinstance(command, CoreCommand):
            command.retranslate()


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
