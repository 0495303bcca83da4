"""In-memory stores wired the way the API wires the real ones (for tests through the real services)."""

from datetime import UTC, datetime

from chalicelib.invitations.ratelimit import SLOW_DOWN, WINDOW, CodeGuard
from chalicelib.invitations.service import InvitationStores
from chalicelib.limits.domain import Limit
from chalicelib.organisations.domain import Organisation
from tests.fakes.audit import InMemoryAuditLog
from tests.fakes.invitations import (
    InMemoryAttemptLog,
    InMemoryInvitationRepository,
    InMemoryMembershipRepository,
)
from tests.fakes.organisations import InMemoryOrganisationRepository

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
ORGANISATIONS = (
    Organisation("department-for-work-pensions", "Department for Work and Pensions", "department", "DWP",
                 ("dwp.gov.uk",)),
    Organisation("ministry-of-defence", "Ministry of Defence", "department", "MOD",
                 ("*.mod.gov.uk", "*.mod.uk", "mod.gov.uk")),
    Organisation("army", "British Army", "arms-length body", "", ("army.mod.uk",)),
    Organisation("home-office", "Home Office", "department", "HO", ("homeoffice.gov.uk",)),
    Organisation("closed-agency", "A Closed Agency", "arms-length body", "", ("closed.gov.uk",), active=False),
)


def make_stores(limit: int = 10, address_limit: int = 200) -> tuple[InvitationStores, InMemoryAuditLog]:
    audit = InMemoryAuditLog()
    memberships = InMemoryMembershipRepository()
    stores = InvitationStores(
        invitations=InMemoryInvitationRepository(memberships, audit),
        memberships=memberships,
        organisations=InMemoryOrganisationRepository(ORGANISATIONS),
        attempts=InMemoryAttemptLog(),
        guard=CodeGuard(Limit(limit, WINDOW, SLOW_DOWN), Limit(address_limit, WINDOW, SLOW_DOWN)),
    )
    return stores, audit
