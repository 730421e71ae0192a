"""``telaah export PROJECT informants|codebook|findings|draft …``: the thesis artefacts.

``informants``, ``codebook`` and ``findings`` write .docx, .xlsx or .csv
(:mod:`app.coding.exports.artefacts`); ``draft`` writes the chapter draft of a codebook as
.docx (:mod:`app.coding.exports.draft`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.cli.common import say
from app.coding.exports import FORMATS, LANGUAGES


def _base(parser: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    parser.add_argument("--format", choices=formats, required=True)
    parser.add_argument("-o", "--output", metavar="OUT", required=True, type=Path)
    parser.add_argument("--language", choices=LANGUAGES, default="id", help="labels of the file")
    parser.add_argument("--title", metavar="TEXT", help="title of the Word table")
    parser.add_argument("--numbering", choices=("chapter", "continuous"), default="chapter")
    parser.add_argument("--table-number", metavar="N", default=None)


def _names(parser: argparse.ArgumentParser) -> None:
    names = parser.add_mutually_exclusive_group()
    names.add_argument(
        "--pseudonymise",
        dest="pseudonymise",
        action="store_const",
        const=True,
        default=None,
        help="aliases instead of names (default: project setting)",
    )
    names.add_argument("--real-names", dest="pseudonymise", action="store_const", const=False,
                       help="real names (default: project setting)")  # fmt: skip


def _options(args: argparse.Namespace) -> Any:
    from app.coding.exports.table_options import make_options

    return make_options(title=args.title, numbering=args.numbering, table_number=args.table_number)


def add_informants(kinds: Any) -> None:
    parser = kinds.add_parser("informants", help="the informant table (codes such as AP1)")
    _base(parser)
    _names(parser)
    parser.set_defaults(export=run_informants)


def run_informants(args: argparse.Namespace, session: Session) -> int:
    from app.coding.exports.artefacts import export_informants

    result = export_informants(
        session, path=args.output, fmt=args.format, language=args.language,
        pseudonymise=args.pseudonymise, options=_options(args),
    )  # fmt: skip
    say(f"wrote {result.rows} informants to {result.path}")
    return 0


def add_codebook_table(kinds: Any) -> None:
    parser = kinds.add_parser("codebook", help="the operationalisation table of a codebook")
    _base(parser)
    parser.add_argument("--codebook", metavar="CODEBOOK", required=True)
    parser.set_defaults(export=run_codebook_table)


def run_codebook_table(args: argparse.Namespace, session: Session) -> int:
    from app.coding.exports.artefacts import export_codebook_table

    result = export_codebook_table(
        session, path=args.output, fmt=args.format, codebook=args.codebook,
        language=args.language, options=_options(args),
    )  # fmt: skip
    say(f"wrote {result.rows} codes to {result.path}")
    return 0


def add_findings(kinds: Any) -> None:
    parser = kinds.add_parser("findings", help="the findings summary of a codebook")
    _base(parser)
    parser.add_argument("--codebook", metavar="CODEBOOK", required=True)
    _names(parser)
    parser.set_defaults(export=run_findings)


def run_findings(args: argparse.Namespace, session: Session) -> int:
    from app.coding.exports.artefacts import export_findings

    result = export_findings(
        session, path=args.output, fmt=args.format, codebook=args.codebook,
        language=args.language, pseudonymise=args.pseudonymise, options=_options(args),
    )  # fmt: skip
    say(f"wrote the findings of {result.rows} boxes to {result.path}")
    return 0


def add_draft(kinds: Any) -> None:
    parser = kinds.add_parser("draft", help="a first draft of the chapter for a codebook")
    parser.add_argument("--format", choices=("docx",), required=True)
    parser.add_argument("-o", "--output", metavar="OUT", required=True, type=Path)
    parser.add_argument("--language", choices=LANGUAGES, default="id")
    parser.add_argument("--codebook", metavar="CODEBOOK", required=True)
    parser.add_argument("--quotes", metavar="N", type=int, default=2, help="quotes per box")
    parser.add_argument("--section", metavar="N", default="4.2", help="number of the section")
    _names(parser)
    parser.set_defaults(export=run_draft)


def run_draft(args: argparse.Namespace, session: Session) -> int:
    from app.coding.errors import InvalidValue
    from app.coding.exports.draft import export_draft

    if args.quotes < 1:
        raise InvalidValue("quotes", str(args.quotes), "expected a number from 1")
    result = export_draft(
        session, path=args.output, codebook=args.codebook, language=args.language,
        quotes_per_box=args.quotes, pseudonymise=args.pseudonymise, section=args.section,
    )  # fmt: skip
    say(f"wrote a draft of {result.rows} boxes to {result.path}")
    return 0


KINDS = [add_informants, add_codebook_table, add_findings, add_draft]
