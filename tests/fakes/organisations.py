"""In-memory organisations: cached reads are plain reads here; writes record their audit entry."""

from collections.abc import Iterable

from chalicelib.audit.domain import AuditEntry
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.organisations.domain import Organisation
from tests.fakes.audit import InMemoryAuditLog

TAKEN = "An organisation with that id already exists."
MISSING = "There is no organisation with that id."


class InMemoryOrganisationRepository:
    def __init__(self, organisations: Iterable[Organisation] = (), audit: InMemoryAuditLog | None = None):
        self.items = {org.id: org for org in organisations}
        self._audit = audit

    def get(self, organisation_id: str) -> Organisation | None:
        return self.items.get(organisation_id)

    def list_active(self) -> list[Organisation]:
        return sorted((o for o in self.items.values() if o.active), key=lambda o: o.name.casefold())

    def list_all(self) -> list[Organisation]:
        return list(self.items.values())

    def put_many(self, organisations: Iterable[Organisation]) -> None:
        self.items.update({org.id: org for org in organisations})

    def create(self, organisation: Organisation, audit: AuditEntry) -> None:
        if organisation.id in self.items:
            raise ConflictError(TAKEN)
        self.items[organisation.id] = organisation
        self._record(audit)

    def replace(self, organisation: Organisation, audit: AuditEntry) -> None:
        if organisation.id not in self.items:
            raise NotFoundError(MISSING)
        self.items[organisation.id] = organisation
        self._record(audit)

    def _record(self, entry: AuditEntry) -> None:
        if self._audit is not None:
            self._audit.record(entry)
