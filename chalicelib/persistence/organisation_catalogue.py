"""Organisations as administrators change them: conditional create/replace, each with its audit entry.

(Readers use persistence/organisations.py, which caches the active list for a minute.)
"""

from pynamodb.connection import Connection
from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.admin.audit import AuditEntry
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.organisations import Organisation
from chalicelib.persistence.audit import to_audit_model
from chalicelib.persistence.models import OrganisationModel
from chalicelib.persistence.organisations import to_organisation

TAKEN = "An organisation with that id already exists."
MISSING = "There is no organisation with that id."


class InMemoryOrganisationCatalogue:
    def __init__(self, organisations=(), audit=None):
        self.items = {org.id: org for org in organisations}
        self._audit = audit

    def get(self, organisation_id: str) -> Organisation | None:
        return self.items.get(organisation_id)

    def list_all(self) -> list[Organisation]:
        return list(self.items.values())

    def create(self, organisation: Organisation, audit: AuditEntry) -> None:
        if organisation.id in self.items:
            raise ConflictError(TAKEN)
        self.items[organisation.id] = organisation
        if self._audit is not None:
            self._audit.record(audit)

    def replace(self, organisation: Organisation, audit: AuditEntry) -> None:
        if organisation.id not in self.items:
            raise NotFoundError(MISSING)
        self.items[organisation.id] = organisation
        if self._audit is not None:
            self._audit.record(audit)


class DynamoOrganisationCatalogue:
    def get(self, organisation_id: str) -> Organisation | None:
        try:
            return to_organisation(OrganisationModel.get(organisation_id, consistent_read=True))
        except OrganisationModel.DoesNotExist:
            return None

    def list_all(self) -> list[Organisation]:
        return [to_organisation(item) for item in OrganisationModel.scan(consistent_read=True)]

    def create(self, organisation: Organisation, audit: AuditEntry) -> None:
        self._write(organisation, audit, OrganisationModel.organisation_id.does_not_exist(), ConflictError(TAKEN))

    def replace(self, organisation: Organisation, audit: AuditEntry) -> None:
        self._write(organisation, audit, OrganisationModel.organisation_id.exists(), NotFoundError(MISSING))

    @staticmethod
    def _write(organisation: Organisation, audit: AuditEntry, condition, refusal: Exception) -> None:
        row = OrganisationModel(
            organisation_id=organisation.id, name=organisation.name, kind=organisation.kind,
            abbreviation=organisation.abbreviation, domains=list(organisation.domains), active=organisation.active,
        )
        try:
            with TransactWrite(connection=Connection(region=OrganisationModel.Meta.region)) as transaction:
                transaction.save(row, condition=condition)
                transaction.save(to_audit_model(audit))
        except TransactWriteError as error:
            if error.cause_response_code == "TransactionCanceledException":
                raise refusal from None
            raise
