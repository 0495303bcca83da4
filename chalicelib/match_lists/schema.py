"""What GET /me/matches takes and replies (documented in the published contract)."""

from typing import Literal

from pydantic import Field

from chalicelib.validation import Parameters, Reply


class MatchesQuery(Parameters):
    as_: Literal["mentee", "mentor"] = Field(default="mentee", alias="as")


class Shared(Reply):
    skills: list[str]
    interests: list[str]
    professions: list[str]


class MatchEntry(Reply):
    user_id: str
    display_name: str
    job_title: str
    organisation_id: str
    department: str
    grade: str
    location: str
    score: float = Field(ge=0, le=1)
    shared: Shared


class MatchesReply(Reply):
    computed_at: str
    matches: list[MatchEntry]
