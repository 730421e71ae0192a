"""``telaah text PROJECT --document NAME``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import opened
from app.coding.documents import get_document_text


def register(commands: Any) -> None:
    text = commands.add_parser("text", help="print the stored text of a document, exactly")
    text.add_argument("project", metavar="PROJECT")
    text.add_argument("--document", metavar="NAME", required=True)
    text.set_defaults(run=run_text)


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
