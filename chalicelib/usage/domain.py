"""Usage figures by organisation, as plain rules: rows in, figures out (no I/O).

Rules: a request belongs to the organisation of the mentor who received it. Open: pending.
Accepted: accepted, or accepted and since ended. Declined: declined. Withdrawn and expired
requests were never answered. The acceptance rate is accepted / (accepted + declined) (None
when none was answered yet); the time to first answer runs from the request to the mentor's
decision, in hours, and its median is over answered requests. Reports count against the
reported person's organisation. Figures hold counts only: no names, no ids.
"""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

ACCEPTED_STATES = frozenset({"accepted", "ended"})


@dataclass(frozen=True)
class RequestFigures:
    open: int = 0
    accepted: int = 0
    declined: int = 0
    answer_hours: tuple[float, ...] = ()  # request to first answer, one per answered request
    reports_received: int = 0


@dataclass
class PeopleCounts:
    people: int = 0
    mentors: int = 0
    mentees: int = 0


def count_people(people: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, PeopleCounts]:
    counts: dict[str, PeopleCounts] = {}
    for organisation_id, roles in people:
        row = counts.setdefault(organisation_id, PeopleCounts())
        row.people += 1
        row.mentors += "mentor" in roles
        row.mentees += "mentee" in roles
    return counts


def acceptance_rate(figures: RequestFigures) -> float | None:
    answered = figures.accepted + figures.declined
    return round(figures.accepted / answered, 3) if answered else None


def median_hours(figures: RequestFigures) -> float | None:
    return round(statistics.median(figures.answer_hours), 1) if figures.answer_hours else None


@dataclass(frozen=True)
class RequestRow:
    mentor_id: str
    status: str
    created_at: str
    decided_at: str = ""


@dataclass
class _Tally:
    open: int = 0
    accepted: int = 0
    declined: int = 0
    hours: list[float] = field(default_factory=list)


def hours_between(start: str, end: str) -> float | None:
    try:
        return max(0.0, (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() / 3600)
    except (TypeError, ValueError):
        return None


def _count(tally: _Tally, row: RequestRow) -> None:
    answered = row.status in ACCEPTED_STATES or row.status == "declined"
    tally.open += row.status == "pending"
    tally.accepted += row.status in ACCEPTED_STATES
    tally.declined += row.status == "declined"
    hours = hours_between(row.created_at, row.decided_at) if answered and row.decided_at else None
    if hours is not None:
        tally.hours.append(hours)


def requests_by_organisation(
    rows: Iterable[RequestRow], organisation_of: dict[str, str], reports: dict[str, int]
) -> dict[str, RequestFigures]:
    tallies: dict[str, _Tally] = {}
    for row in rows:
        organisation_id = organisation_of.get(row.mentor_id)
        if organisation_id:
            _count(tallies.setdefault(organisation_id, _Tally()), row)
    figures = {org: RequestFigures(t.open, t.accepted, t.declined, tuple(t.hours)) for org, t in tallies.items()}
    for organisation_id, count in reports.items():
        current = figures.get(organisation_id, RequestFigures())
        figures[organisation_id] = RequestFigures(current.open, current.accepted, current.declined,
                                                  current.answer_hours, count)
    return figures
