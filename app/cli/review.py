"""``telaah agreement`` and ``telaah merge`` (SPEC §5)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli.common import CliError, ask_password, opened, project_target, say
from app.coding.agreement import AgreementReport, Figures, compute_agreement
from app.coding.merge import merge_project_file


def register(commands: Any) -> None:
    agreement = commands.add_parser(
        "agreement", help="intercoder agreement of two coders (percent, kappa, alpha)"
    )
    agreement.add_argument("project", metavar="PROJECT")
    agreement.add_argument("--coders", nargs=2, metavar=("A", "B"), required=True)
    agreement.add_argument(
        "--document", metavar="NAME", action="append", help="compare only these documents"
    )
    agreement.add_argument("--json", action="store_true", help="print one JSON object")
    agreement.set_defaults(run=run_agreement)

    merge = commands.add_parser(
        "merge", help="bring in another copy's codings, memos, comments and review marks"
    )
    merge.add_argument("project", metavar="PROJECT")
    merge.add_argument("other", metavar="OTHER_PROJECT")
    merge.set_defaults(run=run_merge)


def _figures(f: Figures) -> dict[str, float | None]:
    return {
        "percent_agreement": f.percent_agreement,
        "cohen_kappa": f.cohen_kappa,
        "krippendorff_alpha": f.krippendorff_alpha,
        "coded_agreement": f.coded_agreement,
    }


def agreement_json(report: AgreementReport) -> dict[str, Any]:
    """The layout of SPEC §5: ``{"overall": {...}, "codes": {KEY: {...}}}`` plus context."""
    return {
        "coders": [report.coder_a, report.coder_b],
        "documents": list(report.documents),
        "overall": _figures(report.overall),
        "codes": {key: _figures(f) for key, f in report.codes.items()},
        "disagreements": len(report.disagreements),
    }


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def run_agreement(args: argparse.Namespace) -> int:
    with opened(args.project) as project, project.session() as session:
        report = compute_agreement(
            session, coder_a=args.coders[0], coder_b=args.coders[1], document_names=args.document
        )
    if args.json:
        say(json.dumps(agreement_json(report), ensure_ascii=False, indent=2), lines=True)
        return 0
    width = max([len(k) for k in report.codes] + [len("overall")])
    # Kappa and alpha first; percent agreement counts uncoded text as agreement.
    say(f"{'code':<{width}}  kappa  alpha  coded  agree(incl. uncoded)")
    for key, f in [*report.codes.items(), ("overall", report.overall)]:
        say(
            f"{key:<{width}}  {_fmt(f.cohen_kappa)}  {_fmt(f.krippendorff_alpha)}"
            f"  {_fmt(f.coded_agreement)}  {_fmt(f.percent_agreement)}"
        )
    say(f"{len(report.documents)} documents, {len(report.disagreements)} disagreements")
    return 0


def _same_project(ours: str | Path, other: str | Path) -> bool:
    if isinstance(ours, Path) and isinstance(other, Path):
        return ours.exists() and ours.resolve() == other.resolve()
    return str(ours) == str(other)


def run_merge(args: argparse.Namespace) -> int:
    ours_target, other_target = project_target(args.project), project_target(args.other)
    if _same_project(ours_target, other_target):
        raise CliError("a project cannot be merged into itself")
    with opened(ours_target) as project, project.session() as ours:
        report = merge_project_file(ours, path=other_target, ask_password=ask_password)
    if report.changed:
        say("merged: " + ", ".join(f"{n} {kind}" for kind, n in report.added.items()))
    else:
        say("nothing new to merge")
    for c in report.conflicts:
        say(f"conflict ({c.kind}) {c.key}: kept {c.ours!r}, theirs {c.theirs!r}")
    return 0
