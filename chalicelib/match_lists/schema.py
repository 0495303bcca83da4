"""What GET /me/matches takes and replies (documented in the published contract)."""

from typing import Literal

from pydantic import Field

from chalicelib.match_lists.empty import MENTEE_REASONS, MENTOR_REASONS
from chalicelib.profiles.schema import PersonSummary
from chalicelib.validation import Parameters, Reply


class MatchesQuery(Parameters):
    as_: Literal["mentee", "mentor"] = Field(default="mentee", alias="as")


class Shared(Reply):
    skills: list[str]
    interests: list[str]
    professions: list[str]


class MatchEntry(PersonSummary):
    score: float = Field(ge=0, le=1)
    shared: Shared = Field(description="in common, as the mentee (skills) or I (interests, professions) wrote them")
    skills_asked: int = Field(ge=0, description="how many skills the mentee wants to develop")
    strength: Literal["strong", "good", "some"] = Field(
        description="strong: 2+ skills in common, or every skill asked for; good: 1; some: none, but an interest "
                    "or a profession (chalicelib/match_lists/explanation.py)")


class EmptyReason(Reply):
    """Why my list is empty, in my own terms (chalicelib/match_lists/empty.py)."""

    code: Literal[MENTEE_REASONS + MENTOR_REASONS]  # type: ignore[valid-type]
    grade: str | None = Field(default=None, description="top_grade, no_mentors_at_grade, lowest_grade")
    skills: list[str] | None = Field(default=None, description="skills_not_offered: the skills, as I wrote them")
    nearest: list[str] | None = Field(default=None, description="skills_not_offered: the nearest skills offered")
    capacity: int | None = Field(default=None, description="at_capacity: my mentor capacity")


class MatchesReply(Reply):
    computed_at: str
    matches: list[MatchEntry] = Field(description="strong first, then good, then some; by score within each")
    reasons: list[EmptyReason] = Field(description="empty unless matches is")
