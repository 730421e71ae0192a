"""Typed errors of the core. They carry data; the UI and the CLI turn them into sentences."""

from __future__ import annotations

from pathlib import Path


class TelaahError(Exception):
    """Base of every error a user can cause (bad input, unknown names)."""


class Cancelled(TelaahError):
    """Long work was cancelled by the user; nothing was written."""


#: Every reason an :class:`UnsupportedFile` can carry, declared once. The GUI
#: (``app/ui/errors.py``) and the CLI (``app/cli/common.py``) each have one sentence per key;
#: ``tests/test_reasons.py`` checks none is missing, in English and Indonesian.
FILE_REASONS: tuple[str, ...] = (
    "unknown-format",
    "convert-first",
    "empty",
    "too-large",
    "truncated",
    "encrypted",
    "needs-ocr",
    "zip-bomb",
    "unsafe-xml",
    "corrupt",
    "encoding",
    "unreadable",
    "is-directory",
    "not-a-file",  # a named pipe, device or socket: refused before it is opened
    "not-found",
    "no-permission",
    "too-complex",  # a PDF page drawing too much to be read in reasonable time
)


class UnsupportedFile(TelaahError):
    """A file cannot be imported. ``reason`` is one of :data:`FILE_REASONS` (a stable key
    for scripts); ``detail`` is free text for logs."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(f"{path.name}: {reason}" + (f" ({detail})" if detail else ""))
        self.path = path
        self.reason = reason
        self.detail = detail


class DuplicateName(TelaahError):
    """Something with this name already exists (``kind``: document, case, code, codebook…)."""

    def __init__(self, kind: str, name: str) -> None:
        super().__init__(f"{kind} already exists: {name}")
        self.kind = kind
        self.name = name


class NotFound(TelaahError):
    """No ``kind`` (document, case, code, codebook, coding, coder…) is named ``name``."""

    def __init__(self, kind: str, name: str) -> None:
        super().__init__(f"no {kind} named {name!r}")
        self.kind = kind
        self.name = name


class ChangedSince(TelaahError):
    """An undo would overwrite what someone else changed since (a team server): refused,
    nothing changed. ``coding_ids`` are the codings that are no longer as this edit left
    them."""

    def __init__(self, coding_ids: tuple[int, ...]) -> None:
        super().__init__(f"changed since by someone else: codings {list(coding_ids)}")
        self.coding_ids = coding_ids


class InvalidSpan(TelaahError):
    """Offsets outside the document or empty (``start >= end``)."""

    def __init__(self, start: int, end: int, length: int) -> None:
        super().__init__(f"span {start}-{end} is not inside 0-{length}")
        self.start = start
        self.end = end
        self.length = length


class InvalidValue(TelaahError):
    """A value does not fit (``field`` says which; e.g. an attribute of type number)."""

    def __init__(self, field: str, value: str, detail: str = "") -> None:
        super().__init__(f"{field}: invalid value {value!r}" + (f" ({detail})" if detail else ""))
        self.field = field
        self.value = value
        self.detail = detail


class MergeRefused(InvalidValue):
    """The other copy of a merge holds a text over its limit, so nothing of it was merged:
    ``field`` and ``detail`` (``too-long:<limit>``) as :func:`~app.coding.limits.check_length`
    gives them, ``value`` the start of the text; or (``detail`` :data:`NUL_CHARACTER`) such
    a text holding a NUL; or (``field`` ``coding``, ``paragraph`` or ``case link``,
    ``detail`` :data:`SPAN_OUTSIDE`) a passage not inside its document's text, ``value`` the
    span."""


#: :class:`MergeRefused`'s detail for a passage of the other copy (a coding, a paragraph or
#: turn, a case link) whose span is not inside its document's text, or whose document is
#: missing.
SPAN_OUTSIDE = "span-outside"
#: :class:`MergeRefused`'s detail for a text of the other copy holding a NUL character.
NUL_CHARACTER = "nul-character"


class CodebookInvalid(TelaahError):
    """A codebook file is malformed; ``where`` points at the offending entry."""

    def __init__(self, path: Path, where: str, detail: str) -> None:
        super().__init__(f"{path.name}: {where}: {detail}")
        self.path = path
        self.where = where
        self.detail = detail
