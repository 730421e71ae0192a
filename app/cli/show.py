"""``telaah text PROJECT --document NAME`` and ``telaah stats PROJECT [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.cli.common import opened, say
from app.coding.documents import get_document_text
from app.coding.stats import ProjectStats, project_stats


def register(commands: Any) -> None:
    text = commands.add_parser("text", help="print the stored text of a document, exactly")
    text.add_argument("project", metavar="PROJECT")
    text.add_argument("--document", metavar="NAME", required=True)
    text.set_defaults(run=run_text)

    stats = commands.add_parser("stats", help="count documents, cases, codes and codings")
    stats.add_argument("project", metavar="PROJECT")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(run=run_stats)


def run_text(args: argparse.Namespace) -> int:
    with opened(args.project, reads_only=True) as project, project.session() as session:
        text = get_document_text(session, name=args.document)
    # Bytes, not text: no newline is added and no platform newline translation happens.
    data = text.encode("utf-8")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(text)
    return 0


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
    with opened(args.project, reads_only=True) as project, project.session() as session:
        stats = project_stats(session)
    if args.json:
        say(json.dumps(stats.as_json(), ensure_ascii=False, indent=2), lines=True)
    else:
        for line in format_stats(stats):
            say(line)
    return 0
