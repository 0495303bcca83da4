"""Organisations as administrators send them, validated with pydantic (unknown fields refused).

Domains are stored lower-case, sorted, without duplicates, and checked by
``domains.check_organisation_domain`` (no public suffixes, no public-sector wildcards).
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from chalicelib.organisations.domain import Organisation
from chalicelib.organisations.domains import DomainRefusedError, check_organisation_domain
from chalicelib.text import CleanText
from chalicelib.validation import Reply, parse_body

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=64)]


class OrganisationChange(BaseModel):
    """PUT /organisations/{id}: the whole organisation except its id."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    name: Annotated[str, CleanText(160, 2, name=True)]
    kind: Literal["department", "arms-length body", "profession", "external"]
    abbreviation: Annotated[str, CleanText(20, name=True)] = ""
    domains: Annotated[list[Annotated[str, StringConstraints(max_length=253)]], Field(max_length=50)] = []
    active: bool = True

    @field_validator("domains")
    @classmethod
    def _own_domains_only(cls, domains: list[str]) -> list[str]:
        try:
            return sorted({check_organisation_domain(domain) for domain in domains})
        except DomainRefusedError as error:
            raise ValueError(str(error)) from None

    def to_organisation(self, organisation_id: str) -> Organisation:
        return Organisation(id=organisation_id, name=self.name, kind=self.kind, abbreviation=self.abbreviation,
                            domains=tuple(self.domains), active=self.active)


class NewOrganisation(OrganisationChange):
    """POST /organisations: as above, with the id (a lower-case slug such as 'home-office')."""

    id: Slug


def parse_new(body: object) -> NewOrganisation:
    return parse_body(NewOrganisation, body, "organisation")


def parse_change(body: object) -> OrganisationChange:
    return parse_body(OrganisationChange, body, "organisation")


class OrganisationReply(Reply):
    id: str
    name: str
    kind: Literal["department", "arms-length body", "profession", "external"]
    abbreviation: str
    domains: list[str]


class AdminOrganisationReply(OrganisationReply):
    active: bool


class OrganisationsReply(Reply):
    organisations: list[OrganisationReply]


class AdminOrganisationsReply(Reply):
    organisations: list[AdminOrganisationReply]
