"""``telaah case PROJECT [CASE] [--code CODE | --clear-code]``: the informant codes.

Without CASE every case is listed with its informant code (``*`` marks a code the researcher
set; the others are derived from the group). With CASE (its name or alias) and ``--code`` the
code is set, with ``--clear-code`` it goes back to the derived one.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import opened, say
from app.coding.informants import find_case, list_informants, set_informant_code


def register(commands: Any) -> None:
    parser = commands.add_parser("case", help="list cases with informant codes, or set one")
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument("case", metavar="CASE", nargs="?", help="name or alias of a case")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--code", metavar="CODE", help="informant code, e.g. AP1")
    action.add_argument("--clear-code", action="store_true", help="use the derived code again")
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.case is None and (args.code is not None or args.clear_code):
        args.parser.error("give the CASE whose code to set")
    with opened(args.project) as project, project.session() as session:
        if args.case is not None:
            case_id = find_case(session, ref=args.case)
            if args.code is not None or args.clear_code:
                set_informant_code(session, case_id=case_id, code=None if args.clear_code
                                   else args.code)  # fmt: skip
            shown = [i for i in list_informants(session) if i.case_id == case_id]
        else:
            shown = list(list_informants(session))
    for informant in shown:
        mark = "*" if informant.own else " "
        alias = f" ({informant.alias})" if informant.alias else ""
        group = f" — {informant.group}" if informant.group else ""
        say(f"{informant.code}{mark}\t{informant.name}{alias}{group}")
    return 0
