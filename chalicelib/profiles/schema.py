"""The profile as clients write it, validated with pydantic.

Unknown fields are rejected (no mass assignment of ids, groups or timestamps); the read-only
fields the server adds are accepted and ignored, so a client can send back what it read.
Skills and interests are kept as written (profiles/tags.py); professions are the list's own
spelling of each.
"""

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from chalicelib.grades import GRADES
from chalicelib.profiles.tags import clean_tags, tag_key
from chalicelib.profiles.vocabulary import display_form
from chalicelib.text import CleanText
from chalicelib.validation import ID_PATTERN, Parameters, Reply, parse_body

MAX_TAGS = 30
MAX_TAG = 60
READ_ONLY_FIELDS = frozenset({"user_id", "created_at", "updated_at"})

# The members come from GRADES at run time; mypy reads only literal member lists.
Grade = StrEnum("Grade", {grade: grade for grade in GRADES})  # type: ignore[misc]
# Tags are cleaned by the text rule (single line, no invisible characters) and kept as written;
# they are compared by their normalised key (matching.tags), and the limit applies to that key too.
Tag = Annotated[str, CleanText(MAX_TAG, 1)]
Tags = Annotated[list[Tag], Field(max_length=MAX_TAGS)]


def comparable_tags(tags: list[str]) -> list[str]:
    """Tags as written (profiles/tags.py), each within the limit once normalised for comparison."""
    cleaned = clean_tags(tags)
    if any(len(tag_key(tag)) > MAX_TAG for tag in cleaned):
        raise ValueError(f"each tag must be at most {MAX_TAG} characters once normalised")
    return cleaned


class ProfileInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    display_name: Annotated[str, CleanText(80, 1, name=True)]
    job_title: Annotated[str, CleanText(120, name=True)] = ""
    bio: Annotated[str, CleanText(2000, multiline=True)] = ""
    organisation_id: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=ID_PATTERN)]
    grade: Grade = Field(strict=False)
    location: Annotated[str, CleanText(80, 1, name=True)]
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
    def _clean(cls, tags: list[str]) -> list[str]:
        return comparable_tags(tags)

    @field_validator("professions")
    @classmethod
    def _known_professions(cls, tags: list[str]) -> list[str]:
        professions = comparable_tags(tags)
        unknown = [p for p in professions if display_form("professions", p) is None]
        if unknown:
            raise ValueError(f"unknown profession: {unknown[0]} (see /vocabulary/professions)")
        return [display_form("professions", p) or p for p in professions]

    @field_validator("roles")
    @classmethod
    def _distinct_roles(cls, roles: list[str]) -> list[str]:
        return sorted(set(roles))


def parse_profile_input(body: object) -> ProfileInput:
    if isinstance(body, dict):
        body = {key: value for key, value in body.items() if key not in READ_ONLY_FIELDS}
    return parse_body(ProfileInput, body, "profile")


class PersonSummary(Reply):
    """Who someone is, as a match or a search result shows them."""

    user_id: str
    display_name: str
    job_title: str
    organisation_id: str
    department: str
    grade: str
    location: str


class PublicProfileReply(Reply):
    """Another person's profile as signed-in people see it (``email`` only with an accepted mentorship)."""

    user_id: str
    display_name: str
    job_title: str
    bio: str
    organisation_id: str
    grade: str
    location: str
    professions: list[str]
    skills_offered: list[str]
    skills_wanted: list[str]
    interests: list[str]
    roles: list[Literal["mentee", "mentor"]]
    mentor_capacity: int
    accepting_requests: bool
    created_at: str
    updated_at: str
    email: str | None = None


class ProfileReply(PublicProfileReply):
    """My profile, with the ``version`` to send back when replacing it."""

    version: int


class VocabularyQuery(Parameters):
    prefix: Annotated[str, StringConstraints(max_length=60)] = ""
    all: Literal["true"] | None = Field(default=None, description="true: every entry and its synonyms")


class VocabularyPath(Parameters):
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z]{1,40}$")] = Field(
        description="skills, interests or professions (anything else: 404)")


class VocabularyReply(Reply):
    kind: str
    items: list[str]
    synonyms: dict[str, str] | None = Field(default=None, description="with all=true: variant -> entry")


class HealthReply(Reply):
    status: Literal["ok"]
