"""Listing organisations, and changing them (administrators only).

Rules: no domain may belong to two organisations; an organisation's id is a slug chosen at
creation and never changes; every change is written together with its audit entry.
"""

from datetime import datetime
from typing import Any

from chalicelib.audit.domain import audit_entry
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.organisations.domain import Organisation
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.organisations.schema import parse_change, parse_new


def list_active_organisations(organisations: OrganisationRepository) -> list[dict[str, Any]]:
    """The public list (GET /organisations): active organisations by name."""
    return [org.public_view() for org in organisations.list_active()]


def list_organisations(organisations: OrganisationRepository) -> list[dict[str, Any]]:
    """Every organisation, inactive ones included (administrators' view)."""
    return [org.admin_view() for org in sorted(organisations.list_all(), key=lambda o: o.name.casefold())]


def check_domains_are_free(organisation: Organisation, organisations: OrganisationRepository) -> None:
    mine = set(organisation.domains)
    for other in organisations.list_all():
        taken = mine & set(other.domains)
        if other.id != organisation.id and taken:
            raise ConflictError(
                f"{sorted(taken)[0]} already belongs to {other.name} ({other.id}).",
                fields={"domains": "a domain can belong to one organisation only"},
            )


def create_organisation(body: object, actor: str, organisations: OrganisationRepository,
                        now: datetime) -> Organisation:
    data = parse_new(body)
    organisation = data.to_organisation(data.id)
    check_domains_are_free(organisation, organisations)
    organisations.create(organisation, audit_entry(actor, "organisation.create", organisation.id, now))
    return organisation


def update_organisation(organisation_id: str, body: object, actor: str, organisations: OrganisationRepository,
                        now: datetime) -> Organisation:
    data = parse_change(body)
    if organisations.get(organisation_id) is None:
        raise NotFoundError("There is no organisation with that id.")
    organisation = data.to_organisation(organisation_id)
    check_domains_are_free(organisation, organisations)
    organisations.replace(organisation, audit_entry(actor, "organisation.update", organisation_id, now))
    return organisation
