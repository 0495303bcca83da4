"""Request bodies and parameters validated with pydantic schemas, failures turned into one clear 400.

Also the shapes every feature's schemas share: ids, whole numbers from a URL, the base classes
of parameters and of documented replies. Text fields use ``chalicelib.text.CleanText``.
"""

import re
from typing import Annotated, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic import ValidationError as PydanticValidationError

from chalicelib.errors import ValidationError

Schema = TypeVar("Schema", bound=BaseModel)
# Ids: user ids (Cognito subs), mentorship and invitation ids, organisation slugs.
ID_PATTERN = r"^[A-Za-z0-9_.:@-]{1,128}$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
DIGITS = re.compile(r"[0-9]{1,9}")


def ascii_whole_number(value: object) -> object:
    """A whole number written with ASCII digits only ("²" and "٣" are digits to str.isdigit, not here)."""
    if isinstance(value, str):
        if not DIGITS.fullmatch(value):
            raise ValueError("must be a whole number written with the digits 0-9")
        return int(value)
    return value


# A whole number from a URL's query string; combine with Field(ge=..., le=...).
QueryInt = Annotated[int, BeforeValidator(ascii_whole_number)]


class Parameters(BaseModel):
    """Path or query parameters: strings from the URL, checked like bodies (400 when wrong)."""

    model_config = ConfigDict(extra="forbid", strict=True)  # an unknown query parameter is a mistake: 400


class Reply(BaseModel):
    """A reply's documented shape (views build plain dicts; the schema is the published promise)."""

    model_config = ConfigDict(extra="forbid")


def parse_body(schema: type[Schema], body: object, what: str, optional: bool = False) -> Schema:
    """The body as ``schema``, or a 400 naming each bad field. ``optional``: no body means {}."""
    if body is None and optional:
        body = {}
    if not isinstance(body, dict):
        raise ValidationError(f"The request body must be a JSON object describing the {what}.")
    try:
        return schema.model_validate(body)
    except PydanticValidationError as error:
        fields = field_messages(error)
        summary = "; ".join(f"{name}: {message}" for name, message in fields.items())
        raise ValidationError(f"The {what} is not valid. {summary}", fields=fields) from None


def field_messages(error: PydanticValidationError) -> dict[str, str]:
    """One plain message per field (the first problem found)."""
    messages: dict[str, str] = {}
    for problem in error.errors(include_url=False, include_input=False):
        name = str(problem["loc"][0]) if problem["loc"] else "body"
        if problem["type"] == "extra_forbidden":
            messages.setdefault(name, "is not a field you can set")
        else:
            messages.setdefault(name, problem["msg"].removeprefix("Value error, "))
    return messages
