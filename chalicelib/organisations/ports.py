"""What organisations need from storage: one repository, cached reads and audited writes."""

from collections.abc import Iterable
from typing import Protocol

from chalicelib.audit.domain import AuditEntry
from chalicelib.organisations.domain import Organisation


class OrganisationRepository(Protocol):
    def get(self, organisation_id: str) -> Organisation | None: ...

    def list_active(self) -> list[Organisation]:
        """Active organisations by name; may be up to a minute old (the table is read rarely)."""
        ...

    def list_all(self) -> list[Organisation]:
        """Every organisation, inactive ones too, read afresh (administrators' view)."""
        ...

    def put_many(self, organisations: Iterable[Organisation]) -> None:
        """Seed or replace organisations wholesale (the local stack and the tests)."""
        ...

    def create(self, organisation: Organisation, audit: AuditEntry) -> None:
        """Store a new organisation with its audit entry; ConflictError when the id is taken."""
        ...

    def replace(self, organisation: Organisation, audit: AuditEntry) -> None:
        """Replace an existing organisation with its audit entry; NotFoundError when there is none."""
        ...
