"""Change notifications of review state (marks, comments, resolved threads).

``ProjectContext`` has no review signal, so one :class:`ReviewSignals` object lives as a child
of each context: every review screen and command on that project finds the same one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.ui.context import ProjectContext

_NAME = "reviewSignals"


@dataclass(frozen=True)
class ReviewChange:
    """The codings whose marks or comments changed."""

    coding_ids: frozenset[int] = field(default=frozenset())


class ReviewSignals(QObject):
    """``changed(ReviewChange)`` after every mark, comment or (un)resolve."""

    changed = Signal(object)


def review_signals(ctx: ProjectContext) -> ReviewSignals:
    """The review signals of ``ctx`` (created on first use, owned by ``ctx``)."""
    found = ctx.findChild(ReviewSignals, _NAME)
    if found is None:
        found = ReviewSignals(ctx)
        found.setObjectName(_NAME)
    return found


def notify_review(ctx: ProjectContext, coding_ids: Iterable[int]) -> None:
    """Tell every review screen of ``ctx`` that these codings' review state changed."""
    review_signals(ctx).changed.emit(ReviewChange(frozenset(coding_ids)))
