"""Request bodies validated with pydantic schemas, failures turned into one clear 400."""

from typing import TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from chalicelib.errors import ValidationError

Schema = TypeVar("Schema", bound=BaseModel)


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
