"""In-memory adapters: real implementations of every port over dicts, for tests through the real services.

``in_memory_adapters()`` builds the same ``Adapters`` bundle the AWS build makes, so
``bootstrap.assemble(settings, in_memory_adapters())`` is the composition root with no AWS at all.
"""

from collections.abc import Iterable

from chalicelib.bootstrap import Adapters
from chalicelib.organisations.domain import Organisation
from tests.fakes.accounts import InMemoryAccountRepository, InMemoryDirectory
from tests.fakes.audit import InMemoryAuditLog
from tests.fakes.invitations import (
    InMemoryAttemptLog,
    InMemoryInvitationRepository,
    InMemoryMembershipRepository,
)
from tests.fakes.match_lists import InMemoryMatchListRepository, InMemorySnapshotStore
from tests.fakes.mentorships import (
    InMemoryBlockRepository,
    InMemoryMentorshipRepository,
    InMemoryMessageRepository,
    InMemoryReportRepository,
)
from tests.fakes.notifications import InMemoryEmailSender
from tests.fakes.organisations import InMemoryOrganisationRepository
from tests.fakes.privacy import InMemoryOwnedItems
from tests.fakes.profiles import InMemoryProfileRepository
from tests.fakes.usage import InMemoryUsage


def in_memory_adapters(organisations: Iterable[Organisation] = ()) -> Adapters:
    audit = InMemoryAuditLog()
    profiles, messages, reports = InMemoryProfileRepository(), InMemoryMessageRepository(), InMemoryReportRepository()
    mentorships = InMemoryMentorshipRepository(profiles, messages)
    memberships = InMemoryMembershipRepository()
    match_lists = InMemoryMatchListRepository()
    usage = InMemoryUsage(profiles, mentorships, reports)
    owned = InMemoryOwnedItems({"profiles": profiles.forget, "matches": match_lists.forget,
                                "memberships": memberships.forget})
    return Adapters(
        profiles=profiles, organisations=InMemoryOrganisationRepository(organisations, audit),
        accounts=InMemoryAccountRepository(audit), directory=InMemoryDirectory(), audit=audit,
        invitations=InMemoryInvitationRepository(memberships, audit), memberships=memberships,
        attempts=InMemoryAttemptLog(), mentorships=mentorships, messages=messages,
        blocks=InMemoryBlockRepository(), reports=reports, match_lists=match_lists,
        snapshots=InMemorySnapshotStore(), owned_items=owned, people_figures=usage, request_figures=usage,
        email=InMemoryEmailSender(),
    )
