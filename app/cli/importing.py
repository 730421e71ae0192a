"""``telaah import PROJECT FILE... [--case NAME] [--attr KEY=VALUE]...``

All or nothing: the case and its attribute values are checked before anything is written,
and one unreadable file means no file is imported.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli.common import CliError, opened, say
from app.coding.cases import canonical_value, create_case, link_document, set_attributes
from app.coding.documents import import_files
from app.coding.errors import InvalidValue
from app.coding.importing.formats import main_suffixes
from app.coding.limits import check_lengths, quoted
from app.coding.sources import SourceType
from app.models.schema import Attribute, Case


def register(commands: Any) -> None:
    parser = commands.add_parser("import", help="import transcripts and documents")
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument("files", metavar="FILE", nargs="+", help=" ".join(main_suffixes()))
    parser.add_argument("--case", metavar="NAME", help="link every imported file to this case")
    parser.add_argument(
        "--attr",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        type=_attribute,
        help="an attribute value of the case (repeatable; needs --case)",
    )
    parser.add_argument(
        "--type",
        choices=[t.value for t in SourceType],
        default=SourceType.INTERVIEW.value,
        help="what kind of source the files are (default interview)",
    )
    parser.add_argument("--title", metavar="TEXT", default="", help="title used in citations")
    parser.add_argument("--date", metavar="YYYY-MM-DD", default=None, type=_date)
    parser.set_defaults(run=run, parser=parser)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from exc


def _attribute(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value.strip()


def _check_attributes(session: Session, values: dict[str, str]) -> None:
    """Reject values that do not fit the type of an existing attribute (before any write)."""
    rows = session.execute(
        select(Attribute.name, Attribute.type).where(Attribute.name.in_(list(values)))
    )
    types = {name: kind for name, kind in rows}
    for name, value in values.items():
        check_lengths(attribute=name, value=value)
        if name in types:
            canonical_value(types[name], value)


def run(args: argparse.Namespace) -> int:
    values = dict(args.attr)
    if values and not args.case:
        args.parser.error("--attr needs --case")
    if args.title.strip() and len(args.files) > 1:
        args.parser.error("--title names one file; import the files one by one")
    case_name = (args.case or "").strip()
    if args.case is not None and not case_name:
        raise InvalidValue("case", args.case, "empty name")
    check_lengths(case=case_name or None)
    with opened(args.project) as project, project.session() as session:
        _check_attributes(session, values)
        result = import_files(
            session,
            paths=[Path(f) for f in args.files],
            all_or_nothing=True,
            source_type=args.type,
            title=args.title,
            source_date=args.date,
        )
        if result.failed:
            raise result.failed[0].error
        if not result.imported:
            raise CliError("nothing was imported")
        for doc in result.imported:
            say(
                f"imported {quoted(doc.name)}: {doc.length} characters, "
                f"{doc.paragraphs} paragraphs, {doc.turns} speaker turns"
            )
        if case_name:
            existing = session.scalar(select(Case.id).where(Case.name == case_name))
            if existing is None:
                case_id = create_case(session, name=case_name, attributes=values).id
            else:
                case_id = existing
                if values:
                    set_attributes(session, case_id=case_id, values=values)
            for doc in result.imported:
                link_document(session, case_id=case_id, document_id=doc.id)
            say(f"linked {len(result.imported)} document(s) to case {quoted(case_name)}")
    return 0
