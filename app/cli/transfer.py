"""``telaah push FILE URL`` and ``telaah pull URL FILE``: a project to and from a server."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import CliError, ask_password, say
from app.coding.transfer import TransferReport, pull_project, push_project
from app.models.server import is_server_target

_URL = "postgresql+psycopg://USER@HOST:PORT/DB"


def register(commands: Any) -> None:
    push = commands.add_parser("push", help="copy a project file into an empty server database")
    push.add_argument("file", metavar="FILE", help="the project file (.telaah), only read")
    push.add_argument("url", metavar="URL", help=_URL + " (an empty database)")
    push.set_defaults(run=run_push)

    pull = commands.add_parser("pull", help="take a complete snapshot of a server project")
    pull.add_argument("url", metavar="URL", help=_URL)
    pull.add_argument("file", metavar="FILE", help="the new project file (.telaah)")
    pull.set_defaults(run=run_pull)


def _summary(report: TransferReport) -> str:
    rows = report.rows
    return (
        f"{rows.get('documents', 0)} documents, {rows.get('codes', 0)} codes, "
        f"{rows.get('codings', 0)} codings, {rows.get('memos', 0)} memos, "
        f"{rows.get('review_marks', 0) + rows.get('comments', 0)} review marks and comments"
    )


def run_push(args: argparse.Namespace) -> int:
    if is_server_target(args.file) or not is_server_target(args.url):
        raise CliError("push copies a project FILE to a server URL (see `telaah push --help`)")
    report = push_project(source=Path(args.file), target=args.url, ask_password=ask_password)
    say(f"pushed {args.file} to {report.target}: {_summary(report)}")
    return 0


def run_pull(args: argparse.Namespace) -> int:
    if not is_server_target(args.url) or is_server_target(args.file):
        raise CliError("pull copies a server URL to a new project FILE (see `telaah pull --help`)")
    report = pull_project(source=args.url, target=Path(args.file), ask_password=ask_password)
    say(f"pulled {report.target}: {_summary(report)}")
    return 0
