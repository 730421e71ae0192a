"""Change notifications of review state (marks, comments, resolved threads).

Every review screen of a project listens to ``ProjectContext.reviewChanged``; commands call
:func:`notify_review` after they changed something.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.ui.context import ProjectContext


@dataclass(frozen=True)
class ReviewChange:
    """The codings whose marks or comments changed."""

    coding_ids: frozenset[int] = field(default=frozenset())


def notify_review(ctx: ProjectContext, coding_ids: Iterable[int]) -> None:
    """Tell every review screen of ``ctx`` that these codings' review state changed."""
    ctx.reviewChanged.emit(ReviewChange(frozenset(coding_ids)))
