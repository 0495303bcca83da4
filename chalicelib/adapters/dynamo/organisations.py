"""Organisations in DynamoDB (``organisations.ports.OrganisationRepository``).

The table is small (hundreds of rows), so listing scans it. Readers keep the active list for a
minute to spare the table; this instance's own writes forget it at once. Every administrator's
change is written in one transaction with its audit entry.
"""

import time
from collections.abc import Callable, Iterable

from pynamodb.expressions.condition import Condition

from chalicelib.adapters.dynamo.audit import to_audit_model
from chalicelib.adapters.dynamo.tables import OrganisationModel, read_item
from chalicelib.adapters.dynamo.transact import transact
from chalicelib.audit.domain import AuditEntry
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.organisations.domain import Organisation

LIST_CACHE_SECONDS = 60
TAKEN = "An organisation with that id already exists."
MISSING = "There is no organisation with that id."


class DynamoOrganisationRepository:
    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._cached: tuple[float, list[Organisation]] | None = None

    def get(self, organisation_id: str) -> Organisation | None:
        """From the kept active list when it holds it (as fresh as the list); otherwise one read."""
        kept = self._cached[1] if self._cached and self._clock() - self._cached[0] < LIST_CACHE_SECONDS else []
        found = next((org for org in kept if org.id == organisation_id), None)
        if found is not None:
            return found
        item = read_item(OrganisationModel, organisation_id)
        return to_organisation(item) if item else None

    def list_active(self) -> list[Organisation]:
        if self._cached and self._clock() - self._cached[0] < LIST_CACHE_SECONDS:
            return self._cached[1]
        items = sorted((org for org in self._scan(consistent=False) if org.active), key=lambda o: o.name.casefold())
        self._cached = (self._clock(), items)
        return items

    def list_all(self) -> list[Organisation]:
        return self._scan(consistent=True)

    def put_many(self, organisations: Iterable[Organisation]) -> None:
        with OrganisationModel.batch_write() as batch:
            for org in organisations:
                batch.save(to_model(org))
        self._cached = None

    def create(self, organisation: Organisation, audit: AuditEntry) -> None:
        self._write(organisation, audit, OrganisationModel.organisation_id.does_not_exist(), ConflictError(TAKEN))

    def replace(self, organisation: Organisation, audit: AuditEntry) -> None:
        self._write(organisation, audit, OrganisationModel.organisation_id.exists(), NotFoundError(MISSING))

    def _write(self, organisation: Organisation, audit: AuditEntry, condition: Condition,
               refusal: Exception) -> None:
        with transact(refusal) as transaction:
            transaction.save(to_model(organisation), condition=condition)
            transaction.save(to_audit_model(audit))
        self._cached = None

    @staticmethod
    def _scan(consistent: bool) -> list[Organisation]:
        return [to_organisation(item) for item in OrganisationModel.scan(consistent_read=consistent)]


def to_model(organisation: Organisation) -> OrganisationModel:
    return OrganisationModel(
        organisation_id=organisation.id, name=organisation.name, kind=organisation.kind,
        abbreviation=organisation.abbreviation, domains=list(organisation.domains), active=organisation.active,
    )


def to_organisation(item: OrganisationModel) -> Organisation:
    return Organisation(
        id=item.organisation_id,
        name=item.name,
        kind=item.kind,
        abbreviation=item.abbreviation or "",
        domains=tuple(item.domains or ()),
        active=bool(item.active),
    )
