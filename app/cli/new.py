"""``telaah new PROJECT [--codebook KEY]...``"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import ask_password, project_target, say
from app.coding.codebook_files import bundled_codebook_keys, load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.settings import NamesInExports, update_settings
from app.models.project import create_project


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "new", help="create a new project (a file, or an empty server database)"
    )
    parser.add_argument(
        "project",
        metavar="PROJECT",
        help="the new project file (.telaah) or postgresql+psycopg://USER@HOST:PORT/DB",
    )
    parser.add_argument(
        "--codebook",
        action="append",
        default=[],
        choices=bundled_codebook_keys(),
        metavar="KEY",
        help="install a bundled codebook: " + ", ".join(bundled_codebook_keys()),
    )
    parser.add_argument(
        "--names",
        choices=[n.value for n in NamesInExports],
        default=NamesInExports.ALIASES.value,
        help="names in exports: case aliases (default) or real names",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    keys = list(dict.fromkeys(args.codebook))
    specs = [load_bundled_codebook(key) for key in keys]  # fail before creating the file
    target = project_target(args.project)
    project = create_project(target, ask_password=ask_password)
    try:
        with project.session() as session:
            update_settings(session, names_in_exports=args.names)
            installed = [install_codebook(session, spec=spec) for spec in specs]
    except BaseException:
        project.close()
        if isinstance(target, Path):
            for suffix in ("", "-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    project.close()
    say(f"created {project.location} (names in exports: {args.names})")
    for book in installed:
        say(f"installed codebook {book.codebook_key} ({len(book.code_ids)} codes)")
    return 0
