"""What each CLI command does: the API's own services, called with the CLI as the actor."""

from datetime import UTC, datetime
from typing import TextIO

from chalicelib.audit.domain import audit_entry
from chalicelib.auth import ADMINS_GROUP
from chalicelib.errors import NotFoundError
from chalicelib.invitations import service as invitations
from chalicelib.organisations import service as organisations
from chalicelib.usage.service import COLUMNS as STATS_COLUMNS
from chalicelib.usage.service import usage_stats
from mentor_match_admin.context import Context
from mentor_match_admin.output import write_rows

INVITATION_COLUMNS = ("id", "organisation_id", "status", "uses", "max_uses", "expires_at", "created_at")
ORGANISATION_COLUMNS = ("id", "name", "kind", "abbreviation", "domains", "active")


def now() -> datetime:
    return datetime.now(UTC)


def create_invitation(ctx: Context, args, out: TextIO) -> None:
    body = {"organisation_id": args.organisation, "expires_in_days": args.days, "max_uses": args.max_uses}
    created = invitations.create_invitation(body, ctx.actor, ctx.services.invitations, now())
    site = (args.site_url or ctx.services.settings.site_url).rstrip("/")
    out.write(f"Invitation {created['id']} to {created['organisation']['name']}: {created['max_uses']} uses, "
              f"until {created['expires_at']}.\n")
    out.write(f"Link (shown only now, copy it): {site}{created['link']}\n")


def list_invitations(ctx: Context, args, out: TextIO) -> None:
    write_rows(invitations.list_invitations(ctx.services.invitations, now()), INVITATION_COLUMNS, out, args.csv)


def revoke_invitation(ctx: Context, args, out: TextIO) -> None:
    invitations.revoke_invitation(args.invitation_id, ctx.actor, ctx.services.invitations, now())
    out.write(f"Invitation {args.invitation_id} revoked.\n")


def add_organisation(ctx: Context, args, out: TextIO) -> None:
    body = {"id": args.id, "name": args.name, "kind": args.kind, "abbreviation": args.abbreviation,
            "domains": args.domain or [], "active": not args.inactive}
    created = organisations.create_organisation(body, ctx.actor, ctx.services.adapters.organisations, now())
    out.write(f"Organisation {created.id} added with domains: {', '.join(created.domains) or '(none)'}.\n")


def list_organisations(ctx: Context, args, out: TextIO) -> None:
    rows = organisations.list_organisations(ctx.services.adapters.organisations)
    if not args.all:
        rows = [row for row in rows if row["active"]]
    write_rows(rows, ORGANISATION_COLUMNS, out, args.csv)


def stats(ctx: Context, args, out: TextIO) -> None:
    a = ctx.services.adapters
    figures = usage_stats(a.people_figures, a.request_figures, a.organisations.list_all(), now())
    write_rows([*figures["organisations"], figures["totals"]], STATS_COLUMNS, out, args.csv)


def set_admin(ctx: Context, args, out: TextIO, member: bool) -> None:
    directory = ctx.services.adapters.directory
    person = directory.find_by_email(args.email)
    if person is None:
        raise NotFoundError("There is no account with that email address.")
    directory.set_group(person.username, ADMINS_GROUP, member)
    action = "admin.add" if member else "admin.remove"
    ctx.services.adapters.audit.record(audit_entry(ctx.actor, action, person.user_id, now()))
    verb = "is now" if member else "is no longer"
    out.write(f"Account {person.user_id} {verb} an administrator (from their next sign-in).\n")


def reindex(ctx: Context, args, out: TextIO) -> None:
    """Every profile's entries in the search indexes (mentors; names), as a save would write them: once
    after deploying the indexes (profiles saved before have none), or to mend them. Unchanged entries
    are not written again."""
    count = 0
    for profile in ctx.services.adapters.profiles.scan_all():
        ctx.services.index_profile(profile)
        count += 1
    out.write(f"{count} profiles indexed.\n")
