"""Usage figures by organisation, for administrators (GET /admin/stats and the CLI)."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from chalicelib.organisations.domain import Organisation
from chalicelib.usage.domain import PeopleCounts, RequestFigures, acceptance_rate, count_people, median_hours
from chalicelib.usage.ports import MentorshipStatsSource, PeopleSource

COLUMNS = (
    "organisation_id", "name", "people", "mentors", "mentees", "open_requests", "accepted_requests",
    "acceptance_rate", "median_hours_to_first_answer", "reports_received",
)


def _row(organisation_id: str, name: str, counts: PeopleCounts, figures: RequestFigures) -> dict[str, Any]:
    return {
        "organisation_id": organisation_id, "name": name,
        "people": counts.people, "mentors": counts.mentors, "mentees": counts.mentees,
        "open_requests": figures.open, "accepted_requests": figures.accepted,
        "acceptance_rate": acceptance_rate(figures), "median_hours_to_first_answer": median_hours(figures),
        "reports_received": figures.reports_received,
    }


def _total(counts: dict[str, PeopleCounts], requests: dict[str, RequestFigures]) -> dict[str, Any]:
    people = PeopleCounts(*(sum(getattr(c, name) for c in counts.values()) for name in ("people", "mentors", "mentees")))
    figures = RequestFigures(
        open=sum(f.open for f in requests.values()), accepted=sum(f.accepted for f in requests.values()),
        declined=sum(f.declined for f in requests.values()),
        answer_hours=tuple(h for f in requests.values() for h in f.answer_hours),
        reports_received=sum(f.reports_received for f in requests.values()),
    )
    return _row("", "All organisations", people, figures)


def usage_stats(
    people: PeopleSource, mentorships: MentorshipStatsSource, organisations: Iterable[Organisation], now: datetime
) -> dict[str, Any]:
    """Figures for every organisation with people or requests, largest first, and the totals."""
    counts = count_people(people.people())
    requests = mentorships.requests_by_organisation()
    names = {org.id: org.name for org in organisations}
    rows = [_row(org_id, names.get(org_id, org_id), counts.get(org_id, PeopleCounts()), requests.get(org_id, RequestFigures()))
            for org_id in set(counts) | set(requests)]
    rows.sort(key=lambda row: (-row["people"], row["name"].casefold()))
    return {"generated_at": now.isoformat(timespec="seconds"), "organisations": rows,
            "totals": _total(counts, requests)}
