"""Helpers shared by the sub-commands: opening a project, coders, one-line errors."""

from __future__ import annotations

import getpass
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import OperationalError, ProgrammingError

from app.cli.catalogue import PROG, CliError
from app.coding.errors import InvalidValue, TelaahError, UnsupportedFile
from app.coding.importing.formats import main_suffixes
from app.coding.limits import quoted
from app.models.project import (
    Project,
    ProjectError,
    ProjectExists,
    ProjectForeignSchema,
    ServerError,
    ServerLoginFailed,
    ServerUnreachable,
    open_project,
)
from app.models.server import is_permission_error, is_server_target, server_error_text

__all__ = ["PROG", "USER_ERRORS", "CliError", "describe", "fail", "opened", "say"]


#: Errors a user can cause; they become a one-line message and exit status 1.
USER_ERRORS: tuple[type[BaseException], ...] = (
    CliError,
    TelaahError,
    ProjectError,
    OSError,
    re.error,
    UnicodeError,
    OperationalError,  # the file is locked by another program, or the disk is full
    ProgrammingError,  # on a server: permission denied for this login's role
)


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
}


def ask_password(url: str) -> str | None:
    """Ask for a server password on the terminal (never echoed, never stored)."""
    if not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"password for {url}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def project_target(text: str | Path) -> str | Path:
    """A PROJECT argument: a server URL stays a string, anything else is a file path."""
    return text if is_server_target(text) else Path(text)


@contextmanager
def opened(path: str | Path, *, reads_only: bool = False) -> Iterator[Project]:
    """An existing project (a file, migrated if old, or a server URL), closed on exit.

    ``reads_only``: the command writes nothing, so the whole-file integrity scan is left
    out (see :func:`open_project`)."""
    project = open_project(
        project_target(path), ask_password=ask_password, whole_check=not reads_only
    )
    try:
        yield project
    finally:
        project.close()


def coder_for(project: Project, given: str | None) -> str:
    """Who codes: on a server always the login (``--coder`` may only repeat it)."""
    if project.url is not None and project.url.username:
        login = str(project.url.username)
        if given and given != login:
            raise CliError(f"on a server project you code as your login ({login}), not {given}")
        return login
    return given or default_coder()


def default_coder() -> str:
    """The OS user name, or "coder" where it cannot be found."""
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):
        name = ""
    return name or "coder"


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


def one_line(text: str) -> str:
    """``text`` with control characters other than tab escaped (a newline in a name becomes
    ``\\n``): what ``say`` prints is one line and cannot repaint the terminal."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == "\t" else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def fail(exc: BaseException) -> int:
    """Print ``telaah: error: …`` on stderr; the exit status of a failed command."""
    print(f"{PROG}: error: {describe(exc)}", file=sys.stderr)
    return 1


def say(text: str = "", *, lines: bool = False) -> None:
    """Print one line on stdout (control characters in names escaped, see
    :func:`one_line`), replacing what the console cannot encode. With ``lines`` the text
    may hold line breaks of its own (indented JSON); each of its lines is kept one line."""
    text = "\n".join(map(one_line, text.split("\n"))) if lines else one_line(text)
    try:
        print(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "ascii"
        print(text.encode(encoding, "replace").decode(encoding))
