"""What GET /admin/stats replies (documented in the published contract)."""

from chalicelib.validation import Reply


class UsageRow(Reply):
    organisation_id: str
    name: str
    people: int
    mentors: int
    mentees: int
    open_requests: int
    accepted_requests: int
    acceptance_rate: float | None
    median_hours_to_first_answer: float | None
    reports_received: int


class UsageReply(Reply):
    generated_at: str
    organisations: list[UsageRow]
    totals: UsageRow
