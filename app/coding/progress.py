"""Qt-free progress reporting for long work (imports, exports, auto-coding)."""

from __future__ import annotations

from typing import Protocol

from app.coding.errors import Cancelled


class Progress(Protocol):
    """Where long work reports. ``report`` may be called often; it must be cheap."""

    def report(self, done: int, total: int, label: str = "") -> None: ...

    def is_cancelled(self) -> bool: ...


class NullProgress:
    """A sink that ignores reports and never cancels."""

    def report(self, done: int, total: int, label: str = "") -> None:
        return None

    def is_cancelled(self) -> bool:
        return False


class CancelOnly:
    """``progress`` as one file's reading inside a longer job sees it: Cancel reaches it,
    while its own reports (pages, paragraphs) are dropped, so that the job's progress counts
    files (an import) or sources (a .qdpx archive)."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def report(self, done: int, total: int, label: str = "") -> None:
        return None

    def is_cancelled(self) -> bool:
        return self._progress.is_cancelled()


def check(progress: Progress) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if progress.is_cancelled():
        raise Cancelled()
