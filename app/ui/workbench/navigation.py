"""What the workbench's helpers may ask of the window they serve.

Helpers (codebook editing, search, interchange, companions, import) receive the project's
:class:`~app.ui.context.ProjectContext`, the window's :class:`~app.ui.tasks.TaskRunner` and a
:class:`Navigator`, never the window itself: they cannot reach its widgets or privates, and
each can be built in a test with a small fake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Selection:
    """The selected passage of the transcript (code points; ``start == end``: a cursor)."""

    document_id: int
    start: int
    end: int
    text: str


class Navigator(Protocol):
    """Moving around the workbench and telling the user something."""

    def widget(self) -> QWidget:
        """The window, as the parent of dialogs."""
        ...

    def jump_to(self, document_id: int, start: int, end: int) -> None:
        """Open a document and select ``[start, end)`` (code points)."""
        ...

    def open_document(self, document_id: int) -> None:
        """Show a document in the transcript."""
        ...

    def status(self, text: str, ms: int = 4000) -> None:
        """A short note in the status bar."""
        ...

    def selection(self) -> Selection | None:
        """What is selected in the transcript (None when no document is shown)."""
        ...

    def current_code(self) -> int | None:
        """The code chosen in the code tree."""
        ...

    def current_codebook(self) -> int | None:
        """The codebook of the chosen tree row."""
        ...

    def select_code(self, code_id: int) -> None:
        """Make ``code_id`` the current code in the code tree."""
        ...
