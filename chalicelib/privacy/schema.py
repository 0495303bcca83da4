"""What the privacy routes reply (documented in the published contract)."""

from typing import Literal

from chalicelib.mentorships.schema import MentorshipReply, MessageReply, ReportReply
from chalicelib.profiles.schema import ProfileReply
from chalicelib.validation import Reply


class AccountState(Reply):
    state: Literal["active", "suspended", "deleted"]
    changed_at: str | None


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
    profile: ProfileReply | None
    mentorships: list[MentorshipReply]
    messages: list[ExportedMessage]
    blocks: list[ExportedBlock]
    reports: list[ReportReply]
