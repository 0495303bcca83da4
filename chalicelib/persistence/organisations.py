"""Organisation storage: one interface, an in-memory and a DynamoDB implementation.

The organisations table is small (hundreds of rows), so listing scans it; readers keep the
list for a short while to spare the table.
"""

import time
from collections.abc import Iterable
from typing import Protocol

from chalicelib.organisations import Organisation
from chalicelib.persistence.models import OrganisationModel

LIST_CACHE_SECONDS = 60


class OrganisationRepository(Protocol):
    def get(self, organisation_id: str) -> Organisation | None: ...

    def list_active(self) -> list[Organisation]: ...

    def put_many(self, organisations: Iterable[Organisation]) -> None: ...


class InMemoryOrganisationRepository:
    def __init__(self, organisations: Iterable[Organisation] = ()):
        self._items = {org.id: org for org in organisations}

    def get(self, organisation_id: str) -> Organisation | None:
        return self._items.get(organisation_id)

    def list_active(self) -> list[Organisation]:
        return sorted((o for o in self._items.values() if o.active), key=lambda o: o.name.casefold())

    def put_many(self, organisations: Iterable[Organisation]) -> None:
        self._items.update({org.id: org for org in organisations})


class DynamoOrganisationRepository:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._cached: tuple[float, list[Organisation]] | None = None

    def get(self, organisation_id: str) -> Organisation | None:
        try:
            return to_organisation(OrganisationModel.get(organisation_id))
        except OrganisationModel.DoesNotExist:
            return None

    def list_active(self) -> list[Organisation]:
        if self._cached and self._clock() - self._cached[0] < LIST_CACHE_SECONDS:
            return self._cached[1]
        items = [to_organisation(item) for item in OrganisationModel.scan() if item.active]
        items.sort(key=lambda o: o.name.casefold())
        self._cached = (self._clock(), items)
        return items

    def put_many(self, organisations: Iterable[Organisation]) -> None:
        with OrganisationModel.batch_write() as batch:
            for org in organisations:
                batch.save(OrganisationModel(
                    organisation_id=org.id, name=org.name, kind=org.kind, abbreviation=org.abbreviation,
                    domains=list(org.domains), active=org.active,
                ))
        self._cached = None


def to_organisation(item: OrganisationModel) -> Organisation:
    return Organisation(
        id=item.organisation_id,
        name=item.name,
        kind=item.kind,
        abbreviation=item.abbreviation or "",
        domains=tuple(item.domains or ()),
        active=bool(item.active),
    )
