"""``telaah demo``: build the sample project once, then open it."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import opened, say
from app.cli.gui import load_gui, open_gui
from app.cli.stats import format_stats
from app.coding.demo import build_demo_project, demo_project_path
from app.coding.stats import project_stats


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="build and open the sample project")
    parser.add_argument("--rebuild", action="store_true", help="build it again from scratch")
    parser.add_argument("--no-gui", action="store_true", help="only build it and print stats")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = demo_project_path()
    if args.rebuild or not path.exists():
        say(f"building the demo project at {path} …")
        build_demo_project(path, overwrite=args.rebuild)
    if not args.no_gui and load_gui() is not None:
        return open_gui(path)
    say(str(path))
    with opened(path) as project, project.session() as session:
        stats = project_stats(session)
    for line in format_stats(stats):
        say(line)
    return 0
