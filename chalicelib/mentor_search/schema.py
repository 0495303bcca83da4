"""A search as clients ask for it: ``GET /mentors?skill=&organisation=&location=&grade=&cursor=``."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from chalicelib.grades import GRADES
from chalicelib.validation import parse_body

GradeOrAll = Annotated[str, Field(pattern=f"^({'|'.join(GRADES)})?$")]


class MentorSearchInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    skill: Annotated[str, StringConstraints(max_length=60)] = ""
    organisation: Annotated[str, StringConstraints(max_length=64, pattern=r"^[a-z0-9-]*$")] = ""
    location: Annotated[str, StringConstraints(max_length=80)] = ""
    grade: GradeOrAll = ""
    cursor: Annotated[str, StringConstraints(max_length=200, pattern=r"^([0-9]\.[A-Za-z0-9_.:@+-]{1,128})?$")] = ""


def parse_search(params: dict[str, str]) -> MentorSearchInput:
    return parse_body(MentorSearchInput, params, "search")


def cursor_of(entry: str | None) -> str | None:
    """The cursor clients send back for an entry key ("5#<id>" -> "5.<id>": safe in an address)."""
    return entry.replace("#", ".", 1) if entry else None


def entry_of(cursor: str) -> str:
    return cursor.replace(".", "#", 1) if cursor else ""
