"""``telaah rescue PROJECT NEW``: copy a refused project's data into a clean file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import say
from app.coding.limits import quoted
from app.models.project import rescue_project


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "rescue", help="copy a project's data into a clean file, leaving out foreign objects"
    )
    parser.add_argument("project", metavar="PROJECT", help="the refused file (never written)")
    parser.add_argument("target", metavar="NEW", help="the clean file to create")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    dropped = rescue_project(Path(args.project), Path(args.target))
    left_out = ", ".join(f"{o.type} {quoted(o.name)}" for o in dropped) or "nothing"
    say(f"copied {quoted(args.project)} into {quoted(args.target)}; left out: {left_out}")
    return 0
