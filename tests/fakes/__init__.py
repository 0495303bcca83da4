"""In-memory adapters: real implementations of every port over dicts, for tests through the real services.

``in_memory_adapters()`` builds the same ``Adapters`` bundle the AWS build makes, so
``bootstrap.assemble(settings, in_memory_adapters())`` is the composition root with no AWS at all.
"""

import base64
import json
from collections.abc import Iterable

from chalicelib.bootstrap import Adapters
from chalicelib.organisations.domain import Organisation
from tests.fakes.accounts import InMemoryAccountRepository, InMemoryDirectory
from tests.fakes.audit import InMemoryAuditLog
from tests.fakes.federation import InMemoryLinker, InMemoryUserPools
from tests.fakes.invitations import (
    InMemoryAttemptLog,
    InMemoryInvitationRepository,
    InMemoryMembershipRepository,
)
from tests.fakes.match_lists import InMemoryMatchListRepository, InMemorySnapshotStore
from tests.fakes.mentor_search import InMemoryMentorSearchIndex, InMemoryNameIndex
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
from tests.fakes.sessions import InMemorySignIn, Mint
from tests.fakes.usage import InMemoryUsage


def unsigned_token(**claims: object) -> str:
    """A JWT-shaped token no verifier accepts (for tests that never send tokens to the API)."""
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    return f"{part({'alg': 'none'})}.{part(dict(claims))}."


def in_memory_adapters(organisations: Iterable[Organisation] = (), mint: Mint = unsigned_token) -> Adapters:
    """Every adapter in memory; ``mint`` signs the tokens the sign-in provider issues."""
    audit = InMemoryAuditLog()
    directory = InMemoryDirectory()
    profiles, messages, reports = InMemoryProfileRepository(), InMemoryMessageRepository(), InMemoryReportRepository()
    mentorships = InMemoryMentorshipRepository(profiles, messages)
    memberships = InMemoryMembershipRepository()
    match_lists = InMemoryMatchListRepository()
    search, names = InMemoryMentorSearchIndex(), InMemoryNameIndex()
    usage = InMemoryUsage(profiles, mentorships, reports)
    owned = InMemoryOwnedItems({"profiles": profiles.forget, "matches": match_lists.forget,
                                "memberships": memberships.forget, "search-mentors": search.forget,
                                "search-names": names.forget})
    return Adapters(
        profiles=profiles, organisations=InMemoryOrganisationRepository(organisations, audit),
        accounts=InMemoryAccountRepository(audit), directory=directory, audit=audit,
        invitations=InMemoryInvitationRepository(memberships, audit), memberships=memberships,
        attempts=InMemoryAttemptLog(), mentorships=mentorships, messages=messages,
        blocks=InMemoryBlockRepository(), reports=reports, match_lists=match_lists,
        snapshots=InMemorySnapshotStore(), owned_items=owned, people_figures=usage, request_figures=usage,
        email=InMemoryEmailSender(), sign_in=InMemorySignIn(directory, mint),
        user_pools=InMemoryUserPools(directory, InMemoryLinker(directory)), mentor_search=search,
        names=names,
    )
