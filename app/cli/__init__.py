"""The ``telaah`` command (SPEC §5). Each sub-command lives in its own module.

Exit status: 0 on success, 2 on a usage error (argparse), 1 on any other error with one line
on stderr. Sub-commands that write do so through ``app.coding`` functions that commit only
when they succeed, so a failing command leaves the project as it was.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from app.cli.catalogue import COMMANDS, PROG, modules


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


def _parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:  # type: ignore[type-arg]
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Qualitative coding of interview transcripts. "
        "Without arguments (or with a project file) it opens the graphical interface.",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_SubCommandParser
    )
    return parser, commands


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command (imports every command module)."""
    parser, commands = _parser()
    for name in modules():
        importlib.import_module(f"app.cli.{name}").register(commands)
    return parser


def _parser_for(command: str | None) -> argparse.ArgumentParser:
    """A parser where only ``command``'s module is imported and registered; every other
    command is listed with its help, so ``telaah --help`` imports no command at all."""
    parser, commands = _parser()
    wanted = COMMANDS[command].module if command in COMMANDS else None
    for name, entry in COMMANDS.items():
        if entry.module == wanted:
            importlib.import_module(f"app.cli.{wanted}").register(commands)
            wanted = None
        elif name not in commands.choices:
            commands.add_parser(name, help=entry.help)
    return parser


@contextmanager
def _loading() -> Iterator[None]:
    """The cyclic garbage collector paused while a command's modules load.

    Importing SQLAlchemy and the models makes a few hundred thousand objects that live as
    long as the process; the collector would walk them again and again while they are made
    (about 40 ms of ``telaah stats``). None of them is garbage."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _skip_last_collections() -> None:
    """Before the interpreter exits, every object is moved where the collector does not
    look: its last collections would otherwise walk all of them once more (about 70 ms of
    every command) to free memory the process is giving back anyway. Everything a command
    writes is committed and closed before :func:`main` returns."""
    atexit.unregister(gc.freeze)  # once, however often main runs in one process
    atexit.register(gc.freeze)


def _gui_target(argv: Sequence[str]) -> Path | str | None:
    """The project to open when the only argument is an existing file or a server URL."""
    if len(argv) != 1 or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    from app.models.server import is_server_target

    if is_server_target(argv[0]):
        return argv[0]
    path = Path(argv[0])
    return path if path.exists() else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``telaah`` with ``argv`` (default: the process arguments); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list:
            return _open_gui(None)
        target = _gui_target(args_list)
        if target is not None:
            return _open_gui(target)
        with _loading():
            parser = _parser_for(args_list[0])
        _skip_last_collections()
        args = parser.parse_args(args_list)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        status: int = args.run(args)
        return status
    except SystemExit as exc:  # --help (0) or a usage error found by argparse (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        from app.cli.common import USER_ERRORS, fail

        if isinstance(exc, USER_ERRORS):
            return fail(exc)
        raise


def _open_gui(target: Path | str | None) -> int:
    from app.cli.gui import open_gui

    return open_gui(target)
