"""What the journey's services work with, passed in as one bundle (built by chalicelib/bootstrap.py)."""

from dataclasses import dataclass

from chalicelib.accounts.ports import Directory
from chalicelib.mentorships.ports import (
    BlockRepository,
    MentorshipRepository,
    MessageRepository,
    Notices,
    ReportRepository,
)
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
