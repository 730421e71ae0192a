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


def check(progress: Progress) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if progress.is_cancelled():
        raise Cancelled()
