"""``MentorshipStatsSource`` over the mentorship journey's tables: a scan of the mentorships
(four attributes), the mentors' organisations from their profiles, and the reports' counts."""

from typing import Protocol

from chalicelib.admin.mentorship_stats import RequestRow, requests_by_organisation
from chalicelib.admin.stats import RequestFigures
from chalicelib.persistence.journey_models import MentorshipModel

ATTRIBUTES = ["mentor_id", "status", "created_at", "decided_at"]


class ReportCounts(Protocol):
    def count_by_organisation(self) -> dict[str, int]: ...


class DynamoMentorshipStatsSource:
    def __init__(self, profiles, reports: ReportCounts):
        self._profiles = profiles  # a ProfileRepository with get_many
        self._reports = reports

    def requests_by_organisation(self) -> dict[str, RequestFigures]:
        rows = [RequestRow(item.mentor_id, item.status, item.created_at, item.decided_at or "")
                for item in MentorshipModel.scan(attributes_to_get=ATTRIBUTES)]
        mentors = self._profiles.get_many({row.mentor_id for row in rows})
        organisation_of = {user_id: profile.organisation_id for user_id, profile in mentors.items()}
        return requests_by_organisation(rows, organisation_of, self._reports.count_by_organisation())
