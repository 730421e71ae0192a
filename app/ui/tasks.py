"""Running long core work on the thread pool with a progress dialog and Cancel.

The work is a plain Qt-free function taking a :class:`~app.coding.progress.Progress` sink;
it must open its own session (ORM objects never cross threads) and return plain data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.coding.errors import Cancelled
from app.coding.progress import Progress
from app.ui.errors import show_error

#: how long work may run before the progress dialog appears (milliseconds)
DIALOG_DELAY_MS = 500


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Sink:
    """The Progress handed to the worker: thread-safe cancel flag, reports via signals."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self.cancelled = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        self._signals.progress.emit(done, total, label)

    def is_cancelled(self) -> bool:
        return self.cancelled.is_set()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], sink: _Sink, signals: _Signals):
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._sink, self._signals = work, sink, signals

    def run(self) -> None:
        try:
            result = self._work(self._sink)
        except BaseException as exc:  # delivered to the GUI thread, shown there
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """One piece of background work; ``done``/``error`` fire in the GUI thread."""

    done = Signal(object)
    error = Signal(object)
    #: emitted after ``done`` or ``error``
    ended = Signal()

    def __init__(
        self,
        work: Callable[[Progress], Any],
        *,
        title: str,
        parent: QWidget | None = None,
        delay_ms: int = DIALOG_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._sink = _Sink(self._signals)
        self._runnable = _Runnable(work, self._sink, self._signals)
        self.running = False
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(10**9)  # shown by our own timer instead
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._show_dialog)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)

    def start(self) -> None:
        """Queue the work on the global thread pool."""
        self.running = True
        self._timer.start()
        QThreadPool.globalInstance().start(self._runnable)

    def cancel(self) -> None:
        """Ask the work to stop; it raises ``Cancelled`` at its next check."""
        self._sink.cancelled.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    @property
    def cancel_requested(self) -> bool:
        return self._sink.cancelled.is_set()

    def _show_dialog(self) -> None:
        if self.running:
            self.dialog.show()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if label and not self.cancel_requested:
            self.dialog.setLabelText(label)

    def _finish(self) -> None:
        self.running = False
        self._timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _on_finished(self, result: object) -> None:
        self._finish()
        self.done.emit(result)
        self.ended.emit()

    def _on_failed(self, exc: object) -> None:
        self._finish()
        self.error.emit(exc)
        self.ended.emit()


class TaskRunner(QObject):
    """Starts, tracks, cancels and routes the failures of a window's background work.

    ``status(text, ms)`` shows a short note (a cancelled task: "nothing was changed");
    every other failure becomes the translated error dialog over ``parent``.
    """

    def __init__(self, parent: QWidget, status: Callable[[str, int], None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._status = status
        self.tasks: list[Task] = []

    def run(
        self,
        work: Callable[[Progress], Any],
        *,
        title: str,
        done: Callable[[Any], None],
        failed: Callable[[object], None] | None = None,
    ) -> Task:
        """Run ``work`` in the background; ``done(result)`` runs in the GUI thread.

        A failure goes to ``failed`` when given (it may hand it back to :meth:`failed`),
        otherwise to :meth:`failed`.
        """
        task = Task(work, title=title, parent=self._parent)
        task.done.connect(done)
        task.error.connect(failed or self.failed)
        self.tasks.append(task)
        task.ended.connect(lambda: self.tasks.remove(task) if task in self.tasks else None)
        task.start()
        return task

    def failed(self, exc: object) -> None:
        """Background work ended with an error: a cancel is only noted, others are shown."""
        if isinstance(exc, Cancelled):
            self._status(self.tr("Cancelled. Nothing was changed."), 6000)
        elif isinstance(exc, BaseException):
            show_error(self._parent, exc)

    def cancel_all(self, wait_ms: int = 10_000) -> None:
        """Ask every running task to stop and wait for the thread pool (closing a window)."""
        for task in list(self.tasks):
            task.cancel()
        QThreadPool.globalInstance().waitForDone(wait_ms)
