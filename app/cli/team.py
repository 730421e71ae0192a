"""``telaah team URL add NAME --role R [--password-file F]`` and ``telaah team URL list``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from app.cli.common import CliError, opened, say
from app.models.server import is_server_target
from app.models.team import ROLES, add_member, list_members


def register(commands: Any) -> None:
    team = commands.add_parser("team", help="team logins and roles of a server project")
    team.add_argument("url", metavar="URL", help="postgresql+psycopg://ADMIN@HOST:PORT/DB")
    actions = team.add_subparsers(dest="team_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="create a login (or change its role or password)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument(
        "--password-file", metavar="F", type=Path, help="first line is the password (else asked)"
    )
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help="every login of the team with its role")
    listing.set_defaults(run=run_list)


def _password(args: argparse.Namespace) -> str:
    if args.password_file is not None:
        lines = args.password_file.read_text(encoding="utf-8").splitlines()
        password = lines[0].strip() if lines else ""
    elif sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass(f"password for the new login {args.name}: ")
    else:
        raise CliError("give the new login's password with --password-file F")
    if not password:
        raise CliError("the password is empty")
    return password


def _check(args: argparse.Namespace) -> None:
    if not is_server_target(args.url):
        raise CliError("team works on a server project (postgresql+psycopg://…)")


def run_add(args: argparse.Namespace) -> int:
    _check(args)
    password = _password(args)
    with opened(args.url) as project, project.engine.begin() as conn:
        add_member(conn, name=args.name, role=args.role, password=password)
    say(f"{args.name} is now {args.role} of {project.location}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    _check(args)
    with opened(args.url) as project, project.engine.connect() as conn:
        members = list_members(conn)
    width = max(len(m.name) for m in members)
    for member in members:
        say(f"{member.name:<{width}}  {member.role}")
    return 0
