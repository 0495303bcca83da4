"""The command line: argparse sub-commands, each one service call.

    python -m mentor_match_admin invitations create --organisation home-office --max-uses 50 [--days 30]
    python -m mentor_match_admin invitations list [--csv]
    python -m mentor_match_admin invitations revoke INVITATION_ID
    python -m mentor_match_admin organisations add --id ID --name NAME --kind KIND [--domain D ...]
    python -m mentor_match_admin organisations list [--all] [--csv]
    python -m mentor_match_admin stats [--csv]
    python -m mentor_match_admin admins add|remove EMAIL
    python -m mentor_match_admin search reindex
"""

import argparse
import sys
from functools import partial
from typing import TextIO

from chalicelib.errors import MentorMatchError
from chalicelib.organisations.domain import KINDS
from mentor_match_admin import commands
from mentor_match_admin.context import SetupError, open_context


def _invitations(sub) -> None:
    group = sub.add_parser("invitations", help="create, list and revoke invitation links").add_subparsers(
        dest="action", required=True)
    create = group.add_parser("create", help="create a link (shown once)")
    create.add_argument("--organisation", required=True, help="organisation id (see 'organisations list')")
    create.add_argument("--max-uses", type=int, required=True)
    create.add_argument("--days", type=int, default=30, help="days until it expires (1-180, default 30)")
    create.add_argument("--site-url", help="the site's origin for the printed link (default: SITE_URL)")
    create.set_defaults(run=commands.create_invitation)
    listing = group.add_parser("list", help="every invitation (never a code)")
    listing.add_argument("--csv", action="store_true")
    listing.set_defaults(run=commands.list_invitations)
    revoke = group.add_parser("revoke", help="revoke at once")
    revoke.add_argument("invitation_id")
    revoke.set_defaults(run=commands.revoke_invitation)


def _organisations(sub) -> None:
    group = sub.add_parser("organisations", help="add and list organisations").add_subparsers(
        dest="action", required=True)
    add = group.add_parser("add", help="add an organisation and its email domains")
    add.add_argument("--id", required=True, help="lower-case slug, e.g. office-for-mentoring")
    add.add_argument("--name", required=True)
    add.add_argument("--kind", required=True, choices=KINDS)
    add.add_argument("--abbreviation", default="")
    add.add_argument("--domain", action="append", help="an email domain (repeat for more)")
    add.add_argument("--inactive", action="store_true")
    add.set_defaults(run=commands.add_organisation)
    listing = group.add_parser("list", help="active organisations (--all: inactive too)")
    listing.add_argument("--all", action="store_true")
    listing.add_argument("--csv", action="store_true")
    listing.set_defaults(run=commands.list_organisations)


def _admins(sub) -> None:
    group = sub.add_parser("admins", help="grant or remove administrator rights").add_subparsers(
        dest="action", required=True)
    for verb, member in (("add", True), ("remove", False)):
        parser = group.add_parser(verb, help=f"{verb} an administrator by email")
        parser.add_argument("email")
        parser.set_defaults(run=partial(commands.set_admin, member=member))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mentor_match_admin",
                                     description="Administer Mentor Match (the same services as the admin API).")
    sub = parser.add_subparsers(dest="command", required=True)
    _invitations(sub)
    _organisations(sub)
    stats = sub.add_parser("stats", help="usage figures by organisation")
    stats.add_argument("--csv", action="store_true")
    stats.set_defaults(run=commands.stats)
    _admins(sub)
    search = sub.add_parser("search", help="the indexes that find mentors and people").add_subparsers(
        dest="action", required=True)
    search.add_parser("reindex", help="index every profile (after deploying the search table)").set_defaults(
        run=commands.reindex)
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        args.run(open_context(), args, out)
    except (MentorMatchError, SetupError) as error:
        message = getattr(error, "message", str(error))
        err.write(f"error: {message}\n")
        for name, problem in getattr(error, "fields", {}).items():
            if f"{name}: {problem}" not in message:
                err.write(f"  {name}: {problem}\n")
        return 1
    return 0
