"""REFI-QDA on the command line.

``telaah export PROJECT qdpx -o OUT.qdpx [--language id|en]`` (a kind of ``export``, see
:func:`add_qdpx`), ``telaah import-qdpx FILE.qdpx PROJECT`` (creates PROJECT, which must not
exist), ``telaah codebook PROJECT export|import FILE.qdc [--codebook KEY]`` and
``telaah codebook PROJECT update CODEBOOK [--texts]`` (adds the codes of the bundled
codebook's newer version, see :mod:`app.coding.codebooks`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli.common import CliError, opened, say
from app.coding.codebooks import update_codebook
from app.coding.limits import quoted
from app.coding.refiqda import export_qdc, export_qdpx, import_qdc, import_qdpx
from app.models.schema import Codebook

LANGUAGES = ("id", "en")


def add_qdpx(kinds: Any) -> None:
    """The ``qdpx`` kind of ``telaah export``."""
    parser = kinds.add_parser("qdpx", help="the whole project as REFI-QDA (.qdpx)")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, type=Path)
    parser.add_argument("--language", choices=LANGUAGES, default="id", help="code names")
    parser.set_defaults(export=run_qdpx)


def run_qdpx(args: argparse.Namespace, session: Session) -> int:
    result = export_qdpx(
        session, path=args.output, project_name=Path(args.project).stem, language=args.language
    )
    say(
        f"wrote {result.path}: {result.documents} documents, {result.codes} codes, "
        f"{result.codings} codings, {result.cases} cases, {result.notes} notes"
    )
    return 0


def register(commands: Any) -> None:
    parser = commands.add_parser("import-qdpx", help="a new project from a REFI-QDA .qdpx")
    parser.add_argument("file", metavar="FILE.qdpx", type=Path)
    parser.add_argument("project", metavar="PROJECT", type=Path, help="the new project file")
    parser.set_defaults(run=run_import)
    book = commands.add_parser(
        "codebook", help="export or import a REFI-QDA codebook (.qdc), or update a bundled one"
    )
    book.add_argument("project", metavar="PROJECT")
    book.add_argument("action", choices=("export", "import", "update"))
    book.add_argument(
        "file", metavar="FILE.qdc|CODEBOOK", type=Path, help="the .qdc file, or (update) the key"
    )
    book.add_argument(
        "--texts",
        action="store_true",
        help="update: also take the new names, definitions and references of existing codes",
    )
    book.add_argument("--codebook", metavar="KEY", help="the codebook to export")
    book.add_argument("--language", choices=LANGUAGES, default="id", help="code names (export)")
    book.set_defaults(run=run_codebook)


def run_import(args: argparse.Namespace) -> int:
    report = import_qdpx(path=args.file, project_path=args.project)
    say(
        f"created {args.project}: {len(report.documents)} documents, {report.codes} codes, "
        f"{report.codings} codings, {report.cases} cases, {report.memos} memos"
    )
    if report.skipped or report.warnings:
        from app.cli.messages import skip_reason  # the sentences, only when they are needed

        for heading, items in (("not imported", report.skipped), ("warning", report.warnings)):
            for item in items:
                times = f" ×{item.count}" if item.count > 1 else ""
                which = [f"code {quoted(item.code)}"] if item.code else []
                if item.start is not None:
                    which.append(f"positions {item.start}-{item.end}")
                if item.snippet:
                    which.append(quoted(item.snippet, limit=40))
                detail = f" ({', '.join(which)})" if which else ""
                what = f"{item.kind} {quoted(item.name)}{detail}"
                say(f"{heading}: {what}{times}: {skip_reason(item.reason)}")
    return 0


def _codebook_key(session: Session, args: argparse.Namespace) -> str:
    keys = list(session.scalars(select(Codebook.key).order_by(Codebook.sort_order, Codebook.id)))
    if args.codebook:
        return str(args.codebook)
    stem: str = Path(args.file).stem
    if stem in keys:
        return stem
    if len(keys) == 1:
        return keys[0]
    raise CliError("choose the codebook with --codebook KEY: " + (", ".join(keys) or "none"))


def run_codebook(args: argparse.Namespace) -> int:
    with opened(args.project) as project, project.session() as session:
        if args.action == "export":
            key = _codebook_key(session, args)
            done = export_qdc(session, codebook_key=key, path=args.file, language=args.language)
            say(f"wrote {done.path}: codebook {done.codebook_key}, {done.codes} codes")
        elif args.action == "update":
            update = update_codebook(session, key=str(args.file), texts=args.texts)
            say(
                f"codebook {update.codebook_key}: version {update.from_version or 1} -> "
                f"{update.to_version}, {len(update.added)} codes added, "
                f"{len(update.changed)} codes with new texts or rules"
            )
            for key in update.added:
                say(f"added {key}")
            for key in update.renamed:
                say(f"renamed {key}")
            for key in update.skipped:
                say(f"not added (its parent was deleted): {key}")
        else:
            added = import_qdc(session, path=args.file)
            say(f"imported codebook {added.codebook_key} ({added.codes} codes)")
    return 0
