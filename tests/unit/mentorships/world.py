"""An in-memory world for the journey's unit tests: the real services over InMemory* stores."""

import itertools
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from chalicelib.bootstrap import assemble
from chalicelib.mentorships import service
from chalicelib.mentorships.domain import Mentorship
from chalicelib.profiles.domain import Profile
from chalicelib.settings import load_settings
from tests.fakes import in_memory_adapters

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
_ids = itertools.count(1)


@dataclass
class World:
    """The composition root over in-memory adapters, with a clock and helpers for the tests."""

    now: datetime = T0

    def __post_init__(self):
        self.adapters = in_memory_adapters()
        settings = replace(load_settings(), site_url="https://mentor-match.example")
        self.services = assemble(settings, self.adapters)
        self.stores = self.services.journey
        a = self.adapters
        self.profiles, self.messages, self.blocks, self.reports = a.profiles, a.messages, a.blocks, a.reports
        self.mentorships, self.people, self.outbox, self.accounts = a.mentorships, a.directory, a.email, a.accounts

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
        self.people.add(user_id, f"{user_id}@example.gov.uk")
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
