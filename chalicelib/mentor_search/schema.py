"""A search as clients ask for it: ``GET /mentors?skill=&organisation=&location=&grade=&cursor=``,
and the reply (documented in the published contract).

The skill and the town go through the text rule (chalicelib/text.py) like every string a person sends.
"""

from typing import Annotated

from pydantic import Field, StringConstraints

from chalicelib.grades import GRADES
from chalicelib.profiles.schema import PersonSummary
from chalicelib.text import CleanText
from chalicelib.validation import Parameters, Reply, parse_body

GradeOrAll = Annotated[str, StringConstraints(pattern=f"^({'|'.join(GRADES)})?$")]
CURSOR_PATTERN = r"^([0-9]\.[A-Za-z0-9_.:@+-]{1,128})?$"


class MentorSearchInput(Parameters):
    skill: Annotated[str, CleanText(60)] = Field(default="", description="a skill the mentor offers")
    organisation: Annotated[str, StringConstraints(max_length=64, pattern=r"^[a-z0-9-]*$")] = Field(
        default="", description="an organisation id (GET /organisations)")
    location: Annotated[str, CleanText(80)] = Field(default="", description="a town or city")
    grade: GradeOrAll = Field(default="", description="one of the ten grades, at mine or above")
    cursor: Annotated[str, StringConstraints(max_length=200, pattern=CURSOR_PATTERN)] = Field(
        default="", description="the next_cursor of the page before")


class MentorCard(PersonSummary):
    skills_offered: list[str] = Field(description="as the mentor wrote them")
    can_help_with: list[str] = Field(description="skills I want to develop that they offer, as I wrote them")


class MentorsReply(Reply):
    mentors: list[MentorCard]
    next_cursor: str | None = Field(description="send it back as cursor for the next page; null: no more")


def parse_search(params: dict[str, str]) -> MentorSearchInput:
    return parse_body(MentorSearchInput, params, "search")


def cursor_of(entry: str | None) -> str | None:
    """The cursor clients send back for an entry key ("5#<id>" -> "5.<id>": safe in an address)."""
    return entry.replace("#", ".", 1) if entry else None


def entry_of(cursor: str) -> str:
    return cursor.replace(".", "#", 1) if cursor else ""
