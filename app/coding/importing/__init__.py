"""Reading transcripts and documents into normalised text (no database here).

:func:`extract` is a plain function meant to run in a worker thread: it reports through a
:class:`~app.coding.progress.Progress` sink and raises :class:`Cancelled` when asked to
stop. Every problem with a file — missing, a folder, unreadable, too big, empty, of an
unknown format, damaged, encrypted, hostile — is an :class:`UnsupportedFile` with one of the
reasons listed on that class; no parser exception escapes.

Formats by suffix (case-insensitive) are declared once in :mod:`.formats`; each reader is
imported only when a file of its format is read. See :mod:`.base` for the shape of the text.
"""

from __future__ import annotations

import errno
from pathlib import Path

from app.coding.errors import TelaahError, UnsupportedFile
from app.coding.importing import formats as _formats
from app.coding.importing import safety
from app.coding.importing.base import Extracted, assemble
from app.coding.importing.formats import Format, convertible_for, format_for
from app.coding.importing.safety import MAX_FILE_BYTES, MAX_TEXT_CHARS, MAX_UNCOMPRESSED_BYTES
from app.coding.importing.speakers import Turn
from app.coding.progress import NullProgress, Progress, check

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "MAX_UNCOMPRESSED_BYTES",
    "Extracted",
    "Turn",
    "extract",
    "format_of",
    "os_error_reason",
]

#: File suffix → format name stored on the document (derived from :mod:`.formats`).
FORMATS = {suffix: f.name for f in _formats.FORMATS for suffix in f.suffixes}


def format_of(path: Path) -> str | None:
    """The format a file is imported as, from its suffix; None if unsupported."""
    found = format_for(path)
    return found.name if found else None


def os_error_reason(exc: OSError) -> str:
    """The :class:`UnsupportedFile` reason for an error raised while opening a file."""
    if isinstance(exc, FileNotFoundError):
        return "not-found"
    if isinstance(exc, IsADirectoryError):
        return "is-directory"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return "no-permission"
    return "unreadable"


def extract(
    path: Path,
    *,
    progress: Progress | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES,
    max_seconds: float | None = None,
) -> Extracted:
    """The normalised text, paragraphs and speaker turns of the file at ``path``.

    ``max_bytes`` caps the file size, ``max_uncompressed`` the unpacked size of a zip
    container, ``max_seconds`` the time reading may take (default
    :data:`~.safety.MAX_READ_SECONDS`; over it: ``too-complex``). Raises
    :class:`UnsupportedFile` or :class:`Cancelled`, nothing else.
    """
    path = Path(path)
    seconds = safety.MAX_READ_SECONDS if max_seconds is None else max_seconds
    progress = safety.ReadBudget(progress or NullProgress(), path, seconds)
    check(progress)
    try:
        info = path.stat()
        safety.check_regular(path, info)
        fmt = format_for(path)
        if fmt is None and convertible_for(path) is not None:
            raise UnsupportedFile(path, "convert-first", path.suffix)
        if fmt is None:
            raise UnsupportedFile(path, "unknown-format", path.suffix or "no suffix")
        if fmt.name in ("txt", "md"):
            max_bytes = min(max_bytes, 4 * safety.MAX_TEXT_CHARS)
        if info.st_size > max_bytes:
            raise UnsupportedFile(path, "too-large", f"{info.st_size} bytes")
        data = safety.read_capped(path, max_bytes)
    except OSError as exc:
        raise UnsupportedFile(path, os_error_reason(exc), exc.strerror or "") from exc
    if not data or data.isspace():
        raise UnsupportedFile(path, "empty")
    # Handed over in a box so that no frame here keeps the file's bytes alive while the
    # text is normalised (the largest text would otherwise be held twice more).
    box = [data]
    del data
    try:
        result = _parse(path, box, fmt, progress, max_uncompressed)
    except TelaahError:
        raise
    except Exception as exc:  # any parser failure on damaged input
        raise UnsupportedFile(path, "corrupt", f"{type(exc).__name__}: {exc}"[:300]) from exc
    if not result.text:
        raise UnsupportedFile(path, "empty", "no text")
    return result


def _parse(
    path: Path, box: list[bytes], fmt: Format, progress: Progress, max_uncompressed: int
) -> Extracted:
    raw, encoding = fmt.read(path, box.pop(), progress=progress, max_uncompressed=max_uncompressed)
    check(progress)
    # Refused before the text is normalised and stored, which takes several copies of it.
    length = sum(map(len, raw))
    if length > safety.MAX_TEXT_CHARS:
        raise UnsupportedFile(path, "too-large", f"{length} characters of text")
    extracted = assemble(raw, format=fmt.name, encoding=encoding)
    check(progress)
    return extracted
