"""An in-memory world for the journey's unit tests: the real services over InMemory* stores."""

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from chalicelib.mentorships import service
from chalicelib.mentorships.domain import Mentorship
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.notifications.notifier import Notifier
from chalicelib.notifications.senders import InMemoryEmailSender
from chalicelib.persistence.accounts import InMemoryAccountRepository
from chalicelib.persistence.mentorships import InMemoryMentorshipRepository
from chalicelib.persistence.messages import InMemoryMessageRepository
from chalicelib.persistence.people import InMemoryPeopleDirectory
from chalicelib.persistence.profiles import InMemoryProfileRepository
from chalicelib.persistence.safety import InMemoryBlockRepository, InMemoryReportRepository
from chalicelib.profiles.domain import Profile

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
_ids = itertools.count(1)


@dataclass
class World:
    now: datetime = T0
    profiles: InMemoryProfileRepository = field(default_factory=InMemoryProfileRepository)
    messages: InMemoryMessageRepository = field(default_factory=InMemoryMessageRepository)
    blocks: InMemoryBlockRepository = field(default_factory=InMemoryBlockRepository)
    reports: InMemoryReportRepository = field(default_factory=InMemoryReportRepository)
    people: InMemoryPeopleDirectory = field(default_factory=InMemoryPeopleDirectory)
    outbox: InMemoryEmailSender = field(default_factory=InMemoryEmailSender)
    accounts: InMemoryAccountRepository = field(default_factory=InMemoryAccountRepository)

    def __post_init__(self):
        self.mentorships = InMemoryMentorshipRepository(self.profiles, self.messages)
        notifier = Notifier(self.outbox, self.people, self.profiles, "https://mentor-match.example")
        self.stores = JourneyStores(self.mentorships, self.messages, self.profiles, self.blocks, self.reports,
                                    self.people, notifier)

    def later(self, **delta) -> datetime:
        self.now = self.now + timedelta(**delta)
        return self.now

    def person(self, name: str = "", roles=("mentee",), capacity: int = 0, accepting: bool = False, **extra) -> str:
        user_id = f"user-{next(_ids):04d}"
        name = name or f"Person {user_id}"
        self.profiles.save(Profile(
            user_id=user_id, display_name=name, job_title="", bio="", organisation_id="hm-revenue-customs",
            grade="HEO", location="Leeds", roles=tuple(roles), mentor_capacity=capacity,
            accepting_requests=accepting, **extra,
        ))
        self.people.emails[user_id] = f"{user_id}@example.gov.uk"
        return user_id

    def mentor(self, name: str = "", capacity: int = 2) -> str:
        return self.person(name, roles=("mentor",), capacity=capacity, accepting=True)

    def mentee(self, name: str = "") -> str:
        return self.person(name, roles=("mentee",))

    def ask(self, mentee: str, mentor: str, message: str = "Would you mentor me?") -> Mentorship:
        return service.request_mentorship(mentee, {"mentor_id": mentor, "message": message}, self.stores, self.now)

    def accept(self, mentorship: Mentorship) -> Mentorship:
        return service.accept_mentorship(mentorship.mentorship_id, mentorship.mentor_id, None, self.stores, self.now)

    def status(self, mentorship: Mentorship) -> str:
        return self.mentorships.get(mentorship.mentorship_id).status

    def sent(self, template_id: str | None = None) -> list:
        return [e for e in self.outbox.sent if template_id is None or e.template_id == template_id]

    def set_profile(self, user_id: str, **changes) -> None:
        self.profiles.save(self.profiles.get(user_id).with_changes(**changes))
