"""What the journey's services work with, passed in as one bundle (nothing is built here)."""

from dataclasses import dataclass

from chalicelib.notifications.notifier import Notifier
from chalicelib.persistence.mentorships import MentorshipRepository
from chalicelib.persistence.messages import MessageRepository
from chalicelib.persistence.people import PeopleDirectory
from chalicelib.persistence.profiles import ProfileRepository
from chalicelib.persistence.safety import BlockRepository, ReportRepository


@dataclass(frozen=True)
class JourneyStores:
    mentorships: MentorshipRepository
    messages: MessageRepository
    profiles: ProfileRepository
    blocks: BlockRepository
    reports: ReportRepository
    people: PeopleDirectory
    notifier: Notifier
