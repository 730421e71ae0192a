"""Reads while the team server is gone: a view keeps what it showed, nothing raises.

Every read goes through ``ctx.session()``, which raises :class:`ServerOffline` at once while
the banner shows (and notices a server that has just gone). Edits turn it into the "not
made" message (``ctx.execute``); a *read* started by a click, a timer or the change stream
must not end in a traceback: :func:`keeps_last_view` wraps such an entry point so that it
does nothing then — the banner says why, the view keeps its last content, and the next
read after the reconnection (which refreshes everything once) works. Models read before
they reset, so an interrupted reload leaves them whole.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from app.ui.context import ServerOffline

P = ParamSpec("P")
T = TypeVar("T")


def keeps_last_view(fn: Callable[P, T]) -> Callable[P, T | None]:
    """``fn`` that returns None instead of raising :class:`ServerOffline` (a read's entry
    point: a slot, a change handler, a dialog opening)."""

    # A signal passes its arguments to a slot that takes them; Qt cannot see through
    # ``*args``, so extra ones (``clicked``'s ``checked``…) are dropped here as Qt would.
    parameters = inspect.signature(fn).parameters.values()
    kinds = {p.kind for p in parameters}
    most = (
        None
        if inspect.Parameter.VAR_POSITIONAL in kinds
        else sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters)
    )

    @functools.wraps(fn)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            return fn(*args[:most], **kwargs)  # type: ignore[arg-type]
        except ServerOffline:
            return None

    return guarded
