"""What GET /admin/audit takes and replies (documented in the published contract)."""

from typing import Annotated

from pydantic import Field

from chalicelib.validation import Parameters, QueryInt, Reply


class AuditQuery(Parameters):
    days: Annotated[QueryInt, Field(ge=1, le=90)] = 7


class AuditEntryReply(Reply):
    id: str
    actor: str
    action: str
    target_id: str
    at: str


class AuditReply(Reply):
    entries: list[AuditEntryReply]
