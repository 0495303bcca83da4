"""Read models for the usage figures (``usage.ports``): parallel scans reading a few attributes.

Counting 520,000 profiles reads the whole table (about 500 MB, a few seconds with 8 segments
in parallel); administrators ask for figures rarely, so no counters are kept on the write path.
Requests come from a scan of the mentorships (four attributes), placed in the organisation of
their mentor's profile; reports from the reports' own counts.
"""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from chalicelib.adapters.dynamo.tables import MentorshipModel, ProfileModel
from chalicelib.mentorships.ports import ReportRepository
from chalicelib.profiles.ports import ProfileRepository
from chalicelib.usage.domain import RequestFigures, RequestRow, requests_by_organisation

SEGMENTS = 8
REQUEST_ATTRIBUTES = ["mentor_id", "status", "created_at", "decided_at"]


def _segment(number: int, total: int) -> list[tuple[str, tuple[str, ...]]]:
    rows = ProfileModel.scan(segment=number, total_segments=total, attributes_to_get=["organisation_id", "roles"])
    return [(item.organisation_id, tuple(item.roles or ())) for item in rows]


class DynamoPeopleSource:
    def __init__(self, segments: int = SEGMENTS):
        self._segments = segments

    def people(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        with ThreadPoolExecutor(max_workers=self._segments) as pool:
            for part in pool.map(lambda n: _segment(n, self._segments), range(self._segments)):
                yield from part


class DynamoMentorshipStatsSource:
    def __init__(self, profiles: ProfileRepository, reports: ReportRepository):
        self._profiles = profiles
        self._reports = reports

    def requests_by_organisation(self) -> dict[str, RequestFigures]:
        rows = [RequestRow(item.mentor_id, item.status, item.created_at, item.decided_at or "")
                for item in MentorshipModel.scan(attributes_to_get=REQUEST_ATTRIBUTES)]
        mentors = self._profiles.get_many({row.mentor_id for row in rows})
        organisation_of = {user_id: profile.organisation_id for user_id, profile in mentors.items()}
        return requests_by_organisation(rows, organisation_of, self._reports.count_by_organisation())
