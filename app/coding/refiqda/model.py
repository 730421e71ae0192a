"""What a REFI-QDA project holds once read, before it is stored (plain data, no database).

GUIDs are canonical (lowercase, no braces); offsets are code points into ``text``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from app.coding.importing.speakers import Turn
from app.coding.refiqda.codetree import QdaCode

#: Every reason a :class:`Skipped` can carry, declared once. The GUI (``app/ui/errors.py``,
#: ``skip_reasons``) and the CLI (``app/cli/messages.py``, ``SKIP_REASONS``) each have one
#: sentence per key; ``tests/ui/test_reasons.py`` checks none is missing. A source inside the
#: archive that the importers cannot read is skipped with their own reason instead (a key of
#: :data:`~app.coding.errors.FILE_REASONS`), which reads as it does for any file.
SKIP_REASONS: tuple[str, ...] = (
    "picture-source",
    "audio-source",
    "video-source",
    "pdf-region",
    "external-source",
    "missing-file",
    "encoding",
    "unreadable",
    "empty",
    "no-text",
    "unknown-code",
    "empty-span",
    "bad-position",
    "duplicate",
    "source-variable",
    "invalid-value",
    "unknown-variable",
    "unknown-target",
    "sets",
    "links",
    "graphs",
    "positions-approximate",  # a warning only: a source known only as .docx
)

#: What a :class:`Skipped` item is (its ``kind``): the GUI has a word for each in both
#: languages; ``tests/ui/test_reasons.py`` checks the reader and importer write no other.
SKIP_KINDS: tuple[str, ...] = (
    "source", "coding", "variable value", "case link", "sets", "links", "graphs",
)  # fmt: skip


@dataclass(frozen=True)
class Skipped:
    """Something of the file that was not imported (or, among the warnings, imported with a
    caveat). ``reason`` is a stable key of :data:`SKIP_REASONS` (or of
    :data:`~app.coding.errors.FILE_REASONS` for a source the importers could not read).

    A skipped coding says which one: ``code`` (the code's name, else the GUID it referred
    to, "" when it named none), ``start``/``end`` (the selection's positions as written in
    the file, in the file's unit) and ``snippet`` (the coded words, when there are any)."""

    kind: str
    name: str
    reason: str
    count: int = 1
    code: str = ""
    start: int | None = None
    end: int | None = None
    snippet: str = ""


@dataclass(frozen=True)
class QdaNote:
    guid: str
    name: str
    text: str
    user: str | None
    created: datetime | None


@dataclass(frozen=True)
class QdaCoding:
    code: str
    start: int
    end: int
    user: str | None
    created: datetime | None
    memo: str = ""
    illustrative: bool = False
    #: Telaah's evidence stance (``supports``/``absent``/``barrier``), from the ``[Telaah]``
    #: block of the selection's description.
    stance: str = "supports"
    #: The selection's positions as the file wrote them (for reports of what was skipped).
    file_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class QdaDocument:
    guid: str
    name: str
    text: str
    format: str
    encoding: str | None
    paragraphs: tuple[tuple[int, int], ...]
    turns: tuple[Turn, ...]
    origin: str
    codings: tuple[QdaCoding, ...]
    notes: tuple[str, ...]
    #: Selection GUID → span, for cases that refer to selections.
    selections: Mapping[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class QdaVariable:
    guid: str
    name: str
    type: str
    alias: bool = False


@dataclass(frozen=True)
class QdaCase:
    guid: str
    name: str
    description: str
    values: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]
    selections: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True)
class QdaProject:
    name: str
    origin: str
    users: Mapping[str, str]
    codes: tuple[QdaCode, ...]
    variables: tuple[QdaVariable, ...]
    cases: tuple[QdaCase, ...]
    documents: tuple[QdaDocument, ...]
    notes: Mapping[str, QdaNote]
    project_notes: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[Skipped, ...]
    #: Notes already turned into coding memos.
    consumed_notes: frozenset[str] = frozenset()
