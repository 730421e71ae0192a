"""``telaah export PROJECT review -o OUT.docx``: the supervisor's review report in Word."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.cli.common import say
from app.coding.exports import LANGUAGES


def add_review(kinds: Any) -> None:
    parser = kinds.add_parser(
        "review", help="questioned excerpts with their discussion and the agreement table (.docx)"
    )
    parser.add_argument("-o", "--output", metavar="OUT.docx", required=True, type=Path)
    parser.add_argument(
        "--reviewer", metavar="NAME", default=None, help="only this reviewer's questions"
    )
    parser.add_argument(
        "--coders", nargs=2, metavar=("A", "B"), default=None, help="add their agreement table"
    )
    parser.add_argument(
        "--document", metavar="NAME", action="append", help="agreement over these documents only"
    )
    parser.add_argument("--language", choices=LANGUAGES, default="id", help="labels of the file")
    names = parser.add_mutually_exclusive_group()
    names.add_argument(
        "--pseudonymise", "--pseudonymize", dest="pseudonymise", action="store_const",
        const=True, default=None, help="aliases instead of names (default: project setting)",
    )  # fmt: skip
    names.add_argument(
        "--real-names", dest="pseudonymise", action="store_const", const=False,
        help="print real names and file names",
    )  # fmt: skip
    parser.set_defaults(export=run_review)


def run_review(args: argparse.Namespace, session: Session) -> int:
    from app.coding.exports.review_report import export_review_report

    result = export_review_report(
        session,
        path=args.output,
        reviewer=args.reviewer,
        coders=tuple(args.coders) if args.coders else None,
        document_names=args.document,
        language=args.language,
        pseudonymise=args.pseudonymise,
    )
    say(f"wrote a review report with {result.rows} questioned excerpts to {result.path}")
    return 0
