"""Usage figures by organisation, for administrators.

People, mentors and mentees come from the profiles; requests, acceptances, answer times and
reports from the mentorships code through ``MentorshipStatsSource`` (empty until that code
provides one). Rules: the acceptance rate is accepted / (accepted + declined) among answered
requests (None when none was answered yet); the median time to first answer is in hours, over
answered requests; both are per organisation of the person who received the request (the
mentor), as the source reports them. Figures hold counts only: no names, no ids.
"""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from chalicelib.organisations import Organisation

COLUMNS = (
    "organisation_id", "name", "people", "mentors", "mentees", "open_requests", "accepted_requests",
    "acceptance_rate", "median_hours_to_first_answer", "reports_received",
)


@dataclass(frozen=True)
class RequestFigures:
    open: int = 0
    accepted: int = 0
    declined: int = 0
    answer_hours: tuple[float, ...] = ()  # request to first answer, one per answered request
    reports_received: int = 0


class PeopleSource(Protocol):
    def people(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        """(organisation id, roles) for every profile."""


class MentorshipStatsSource(Protocol):
    def requests_by_organisation(self) -> dict[str, RequestFigures]: ...


class NoMentorshipStats:
    """The figures before any mentorship code exists: nothing requested yet."""

    def requests_by_organisation(self) -> dict[str, RequestFigures]:
        return {}


@dataclass
class _Counts:
    people: int = 0
    mentors: int = 0
    mentees: int = 0


def count_people(people: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, _Counts]:
    counts: dict[str, _Counts] = {}
    for organisation_id, roles in people:
        row = counts.setdefault(organisation_id, _Counts())
        row.people += 1
        row.mentors += "mentor" in roles
        row.mentees += "mentee" in roles
    return counts


def acceptance_rate(figures: RequestFigures) -> float | None:
    answered = figures.accepted + figures.declined
    return round(figures.accepted / answered, 3) if answered else None


def median_hours(figures: RequestFigures) -> float | None:
    return round(statistics.median(figures.answer_hours), 1) if figures.answer_hours else None


def _row(organisation_id: str, name: str, counts: _Counts, figures: RequestFigures) -> dict:
    return {
        "organisation_id": organisation_id, "name": name,
        "people": counts.people, "mentors": counts.mentors, "mentees": counts.mentees,
        "open_requests": figures.open, "accepted_requests": figures.accepted,
        "acceptance_rate": acceptance_rate(figures), "median_hours_to_first_answer": median_hours(figures),
        "reports_received": figures.reports_received,
    }


def _total(counts: dict[str, _Counts], requests: dict[str, RequestFigures]) -> dict:
    people = _Counts(*(sum(getattr(c, name) for c in counts.values()) for name in ("people", "mentors", "mentees")))
    figures = RequestFigures(
        open=sum(f.open for f in requests.values()), accepted=sum(f.accepted for f in requests.values()),
        declined=sum(f.declined for f in requests.values()),
        answer_hours=tuple(h for f in requests.values() for h in f.answer_hours),
        reports_received=sum(f.reports_received for f in requests.values()),
    )
    return _row("", "All organisations", people, figures)


def usage_stats(
    people: PeopleSource, mentorships: MentorshipStatsSource, organisations: Iterable[Organisation], now: datetime
) -> dict:
    """Figures for every organisation with people or requests, largest first, and the totals."""
    counts = count_people(people.people())
    requests = mentorships.requests_by_organisation()
    names = {org.id: org.name for org in organisations}
    rows = [_row(org_id, names.get(org_id, org_id), counts.get(org_id, _Counts()), requests.get(org_id, RequestFigures()))
            for org_id in set(counts) | set(requests)]
    rows.sort(key=lambda row: (-row["people"], row["name"].casefold()))
    return {"generated_at": now.isoformat(timespec="seconds"), "organisations": rows,
            "totals": _total(counts, requests)}
