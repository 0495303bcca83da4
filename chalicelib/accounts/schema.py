"""What the account routes for administrators reply (documented in the published contract)."""

from typing import Literal

from chalicelib.validation import Reply


class StandingReply(Reply):
    user_id: str
    state: Literal["active", "suspended"]
    changed_at: str


class ErasureReply(Reply):
    user_id: str
    state: Literal["deleted"]
    changed_at: str
