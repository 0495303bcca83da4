"""What each route promises, declared next to it: the published contract's one source.

``api_route(..., body=Schema, query=Schema, path=Schema, reply=Schema, errors=(404, 409))``
records an ``Operation`` here. The same record checks every request before the view runs
(path and query parameters, 400 on anything else) and builds the OpenAPI document
(``web/openapi.py``), so a route added later is documented by declaring its schemas where it is
declared, and a route without a record fails the suite (tests/unit/web/test_openapi.py).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from chalicelib.validation import Id, Parameters, Reply, parse_body

PATH_PARAMETER = re.compile(r"\{([^}]+)\}")


class ErrorDetail(Reply):
    code: str
    message: str
    fields: dict[str, str] | None = None
    retry_after: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="seconds to wait (429, 503); also the Retry-After header")


class ErrorReply(Reply):
    error: ErrorDetail


class OpenApiReply(BaseModel):
    """An OpenAPI 3.1 document."""

    model_config = ConfigDict(extra="allow")

    openapi: str


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    name: str
    summary: str
    public: bool
    body: type[BaseModel] | None = None
    body_optional: bool = False
    query: type[BaseModel] | None = None
    path_parameters: type[BaseModel] | None = None
    cookies: type[BaseModel] | None = None  # documented; the view reads them (a bad cookie is no session)
    sets_cookies: bool = False  # replies carry Set-Cookie
    reply: type[BaseModel] | None = None
    status: int = 200
    errors: tuple[int, ...] = ()
    admin: bool = False
    personal: bool = True  # replies carry Cache-Control: no-store
    uses_storage: bool = True  # may answer 503 when storage stays busy
    # OpenAPI links from the reply: name -> (operationId, its path parameter, the reply's field)
    links: Mapping[str, tuple[str, str, str]] | None = None

    @property
    def parameter_names(self) -> list[str]:
        return PATH_PARAMETER.findall(self.path)


OPERATIONS: dict[tuple[str, str], Operation] = {}


def register(operation: Operation) -> Operation:
    declared = replace(operation, path_parameters=operation.path_parameters or default_path_model(operation.path))
    OPERATIONS[(declared.path, declared.method)] = declared
    return declared


def default_path_model(path: str) -> type[BaseModel] | None:
    """Every path parameter an id, unless the route declares otherwise."""
    names = PATH_PARAMETER.findall(path)
    if not names:
        return None
    fields: dict[str, Any] = {name: (Id, ...) for name in names}
    model: type[BaseModel] = create_model("PathOf" + "".join(n.title() for n in names), __base__=Parameters,
                                          **fields)
    return model


def check_parameters(operation: Operation, path_values: Mapping[str, str],
                     query_values: Mapping[str, str] | None) -> None:
    """400 for a path or query parameter that breaks the route's declared rule."""
    if operation.path_parameters is not None:
        parse_body(operation.path_parameters, dict(path_values), "address")
    if operation.query is not None:
        parse_body(operation.query, dict(query_values or {}), "query")
