"""``telaah export PROJECT KIND …``: one ``add_<kind>`` / ``run_<kind>`` pair per kind.

To add a kind, write ``add_<kind>(kinds)`` (which creates the sub-parser and sets
``run=run_<kind>``) and list it in :data:`KINDS`. ``run_<kind>(args, session)`` gets an
open session and returns the exit status.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.cli.artefacts import KINDS as ARTEFACT_KINDS
from app.cli.common import opened, say
from app.cli.refiqda import add_qdpx
from app.cli.review_report import add_review
from app.coding.codes import find_code
from app.coding.exports import FORMATS, LANGUAGES
from app.coding.exports.excerpts import export_excerpts
from app.coding.exports.table_kinds import cell_choices, layout_choices


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("-o", "--output", metavar="OUT", required=True, type=Path)
    parser.add_argument("--language", choices=LANGUAGES, default="id", help="labels of the file")


def _names(parser: argparse.ArgumentParser) -> None:
    """``--coder`` (repeatable) and the names choice; without one the project setting."""
    parser.add_argument(
        "--coder",
        metavar="NAME",
        action="append",
        default=None,
        help="use this coder's codings (repeatable; default: every primary coder)",
    )
    names = parser.add_mutually_exclusive_group()
    names.add_argument(
        "--pseudonymise",
        "--pseudonymize",
        dest="pseudonymise",
        action="store_const",
        const=True,
        default=None,
        help="show case aliases instead of names, in quotes too (default: project setting)",
    )
    names.add_argument(
        "--real-names",
        dest="pseudonymise",
        action="store_const",
        const=False,
        help="print real names (overrides the project setting)",
    )
    parser.add_argument(
        "--mask", metavar="NAME", action="append", default=[], help="a name to mask"
    )


def add_excerpts(kinds: Any) -> None:
    parser = kinds.add_parser("excerpts", help="coded excerpts by code")
    _common(parser)
    parser.add_argument(
        "--code", metavar="CODE", action="append", default=None, help="only these codes"
    )
    _names(parser)
    parser.set_defaults(export=run_excerpts)


def run_excerpts(args: argparse.Namespace, session: Session) -> int:
    code_ids = None
    if args.code:
        code_ids = [find_code(session, ref) for ref in args.code]
    result = export_excerpts(
        session,
        path=args.output,
        fmt=args.format,
        code_ids=code_ids,
        pseudonymise=args.pseudonymise,
        mask_names=args.mask,
        language=args.language,
        coders=args.coder,
    )
    say(f"wrote {result.rows} excerpts to {result.path}")
    return 0


def _analysis_options(parser: argparse.ArgumentParser) -> None:
    # Options shared by the matrix, summary and triangulation exports.
    _names(parser)
    parser.add_argument(
        "--table-number", metavar="N", default=None, help="number of the (first) Word table"
    )
    parser.add_argument("--title", metavar="TEXT", help="title of the Word table")
    parser.add_argument(
        "--numbering",
        choices=("chapter", "continuous"),
        default="chapter",
        help="table numbers 4.N (chapter) or N (continuous)",
    )


def _table_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quotes",
        metavar="starred|all|N",
        default=None,
        help="quotes per cell (default: starred first, then up to 3)",
    )
    parser.add_argument("--depth", metavar="N", type=int, default=None, help="1: top-level only")
    parser.add_argument("--layout", choices=layout_choices(), default="wide")
    parser.add_argument(
        "--where", metavar="attr:KEY=VALUE|code:CODE", default=None, help="filter the evidence"
    )


def options_of(args: argparse.Namespace) -> Any:
    """The :class:`TableOptions` of the parsed table arguments."""
    from app.coding.exports.table_options import make_options

    return make_options(
        title=args.title,
        numbering=args.numbering,
        table_number=args.table_number,
        quotes=getattr(args, "quotes", None),
        depth=getattr(args, "depth", None),
        layout=getattr(args, "layout", "wide"),
        where=getattr(args, "where", None),
    )


def _number(args: argparse.Namespace) -> str:
    return str(options_of(args).first_number())


def add_matrix(kinds: Any) -> None:
    parser = kinds.add_parser("matrix", help="codes × cases, attribute values or codes")
    _common(parser)
    parser.add_argument("--rows", metavar="CODEBOOK", required=True, help="codebook of the rows")
    parser.add_argument(
        "--cols",
        metavar="COLS",
        required=True,
        help="cases, attr:KEY, source-type or a codebook (co-occurrence)",
    )
    parser.add_argument("--cells", choices=cell_choices(), default="count")
    parser.add_argument(
        "--no-rollup", action="store_true", help="codes do not add up their indicators"
    )
    _analysis_options(parser)
    _table_options(parser)
    parser.set_defaults(export=run_matrix)


def run_matrix(args: argparse.Namespace, session: Session) -> int:
    from app.coding.exports.matrix import export_matrix

    result = export_matrix(
        session,
        path=args.output,
        fmt=args.format,
        rows=args.rows,
        cols=args.cols,
        cells=args.cells,
        coders=args.coder,
        rollup=not args.no_rollup,
        pseudonymise=args.pseudonymise,
        mask_names=args.mask,
        language=args.language,
        options=options_of(args),
    )
    say(f"wrote a matrix of {result.rows} codes to {result.path}")
    return 0


def add_summary(kinds: Any) -> None:
    parser = kinds.add_parser("summary", help="illustrative-method summary of a codebook")
    _common(parser)
    parser.add_argument("--codebook", metavar="CODEBOOK", required=True)
    parser.add_argument(
        "--group-attribute", metavar="KEY", default="group", help="case attribute of the groups"
    )
    _analysis_options(parser)
    _table_options(parser)
    parser.set_defaults(export=run_summary)


def run_summary(args: argparse.Namespace, session: Session) -> int:
    from app.coding.exports.summary import export_summary

    result = export_summary(
        session,
        path=args.output,
        fmt=args.format,
        codebook=args.codebook,
        group_attribute=args.group_attribute,
        coders=args.coder,
        pseudonymise=args.pseudonymise,
        mask_names=args.mask,
        language=args.language,
        table_number=_number(args),
        options=options_of(args),
    )
    say(f"wrote a summary of {result.rows} boxes to {result.path}")
    return 0


def add_triangulation(kinds: Any) -> None:
    parser = kinds.add_parser(
        "triangulation", help="boxes × source types and informant groups, with findings"
    )
    _common(parser)
    parser.add_argument("--codebook", metavar="CODEBOOK", required=True)
    parser.add_argument(
        "--group-attribute", metavar="KEY", default="group", help="case attribute of the groups"
    )
    _analysis_options(parser)
    parser.set_defaults(export=run_triangulation)


def run_triangulation(args: argparse.Namespace, session: Session) -> int:
    from app.coding.exports.triangulation import export_triangulation

    result = export_triangulation(
        session,
        path=args.output,
        fmt=args.format,
        codebook=args.codebook,
        group_attribute=args.group_attribute,
        coders=args.coder,
        pseudonymise=args.pseudonymise,
        mask_names=args.mask,
        language=args.language,
        table_number=_number(args),
    )
    say(f"wrote a triangulation table of {result.rows} boxes to {result.path}")
    return 0


#: Every export kind's parser builder, in the order ``--help`` lists them.
KINDS: list[Callable[[Any], None]] = [
    add_excerpts, add_matrix, add_summary, add_triangulation, *ARTEFACT_KINDS, add_qdpx,
    add_review,
]  # fmt: skip


def register(commands: Any) -> None:
    parser = commands.add_parser("export", help="export excerpts, matrices, summaries…")
    parser.add_argument("project", metavar="PROJECT")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for add in KINDS:
        add(kinds)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with opened(args.project) as project, project.session() as session:
        status: int = args.export(args, session)
    return status
