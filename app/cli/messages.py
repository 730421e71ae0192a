"""What a failed command says: one English line for each error a user can cause.

The reason keys come from the core (:data:`app.coding.errors.FILE_REASONS`,
:data:`app.coding.refiqda.safety.ARCHIVE_REASONS`); ``tests/ui/test_reasons.py`` checks that
each has its sentence here and in the GUI (:mod:`app.ui.errors`).
"""

from __future__ import annotations

import re

from sqlalchemy.exc import OperationalError, ProgrammingError

from app.cli.common import one_line
from app.coding.errors import (
    NUL_CHARACTER,
    SPAN_OUTSIDE,
    InvalidValue,
    MergeRefused,
    UnsupportedFile,
)
from app.coding.importing.formats import main_suffixes
from app.coding.limits import quoted
from app.models.project import (
    ProjectError,
    ProjectExists,
    ProjectForeignSchema,
    ServerError,
    ServerLoginFailed,
    ServerUnreachable,
)
from app.models.server import is_permission_error, server_error_text

#: What each :class:`UnsupportedFile` reason key (:data:`app.coding.errors.FILE_REASONS`)
#: means, in words.
FILE_REASONS = {
    "unknown-format": f"this file type cannot be imported (use {', '.join(main_suffixes())})",
    "convert-first": "Telaah cannot read .doc, .docm, .pages or .wpd files; open it in Word, "
    "LibreOffice or Pages, save it as .docx or PDF and import that",
    "empty": "the file is empty",
    "too-large": "the file is too large (or unpacks to too much)",
    "too-complex": "the file is too complex to be read in reasonable time (a PDF page that "
    "draws too much, or reading past the time limit)",
    "not-a-file": "this is not a regular file (a pipe, device or socket)",
    "truncated": "the file is incomplete (cut off while copying?)",
    "encrypted": "the file is password-protected; save an unprotected copy first",
    "needs-ocr": "the PDF has no text layer (a scan); run OCR on it first",
    "zip-bomb": "the file expands to an unreasonable size",
    "unsafe-xml": "the file contains unsafe XML (DTD or entities)",
    "corrupt": "the file is damaged",
    "encoding": "the text encoding could not be recognised",
    "unreadable": "the file could not be read",
    "is-directory": "this is a folder, not a file",
    "not-found": "the file does not exist",
    "no-permission": "no permission to read the file",
}

#: What each :class:`ArchiveRefused` reason key (:data:`app.coding.refiqda.safety.
#: ARCHIVE_REASONS`) means that is not also a file reason.
ARCHIVE_REASONS = {
    "not-a-zip": "this is not a REFI-QDA project (.qdpx is a zip)",
    "missing-qde": "the archive holds no project.qde file",
    "several-qde": "the archive holds more than one .qde file",
    "path-escape": "the archive contains paths pointing outside it",
    "absolute-path": "the archive contains absolute paths",
    "invalid-xml": "the project XML is damaged",
    "too-many-members": "the archive holds too many files",
    "not-refi-qda": "the XML is not a REFI-QDA project or codebook",
    "too-complex": (
        "reading the documents inside the archive took longer than the time limit (30 "
        "minutes); export the project again in parts, or with its PDF files saved as text"
    ),
}


#: Why something of a REFI-QDA project was not imported (or, for the warning, imported with
#: a caveat): one entry per :data:`app.coding.refiqda.model.SKIP_REASONS` key. A source the
#: importers could not read carries a :data:`FILE_REASONS` key instead.
SKIP_REASONS = {
    "picture-source": "pictures are not imported (Telaah works with text only)",
    "audio-source": "audio is not imported (Telaah works with text only; import a transcript)",
    "video-source": "video is not imported (Telaah works with text only; import a transcript)",
    "pdf-region": "a coding of an area of a PDF page, not of its text, is not imported",
    "external-source": "the source is a file outside the project archive",
    "missing-file": "the source's file is missing from the project archive",
    "encoding": "the text encoding of the source could not be recognised",
    "unreadable": "the source could not be read",
    "empty": "the source holds no text",
    "no-text": "the project file gives no text for the source (nor a file to read it from)",
    "unknown-code": "the coding refers to a code the project does not define",
    "empty-span": "the coding selects no text (it starts where it ends)",
    "bad-position": "the coding's positions in the file are missing or not valid",
    "duplicate": "the same code on the same passage by the same coder is in the file twice "
    "(imported once)",
    "source-variable": "variable values of a source are not imported (attributes are on cases)",
    "invalid-value": "the value does not fit the type of its variable",
    "unknown-variable": "the value belongs to a variable the project does not define",
    "unknown-target": "the case refers to a source or passage that was not imported",
    "sets": "sets are not imported (Telaah has no sets)",
    "links": "links are not imported (Telaah has no links)",
    "graphs": "graphs are not imported (Telaah has no graphs)",
    "positions-approximate": "the source's text was read from its Word file, so its codings "
    "may be a few characters off; check them",
}


