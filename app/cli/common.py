"""Helpers shared by the sub-commands: opening a project, coders, one-line output.

What an error says is in :mod:`app.cli.messages`, imported only when a command failed (its
tables name every import format, which a command that succeeds need not load)."""

from __future__ import annotations

import getpass
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import OperationalError, ProgrammingError

from app.cli.catalogue import PROG, CliError
from app.coding.errors import TelaahError
from app.models.project import Project, ProjectError, open_project
from app.models.server import is_server_target

__all__ = ["PROG", "USER_ERRORS", "CliError", "fail", "opened", "say"]


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
    from app.cli.messages import describe  # only when something failed

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
