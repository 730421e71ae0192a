"""``telaah new PROJECT [--codebook KEY]...``"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import say
from app.coding.codebooks import bundled_codebook_keys
from app.coding.project_setup import create_study


def register(commands: Any) -> None:
    parser = commands.add_parser("new", help="create a new project file")
    parser.add_argument("project", metavar="PROJECT", help="the new project file (.telaah)")
    parser.add_argument(
        "--codebook",
        action="append",
        default=[],
        choices=bundled_codebook_keys(),
        metavar="KEY",
        help="install a bundled codebook: " + ", ".join(bundled_codebook_keys()),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.project)
    created = create_study(path, codebooks=args.codebook)
    say(f"created {path}")
    for book in created.codebooks:
        say(f"installed codebook {book.codebook_key} ({len(book.code_ids)} codes)")
    return 0
