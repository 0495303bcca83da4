"""Usage figures by organisation."""

from chalicelib.usage.domain import RequestFigures, RequestRow, requests_by_organisation
from chalicelib.usage.service import usage_stats
from tests.fakes.usage import InMemoryPeopleSource, NoMentorshipStats
from tests.unit.invitations.fakes import NOW, ORGANISATIONS


class FixedMentorships:
    def requests_by_organisation(self):
        return {
            "department-for-work-pensions": RequestFigures(open=2, accepted=3, declined=1,
                                                           answer_hours=(1.0, 5.0, 30.0, 2.0), reports_received=1),
            "home-office": RequestFigures(open=1),
        }


class GivenFigures:
    def __init__(self, figures):
        self.figures = figures

    def requests_by_organisation(self):
        return self.figures


PEOPLE = InMemoryPeopleSource([
    ("department-for-work-pensions", ("mentee",)),
    ("department-for-work-pensions", ("mentee", "mentor")),
    ("department-for-work-pensions", ("mentor",)),
    ("ministry-of-defence", ("mentee",)),
])


def test_people_mentors_and_mentees_are_counted_per_organisation_largest_first():
    stats = usage_stats(PEOPLE, NoMentorshipStats(), ORGANISATIONS, NOW)
    rows = {row["organisation_id"]: row for row in stats["organisations"]}
    assert [row["organisation_id"] for row in stats["organisations"]] == [
        "department-for-work-pensions", "ministry-of-defence"]
    assert (rows["department-for-work-pensions"]["people"], rows["department-for-work-pensions"]["mentors"],
            rows["department-for-work-pensions"]["mentees"]) == (3, 2, 2)
    assert rows["ministry-of-defence"]["name"] == "Ministry of Defence"
    assert stats["totals"]["people"] == 4
    assert stats["generated_at"] == NOW.isoformat()


def test_without_mentorship_data_request_figures_are_zero_and_rates_are_null():
    row = usage_stats(PEOPLE, NoMentorshipStats(), ORGANISATIONS, NOW)["organisations"][0]
    assert (row["open_requests"], row["accepted_requests"], row["reports_received"]) == (0, 0, 0)
    assert row["acceptance_rate"] is None and row["median_hours_to_first_answer"] is None


def test_acceptance_rate_is_accepted_over_answered_and_the_median_answer_time_is_in_hours():
    stats = usage_stats(PEOPLE, FixedMentorships(), ORGANISATIONS, NOW)
    dwp = next(r for r in stats["organisations"] if r["organisation_id"] == "department-for-work-pensions")
    assert dwp["acceptance_rate"] == 0.75
    assert dwp["median_hours_to_first_answer"] == 3.5
    assert dwp["open_requests"] == 2 and dwp["reports_received"] == 1
    home = next(r for r in stats["organisations"] if r["organisation_id"] == "home-office")
    assert home["people"] == 0 and home["open_requests"] == 1
    assert stats["totals"]["open_requests"] == 3


def test_request_figures_come_from_the_journeys_rows_in_the_mentors_organisation():
    rows = [
        RequestRow("mentor-dwp", "pending", "2026-05-01T09:00:00+00:00"),
        RequestRow("mentor-dwp", "accepted", "2026-05-01T09:00:00+00:00", "2026-05-01T11:00:00+00:00"),
        RequestRow("mentor-dwp", "ended", "2026-05-01T09:00:00+00:00", "2026-05-02T09:00:00+00:00"),
        RequestRow("mentor-dwp", "declined", "2026-05-01T09:00:00+00:00", "2026-05-01T10:00:00+00:00"),
        RequestRow("mentor-dwp", "withdrawn", "2026-05-01T09:00:00+00:00", "2026-05-01T09:30:00+00:00"),
        RequestRow("mentor-ho", "expired", "2026-04-01T09:00:00+00:00", "2026-05-01T09:00:00+00:00"),
        RequestRow("deleted-mentor", "pending", "2026-05-01T09:00:00+00:00"),
    ]
    figures = requests_by_organisation(
        rows, {"mentor-dwp": "department-for-work-pensions", "mentor-ho": "home-office"}, {"home-office": 2})
    dwp = figures["department-for-work-pensions"]
    assert (dwp.open, dwp.accepted, dwp.declined) == (1, 2, 1)
    assert sorted(dwp.answer_hours) == [1.0, 2.0, 24.0]
    home = figures["home-office"]
    assert (home.open, home.accepted, home.declined, home.answer_hours, home.reports_received) == (0, 0, 0, (), 2)
    stats = usage_stats(InMemoryPeopleSource(), GivenFigures(figures), ORGANISATIONS, NOW)
    row = next(r for r in stats["organisations"] if r["organisation_id"] == "department-for-work-pensions")
    assert (row["acceptance_rate"], row["median_hours_to_first_answer"]) == (0.667, 2.0)
