"""Usage figures' sources over the in-memory stores, and fixed ones for the figures' own tests."""

from chalicelib.usage.domain import RequestFigures, RequestRow, requests_by_organisation
from tests.fakes.mentorships import InMemoryMentorshipRepository, InMemoryReportRepository
from tests.fakes.profiles import InMemoryProfileRepository


class InMemoryPeopleSource:
    def __init__(self, people=()):
        self.rows = list(people)

    def people(self) -> list[tuple[str, tuple[str, ...]]]:
        return self.rows


class NoMentorshipStats:
    """The figures before any request was made."""

    def requests_by_organisation(self) -> dict[str, RequestFigures]:
        return {}


class InMemoryUsage:
    """Both usage ports read from the in-memory stores, as the DynamoDB read models read the tables."""

    def __init__(self, profiles: InMemoryProfileRepository, mentorships: InMemoryMentorshipRepository,
                 reports: InMemoryReportRepository):
        self._profiles, self._mentorships, self._reports = profiles, mentorships, reports

    def people(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(p.organisation_id, p.roles) for p in self._profiles.scan_all()]

    def requests_by_organisation(self) -> dict[str, RequestFigures]:
        rows = [RequestRow(m.mentor_id, m.status, m.created_at, m.decided_at) for m in self._mentorships.all()]
        mentors = self._profiles.get_many({row.mentor_id for row in rows})
        organisation_of = {user_id: profile.organisation_id for user_id, profile in mentors.items()}
        return requests_by_organisation(rows, organisation_of, self._reports.count_by_organisation())
