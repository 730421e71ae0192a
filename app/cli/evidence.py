"""``telaah coder`` (roles), ``telaah finding`` (per-box findings), ``telaah settings``
(names in exports, study year, source-line wording, identifying roles) and ``telaah source``
(a document's type, title and date)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import opened, say
from app.coding.coders import CoderRole, set_coder_role
from app.coding.codes import find_code
from app.coding.findings import set_finding
from app.coding.retrieval import document_id
from app.coding.settings import NamesInExports, get_settings, update_settings
from app.coding.sources import SourceType, parse_date, set_document_source


def register(commands: Any) -> None:
    coder = commands.add_parser("coder", help="set a coder's role (primary or second)")
    coder.add_argument("project", metavar="PROJECT")
    coder.add_argument("name", metavar="NAME")
    coder.add_argument(
        "--role",
        choices=[r.value for r in CoderRole],
        required=True,
        help="primary: codings are evidence; second: for agreement checks only",
    )
    coder.set_defaults(run=run_coder)

    finding = commands.add_parser("finding", help="write the finding (Temuan) of a code")
    finding.add_argument("project", metavar="PROJECT")
    finding.add_argument("--code", metavar="CODE", required=True)
    finding.add_argument("--text", metavar="TEXT", required=True, help='"" clears it')
    finding.set_defaults(run=run_finding)

    settings = commands.add_parser("settings", help="show or change project settings")
    settings.add_argument("project", metavar="PROJECT")
    settings.add_argument("--names", choices=[n.value for n in NamesInExports], default=None)
    settings.add_argument("--year", metavar="YYYY", default=None, help='study year ("" clears)')
    settings.add_argument("--source-primary", metavar="TEXT", default=None)
    settings.add_argument("--source-secondary", metavar="TEXT", default=None)
    settings.add_argument("--source-mixed", metavar="TEXT", default=None)
    settings.add_argument(
        "--identifying-role",
        metavar="ROLE",
        action="append",
        default=None,
        help="a role that identifies its holder (repeatable; replaces the list)",
    )
    settings.set_defaults(run=run_settings, parser=settings)

    source = commands.add_parser("source", help="set a document's source type, title, date")
    source.add_argument("project", metavar="PROJECT")
    source.add_argument("--document", metavar="NAME", required=True)
    source.add_argument("--type", choices=[t.value for t in SourceType], default=None)
    source.add_argument("--title", metavar="TEXT", default=None, help='"" restores the default')
    source.add_argument("--date", metavar="YYYY-MM-DD", default=None, help='"" clears it')
    source.set_defaults(run=run_source)


def run_coder(args: argparse.Namespace) -> int:
    with opened(args.project) as project, project.session() as session:
        change = set_coder_role(session, name=args.name, role=args.role)
    was = f" (was {change.before.value})" if change.before else " (new coder)"
    say(f"{change.name} is now a {change.after.value} coder{was}")
    return 0


def run_finding(args: argparse.Namespace) -> int:
    with opened(args.project) as project, project.session() as session:
        change = set_finding(session, code_id=find_code(session, args.code), text=args.text)
    say(f"finding of {args.code} {'written' if change.after else 'cleared'}")
    return 0


def run_settings(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.names is not None:
        changes["names_in_exports"] = args.names
    if args.year is not None:
        year = args.year.strip()
        if year and not year.isdigit():
            args.parser.error(f"--year: expected a year, got {args.year!r}")
        changes["study_year"] = int(year) if year else None
    for name in ("source_primary", "source_secondary", "source_mixed"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.identifying_role is not None:
        changes["identifying_roles"] = tuple(args.identifying_role)
    with opened(args.project) as project, project.session() as session:
        settings = update_settings(session, **changes).after if changes else get_settings(session)
    say(f"names in exports: {settings.names_in_exports.value}")
    say(f"study year: {settings.study_year or '(latest data)'}")
    for label, value in (
        ("primary source line", settings.source_primary),
        ("secondary source line", settings.source_secondary),
        ("mixed source line", settings.source_mixed),
    ):
        say(f"{label}: {value or '(default)'}")
    say("identifying roles: " + ("; ".join(settings.identifying_roles) or "(none)"))
    return 0


def run_source(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.type is not None:
        changes["source_type"] = args.type
    if args.title is not None:
        changes["title"] = args.title
    if args.date is not None:
        changes["source_date"] = parse_date(args.date) if args.date.strip() else None
    with opened(args.project) as project, project.session() as session:
        doc_id = document_id(session, name=args.document)
        after = set_document_source(session, document_id=doc_id, **changes).after
    when = f", {after.source_date.isoformat()}" if after.source_date else ""
    say(f"{after.name}: {after.source_type.value}, cited as {after.title!r}{when}")
    return 0
