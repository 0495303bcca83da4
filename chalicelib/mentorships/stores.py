"""What the journey's services work with, passed in as one bundle (built by chalicelib/bootstrap.py)."""

from dataclasses import dataclass

from chalicelib.accounts.ports import AccountRepository, Directory
from chalicelib.limits.service import ActionLimits
from chalicelib.mentorships.ports import (
    BlockRepository,
    MentorshipRepository,
    MessageRepository,
    Notices,
    ReportRepository,
)
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.ports import ProfileRepository


@dataclass(frozen=True)
class JourneyStores:
    mentorships: MentorshipRepository
    messages: MessageRepository
    profiles: ProfileRepository
    blocks: BlockRepository
    reports: ReportRepository
    directory: Directory
    notices: Notices
    accounts: AccountRepository
    limits: ActionLimits

    def is_active(self, user_id: str) -> bool:
        """Rule: a suspended or deleted person is invisible to others: they cannot be found, asked,
        accepted or messaged (their own mentorships still show them by name)."""
        standing = self.accounts.get(user_id)
        return standing is None or standing.state == "active"

    def visible_profile(self, user_id: str) -> Profile | None:
        """The person's profile, if they have one and are active; None otherwise."""
        profile = self.profiles.get(user_id)
        return profile if profile is not None and self.is_active(user_id) else None
