"""The ``telaah`` command (SPEC §5). Each sub-command lives in its own module.

Exit status: 0 on success, 2 on a usage error (argparse), 1 on any other error with one line
on stderr. Sub-commands that write do so through ``app.coding`` functions that commit only
when they succeed, so a failing command leaves the project as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli import (
    backups,
    coding,
    demo,
    evidence,
    export,
    importing,
    new,
    refiqda,
    rescue,
    review,
    show,
    team,
    transfer,
)
from app.cli.common import PROG, USER_ERRORS, fail
from app.cli.gui import open_gui
from app.models.server import is_server_target

MODULES = (
    new,
    importing,
    show,
    coding,
    evidence,
    export,
    demo,
    backups,
    rescue,
    refiqda,
    review,
    transfer,
    team,
)


class _SubCommandParser(argparse.ArgumentParser):
    """A sub-command's parser: an option it does not know is its own usage error, so
    ``telaah export P matrix --bogus`` prints the matrix usage, not the top-level one
    (argparse leaves unknown options of a sub-command to the top-level parser)."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: " + " ".join(extras))
        return parsed, extras


def _build() -> tuple[argparse.ArgumentParser, frozenset[str]]:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Qualitative coding of interview transcripts. "
        "Without arguments (or with a project file) it opens the graphical interface.",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_SubCommandParser
    )
    for module in MODULES:
        module.register(commands)
    return parser, frozenset(commands.choices)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    return _build()[0]


def _gui_target(argv: Sequence[str], commands: frozenset[str]) -> Path | str | None:
    """The project to open when the only argument is an existing file or a server URL."""
    if len(argv) != 1 or argv[0].startswith("-") or argv[0] in commands:
        return None
    if is_server_target(argv[0]):
        return argv[0]
    path = Path(argv[0])
    return path if path.exists() else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``telaah`` with ``argv`` (default: the process arguments); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = _build()
    try:
        if not args_list:
            return open_gui(None)
        target = _gui_target(args_list, commands)
        if target is not None:
            return open_gui(target)
        args = parser.parse_args(args_list)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        status: int = args.run(args)
        return status
    except SystemExit as exc:  # --help (0) or a usage error found by argparse (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except USER_ERRORS as exc:
        return fail(exc)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
