"""``telaah code …`` (one coding by offsets) and ``telaah autocode …`` (every hit)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import CliError, coder_for, opened, say
from app.coding.autocode import UNITS, TooManyHits, autocode
from app.coding.codes import find_code
from app.coding.codings import Stance, apply_code
from app.coding.retrieval import document_id

#: Default ceiling on the spans one ``autocode`` call codes (``--max-hits`` raises it).
MAX_HITS = 10_000


def register(commands: Any) -> None:
    code = commands.add_parser("code", help="code a span of a document (with a code, or in vivo)")
    code.add_argument("project", metavar="PROJECT")
    code.add_argument("--document", metavar="NAME", required=True)
    code.add_argument("--start", metavar="N", type=int, required=True, help="code-point offset")
    code.add_argument("--end", metavar="M", type=int, required=True, help="exclusive")
    which = code.add_mutually_exclusive_group(required=True)
    which.add_argument("--code", metavar="CODE", help="code key or name path")
    which.add_argument(
        "--in-vivo",
        metavar="NAME",
        nargs="?",
        const="",
        default=None,
        help="code it with a new code in the 'In vivo' codebook, named NAME or by the words",
    )
    code.add_argument("--coder", metavar="NAME", default=None, help="default: your user name")
    code.add_argument("--memo", metavar="TEXT", default="")
    code.add_argument("--illustrative", action="store_true", help="star the coding")
    code.add_argument(
        "--evidence",
        choices=[s.value for s in Stance],
        default=Stance.SUPPORTS.value,
        help="what the passage says: it happens (supports), it does not (absent), an obstacle",
    )
    code.set_defaults(run=run_code)

    auto = commands.add_parser("autocode", help="code every hit of a pattern")
    auto.add_argument("project", metavar="PROJECT")
    auto.add_argument("--pattern", metavar="REGEX", required=True)
    auto.add_argument("--code", metavar="CODE", required=True)
    auto.add_argument("--unit", choices=UNITS, default="match", help="what each hit codes")
    auto.add_argument("--coder", metavar="NAME", default=None)
    auto.add_argument(
        "--document", metavar="NAME", action="append", default=None, help="repeatable"
    )
    auto.add_argument("--case-sensitive", action="store_true")
    auto.add_argument(
        "--informants-only",
        action="store_true",
        help="skip the hits in the interviewer's turns (Peneliti, Pewawancara, P, Q, ...)",
    )
    auto.add_argument(
        "--max-hits",
        metavar="N",
        type=int,
        default=MAX_HITS,
        help=f"refuse patterns with more hits than this (default {MAX_HITS})",
    )
    auto.set_defaults(run=run_autocode)


def run_code(args: argparse.Namespace) -> int:
    if args.in_vivo is not None:
        return _run_in_vivo(args)
    with opened(args.project) as project, project.session() as session:
        doc_id = document_id(session, name=args.document)
        code_id = find_code(session, args.code)
        changes = apply_code(
            session,
            document_id=doc_id,
            code_id=code_id,
            start=args.start,
            end=args.end,
            coder=coder_for(project, args.coder),
            memo=args.memo,
            illustrative=args.illustrative,
            stance=Stance(args.evidence),
        )
    where = f"{args.document} {args.start}-{args.end}"
    if changes.added:
        say(f"coded {where} with {args.code} (coding {changes.added[0].id})")
    else:
        say(f"{where} was already coded with {args.code}")
    return 0


def _run_in_vivo(args: argparse.Namespace) -> int:
    if args.memo or args.illustrative or args.evidence != Stance.SUPPORTS.value:
        raise CliError("--in-vivo takes no --memo, --illustrative or --evidence")
    from app.coding.in_vivo import code_in_vivo

    with opened(args.project) as project, project.session() as session:
        made = code_in_vivo(
            session,
            document_id=document_id(session, name=args.document),
            start=args.start,
            end=args.end,
            coder=coder_for(project, args.coder),
            name=args.in_vivo,
        )
    say(
        f"coded {args.document} {args.start}-{args.end} with the new code {made.code.key} "
        f"({made.code.name_id})"
    )
    return 0


def run_autocode(args: argparse.Namespace) -> int:
    with opened(args.project) as project, project.session() as session:
        code_id = find_code(session, args.code)
        docs = None
        if args.document:
            docs = [document_id(session, name=name) for name in args.document]
        try:
            changes = autocode(
                session,
                pattern=args.pattern,
                code_id=code_id,
                unit=args.unit,
                coder=coder_for(project, args.coder),
                document_ids=docs,
                ignore_case=not args.case_sensitive,
                max_hits=max(args.max_hits, 0),
                informants_only=args.informants_only,
            )
        except TooManyHits as exc:
            raise CliError(
                f"the pattern has {exc.count:,} hits, more than the limit of {exc.limit:,}; "
                f"nothing was coded (narrow the pattern, or pass --max-hits {exc.count})"
            ) from exc
    added = len(changes.added)
    note = f" ({changes.skipped} already coded)" if changes.skipped else ""
    say(f"added {added} coding{'' if added == 1 else 's'}{note}")
    return 0
