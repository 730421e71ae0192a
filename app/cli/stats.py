"""``telaah stats PROJECT [--json]``: the sizes of a project.

Its own module so that it starts quickly: it loads the database layer and nothing of the
documents, importers or exporters (``tests/cli/test_startup.py``)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.common import opened, say
from app.coding.stats import ProjectStats, project_stats


def register(commands: Any) -> None:
    stats = commands.add_parser("stats", help="count documents, cases, codes and codings")
    stats.add_argument("project", metavar="PROJECT")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(run=run_stats)


def format_stats(stats: ProjectStats) -> list[str]:
    """The readable (non-JSON) form of :func:`project_stats`."""
    lines = [
        f"documents: {stats.documents}",
        f"cases:     {stats.cases}",
        f"codes:     {stats.codes}",
        f"codings:   {stats.codings}",
        f"coders:    {', '.join(stats.coders) if stats.coders else '-'}",
        "codebooks:" + ("" if stats.codebooks else " -"),
    ]
    width = max((len(key) for key in stats.codebooks), default=0)
    lines += [f"  {key:<{width}}  {n} codes" for key, n in stats.codebooks.items()]
    return lines


def run_stats(args: argparse.Namespace) -> int:
    with opened(args.project, reads_only=True) as project, project.engine.connect() as conn:
        stats = project_stats(conn)
    if args.json:
        say(json.dumps(stats.as_json(), ensure_ascii=False, indent=2), lines=True)
    else:
        for line in format_stats(stats):
            say(line)
    return 0
