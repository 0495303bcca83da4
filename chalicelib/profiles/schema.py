"""The profile as clients write it, validated with pydantic.

Unknown fields are rejected (no mass assignment of ids, groups or timestamps); the read-only
fields the server adds are accepted and ignored, so a client can send back what it read.
"""

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from chalicelib.grades import GRADES
from chalicelib.matching.tags import normalise_tags
from chalicelib.profiles.vocabulary import PROFESSION_SET
from chalicelib.validation import parse_body

MAX_TAGS = 30
READ_ONLY_FIELDS = frozenset({"user_id", "created_at", "updated_at"})

# The members come from GRADES at run time; mypy reads only literal member lists.
Grade = StrEnum("Grade", {grade: grade for grade in GRADES})  # type: ignore[misc]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=60)]
Tags = Annotated[list[Tag], Field(max_length=MAX_TAGS)]


class ProfileInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    display_name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    job_title: Annotated[str, StringConstraints(max_length=120)] = ""
    bio: Annotated[str, StringConstraints(max_length=2000)] = ""
    organisation_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    grade: Grade = Field(strict=False)
    location: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    professions: Tags = []
    skills_offered: Tags = []
    skills_wanted: Tags = []
    interests: Tags = []
    roles: Annotated[list[Literal["mentee", "mentor"]], Field(min_length=1, max_length=4)]
    mentor_capacity: Annotated[int, Field(ge=0, le=10)] = 0
    accepting_requests: bool = False
    version: Annotated[int, Field(ge=1)] | None = None

    @field_validator("skills_offered", "skills_wanted", "interests")
    @classmethod
    def _normalise(cls, tags: list[str]) -> list[str]:
        return normalise_tags(tags)

    @field_validator("professions")
    @classmethod
    def _known_professions(cls, tags: list[str]) -> list[str]:
        professions = normalise_tags(tags)
        unknown = [p for p in professions if p not in PROFESSION_SET]
        if unknown:
            raise ValueError(f"unknown profession: {unknown[0]} (see /vocabulary/professions)")
        return professions

    @field_validator("roles")
    @classmethod
    def _distinct_roles(cls, roles: list[str]) -> list[str]:
        return sorted(set(roles))


def parse_profile_input(body: object) -> ProfileInput:
    if isinstance(body, dict):
        body = {key: value for key, value in body.items() if key not in READ_ONLY_FIELDS}
    return parse_body(ProfileInput, body, "profile")
