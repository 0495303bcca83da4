"""What the usage figures read: who is where, and the requests by organisation."""

from collections.abc import Iterable
from typing import Protocol

from chalicelib.usage.domain import RequestFigures


class PeopleSource(Protocol):
    def people(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        """(organisation id, roles) for every profile."""
        ...


class MentorshipStatsSource(Protocol):
    def requests_by_organisation(self) -> dict[str, RequestFigures]:
        """Request figures (and reports received) per organisation id."""
        ...
