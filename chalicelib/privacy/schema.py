"""What the privacy routes reply (documented in the published contract)."""

from typing import Literal

from chalicelib.mentorships.schema import MentorshipReply, MessageReply, ReportReply
from chalicelib.profiles.schema import ProfileReply
from chalicelib.validation import Reply


class AccountState(Reply):
    state: Literal["active", "suspended", "deleted"]
    state_described: str
    changed_at: str | None


class ExportedProfile(ProfileReply):
    """My profile, with the words the site shows beside each code."""

    organisation_name: str
    grade_name: str
    roles_described: list[str]


class ExportedMentorship(MentorshipReply):
    status_described: str


class ExportedMessage(MessageReply):
    mentorship_id: str


class ExportedBlock(Reply):
    user_id: str
    created_at: str


class ExportReply(Reply):
    """Everything the service holds about one person (UK GDPR right of access)."""

    exported_at: str
    user_id: str
    email: str | None
    account: AccountState
    profile: ExportedProfile | None
    mentorships: list[ExportedMentorship]
    messages: list[ExportedMessage]
    blocks: list[ExportedBlock]
    reports: list[ReportReply]
