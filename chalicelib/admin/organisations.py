"""Managing organisations and their email domains (administrators only).

Rules: the body is validated strictly (unknown fields refused); domains are stored lower-case
and checked by ``check_organisation_domain`` (no public suffixes, no public-sector wildcards);
no domain may belong to two organisations; an organisation's id is a slug chosen at creation
and never changes. Every change is written together with its audit entry.
"""

from datetime import datetime
from typing import Annotated, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from chalicelib.admin.audit import AuditEntry, audit_entry
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.gate.domains import DomainRefusedError, check_organisation_domain
from chalicelib.organisations import Organisation
from chalicelib.validation import parse_body

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=64)]


class OrganisationChange(BaseModel):
    """PUT /organisations/{id}: the whole organisation except its id."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    name: Annotated[str, StringConstraints(min_length=2, max_length=160)]
    kind: Literal["department", "arms-length body", "profession", "external"]
    abbreviation: Annotated[str, StringConstraints(max_length=20)] = ""
    domains: Annotated[list[Annotated[str, StringConstraints(max_length=253)]], Field(max_length=50)] = []
    active: bool = True

    @field_validator("domains")
    @classmethod
    def _own_domains_only(cls, domains: list[str]) -> list[str]:
        try:
            return sorted({check_organisation_domain(domain) for domain in domains})
        except DomainRefusedError as error:
            raise ValueError(str(error)) from None


class NewOrganisation(OrganisationChange):
    """POST /organisations: as above, with the id (a lower-case slug such as 'home-office')."""

    id: Slug


class OrganisationCatalogue(Protocol):
    def get(self, organisation_id: str) -> Organisation | None: ...

    def list_all(self) -> list[Organisation]: ...

    def create(self, organisation: Organisation, audit: AuditEntry) -> None:
        """Store a new organisation; ConflictError when the id is taken."""

    def replace(self, organisation: Organisation, audit: AuditEntry) -> None:
        """Replace an existing organisation; NotFoundError when there is none."""


def parse(model: type[BaseModel], body: object) -> BaseModel:
    return parse_body(model, body, "organisation")


def check_domains_are_free(organisation: Organisation, catalogue: OrganisationCatalogue) -> None:
    mine = set(organisation.domains)
    for other in catalogue.list_all():
        taken = mine & set(other.domains)
        if other.id != organisation.id and taken:
            raise ConflictError(
                f"{sorted(taken)[0]} already belongs to {other.name} ({other.id}).",
                fields={"domains": "a domain can belong to one organisation only"},
            )


def to_organisation(organisation_id: str, data: OrganisationChange) -> Organisation:
    return Organisation(id=organisation_id, name=data.name, kind=data.kind, abbreviation=data.abbreviation,
                        domains=tuple(data.domains), active=data.active)


def admin_view(organisation: Organisation) -> dict:
    return {**organisation.public_view(), "active": organisation.active}


def create_organisation(body: object, actor: str, catalogue: OrganisationCatalogue, now: datetime) -> Organisation:
    data = parse(NewOrganisation, body)
    organisation = to_organisation(data.id, data)
    check_domains_are_free(organisation, catalogue)
    catalogue.create(organisation, audit_entry(actor, "organisation.create", organisation.id, now))
    return organisation


def update_organisation(
    organisation_id: str, body: object, actor: str, catalogue: OrganisationCatalogue, now: datetime
) -> Organisation:
    data = parse(OrganisationChange, body)
    if catalogue.get(organisation_id) is None:
        raise NotFoundError("There is no organisation with that id.")
    organisation = to_organisation(organisation_id, data)
    check_domains_are_free(organisation, catalogue)
    catalogue.replace(organisation, audit_entry(actor, "organisation.update", organisation_id, now))
    return organisation


def list_organisations(catalogue: OrganisationCatalogue) -> list[dict]:
    """Every organisation, inactive ones included (administrators' view)."""
    return [admin_view(org) for org in sorted(catalogue.list_all(), key=lambda o: o.name.casefold())]
