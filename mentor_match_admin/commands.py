"""What each CLI command does: the API's own services, called with the CLI as the actor."""

from datetime import UTC, datetime
from typing import TextIO

from chalicelib import dependencies as deps
from chalicelib.admin import organisations
from chalicelib.admin.audit import audit_entry
from chalicelib.admin.stats import COLUMNS as STATS_COLUMNS
from chalicelib.admin.stats import usage_stats
from chalicelib.auth import ADMINS_GROUP
from chalicelib.errors import NotFoundError
from chalicelib.invitations import service as invitations
from mentor_match_admin.context import Context
from mentor_match_admin.output import write_rows

INVITATION_COLUMNS = ("id", "organisation_id", "status", "uses", "max_uses", "expires_at", "created_at")
ORGANISATION_COLUMNS = ("id", "name", "kind", "abbreviation", "domains", "active")


def now() -> datetime:
    return datetime.now(UTC)


def create_invitation(ctx: Context, args, out: TextIO) -> None:
    body = {"organisation_id": args.organisation, "expires_in_days": args.days, "max_uses": args.max_uses}
    created = invitations.create_invitation(body, ctx.actor, deps.invitation_stores(), now())
    site = (args.site_url or ctx.settings.site_url).rstrip("/")
    out.write(f"Invitation {created['id']} to {created['organisation']['name']}: {created['max_uses']} uses, "
              f"until {created['expires_at']}.\n")
    out.write(f"Link (shown only now, copy it): {site}{created['link']}\n")


def list_invitations(ctx: Context, args, out: TextIO) -> None:
    write_rows(invitations.list_invitations(deps.invitation_stores(), now()), INVITATION_COLUMNS, out, args.csv)


def revoke_invitation(ctx: Context, args, out: TextIO) -> None:
    invitations.revoke_invitation(args.invitation_id, ctx.actor, deps.invitation_stores(), now())
    out.write(f"Invitation {args.invitation_id} revoked.\n")


def add_organisation(ctx: Context, args, out: TextIO) -> None:
    body = {"id": args.id, "name": args.name, "kind": args.kind, "abbreviation": args.abbreviation,
            "domains": args.domain or [], "active": not args.inactive}
    created = organisations.create_organisation(body, ctx.actor, deps.organisation_catalogue(), now())
    out.write(f"Organisation {created.id} added with domains: {', '.join(created.domains) or '(none)'}.\n")


def list_organisations(ctx: Context, args, out: TextIO) -> None:
    rows = organisations.list_organisations(deps.organisation_catalogue())
    if not args.all:
        rows = [row for row in rows if row["active"]]
    write_rows(rows, ORGANISATION_COLUMNS, out, args.csv)


def stats(ctx: Context, args, out: TextIO) -> None:
    figures = usage_stats(deps.people_source(), deps.mentorship_stats_source(),
                          deps.organisation_catalogue().list_all(), now())
    write_rows([*figures["organisations"], figures["totals"]], STATS_COLUMNS, out, args.csv)


def set_admin(ctx: Context, args, out: TextIO, member: bool) -> None:
    person = deps.directory().find_by_email(args.email)
    if person is None:
        raise NotFoundError("There is no account with that email address.")
    deps.directory().set_group(person.username, ADMINS_GROUP, member)
    action = "admin.add" if member else "admin.remove"
    deps.audit_log().record(audit_entry(ctx.actor, action, person.user_id, now()))
    verb = "is now" if member else "is no longer"
    out.write(f"Account {person.user_id} {verb} an administrator (from their next sign-in).\n")