def skip_reason(reason: str) -> str:
    """Words for a :class:`~app.coding.refiqda.Skipped` reason, with the key for scripts."""
    words = SKIP_REASONS.get(reason) or ARCHIVE_REASONS.get(reason) or FILE_REASONS.get(reason)
    return f"{words} [{reason}]" if words else reason


#: Words for each field of :data:`app.coding.limits.MAX_LENGTHS` (tests/ui/test_reasons.py).
LENGTH_FIELDS = {
    "coder": "coder name",
    "code": "code name",
    "codebook": "codebook name",
    "case": "case name",
    "alias": "case alias",
    "attribute": "attribute name",
    "document": "document name",
    "value": "attribute value",
    "description": "definition",
    "summary": "cell summary",
    "memo": "memo",
    "comment": "comment",
    "title": "title",
    "finding": "finding",
}


def describe(exc: BaseException) -> str:
    """A one-line English message for a user error."""
    from app.coding.refiqda.safety import ArchiveRefused  # only when something failed

    if isinstance(exc, UnsupportedFile):
        # The words for people, the stable key in brackets for scripts.
        words = FILE_REASONS.get(exc.reason, exc.reason)
        detail = f"; {exc.detail}" if exc.detail else ""
        text = f"cannot import {quoted(exc.path, limit=4096)}: {words} [{exc.reason}{detail}]"
    elif isinstance(exc, ArchiveRefused):
        words = ARCHIVE_REASONS.get(exc.reason) or FILE_REASONS.get(exc.reason, exc.reason)
        detail = f"; {exc.detail}" if exc.detail else ""
        text = f"refused {quoted(exc.path, limit=4096)}: {words} [{exc.reason}{detail}]"
    elif isinstance(exc, ProjectForeignSchema):
        found = ", ".join(f"{o.type} {quoted(o.name)}" for o in exc.objects[:5])
        more = f" and {len(exc.objects) - 5} more" if len(exc.objects) > 5 else ""
        where = quoted(exc.path, limit=4096)
        text = (
            f"{where} holds objects Telaah did not create ({found}{more}); it was not opened "
            f"or changed. Copy its data into a clean file with: telaah rescue {where} NEW.telaah"
        )
    elif isinstance(exc, MergeRefused) and exc.detail == SPAN_OUTSIDE:
        text = (
            f"the other copy was not merged: a {exc.field} in it ({exc.value}) lies outside "
            "its document's text; nothing was changed"
        )
    elif isinstance(exc, MergeRefused) and exc.detail == NUL_CHARACTER:
        text = (
            "the other copy was not merged: a text in it holds a NUL character, which no "
            "text may hold; nothing was changed"
        )
    elif isinstance(exc, MergeRefused):
        limit = int(exc.detail.split(":", 1)[1])
        what = LENGTH_FIELDS.get(exc.field, exc.field)
        text = (
            f"the other copy was not merged: one {what} in it is longer than {limit:,} "
            "characters; nothing was changed"
        )
    elif isinstance(exc, InvalidValue) and exc.detail.startswith("too-long:"):
        limit = int(exc.detail.split(":", 1)[1])
        what = LENGTH_FIELDS.get(exc.field, exc.field)
        text = f"{what} is too long (at most {limit:,} characters); nothing was changed"
    elif isinstance(exc, InvalidValue) and exc.field == "pattern" and exc.detail != "empty":
        text = f"invalid pattern {quoted(exc.value)}: {exc.detail}"
    elif isinstance(exc, ServerLoginFailed):
        text = f"{exc.url}: the server refused the login ({exc.reason})"
    elif isinstance(exc, ServerUnreachable):
        text = f"{exc.url}: the server does not answer ({exc.reason})"
    elif isinstance(exc, ServerError):
        text = f"{exc.url}: {exc.reason or type(exc).__name__}"
    elif isinstance(exc, ProjectExists) and exc.reason:
        text = f"{quoted(exc.path, limit=4096)}: {exc.reason}"
    elif isinstance(exc, ProjectExists):
        text = f"{quoted(exc.path, limit=4096)}: a file with this name already exists"
    elif isinstance(exc, ProjectError):
        text = f"{quoted(exc.path, limit=4096)}: {exc.reason or type(exc).__name__}"
    elif isinstance(exc, OSError) and exc.strerror:
        where = exc.filename if exc.filename is not None else ""
        text = f"{where}: {exc.strerror}" if where else exc.strerror
    elif isinstance(exc, ProgrammingError) and is_permission_error(exc):
        text = (
            "permission denied: your role on this server project does not allow this "
            f"({server_error_text(exc)})"
        )
    elif isinstance(exc, OperationalError):
        text = f"the project file cannot be used: {exc.orig}"
    elif isinstance(exc, re.error):
        text = f"invalid pattern: {exc}"
    else:
        text = str(exc) or type(exc).__name__
    # One line whatever a name held: whitespace folded, other control characters escaped.
    return one_line(" ".join(text.split()))
