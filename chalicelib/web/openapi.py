"""The published contract: an OpenAPI 3.1 document built from the route table and the schemas.

Every route in ``app.routes`` declared with ``api_route`` has an ``Operation`` (web/contract.py)
naming its parameters, body, reply and error statuses as pydantic models; this module turns those
into OpenAPI. Served at ``GET /openapi.json`` (``/api/openapi.json`` through the site).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from chalicelib.web.contract import OPERATIONS, ErrorReply, Operation

REF = "#/components/schemas/{model}"
ERROR_TEXT = {
    400: "The request is not valid (the error names each bad field); nothing was changed",
    401: "No valid access token",
    403: "Not allowed: another person's move, not an administrator, or a suspended account",
    404: "Not found (or not yours to see)",
    409: "Conflicts with the current state; nothing was changed",
    413: "The body is too large",
    415: "The body is not JSON",
    429: "Too many attempts: wait Retry-After seconds",
    503: "Storage stayed busy; nothing was changed: try again after Retry-After seconds",
}
SET_COOKIE = {"Set-Cookie": {"description": "the session cookies: set at sign-in, cleared when the session ends",
                             "schema": {"type": "string"}}}
RETRY_AFTER = {"Retry-After": {"description": "seconds to wait", "required": True,
                               "schema": {"type": "string", "pattern": "^[0-9]+$"}}}
# API Gateway answers some requests itself, in its own shape: 401 without an Authorization header
# ({"message": ...}), 403 when the authorizer's policy does not cover the path ({"Message": ...}).
GATEWAY_MESSAGE = {"type": "object", "properties": {"message": {"type": "string"}, "Message": {"type": "string"}},
                   "minProperties": 1}


def error_statuses(operation: Operation) -> list[int]:
    statuses = set(operation.errors)
    if operation.body or operation.query or operation.path_parameters:
        statuses.add(400)
    if not operation.public:
        statuses.update((401, 403))
    if operation.body:
        statuses.update((413, 415))
    if operation.uses_storage:
        statuses.add(503)
    return sorted(statuses)


def parameters(model: type[BaseModel] | None, where: str) -> list[dict[str, Any]]:
    if model is None:
        return []
    schema = model.model_json_schema(by_alias=True)
    required = set(schema.get("required", []))
    return [{"name": name, "in": where, "required": where == "path" or name in required,
             "schema": {k: v for k, v in field.items() if k != "title"}}
            for name, field in schema.get("properties", {}).items()]


def json_content(ref: str | dict[str, Any]) -> dict[str, Any]:
    schema = {"$ref": ref} if isinstance(ref, str) else ref
    return {"application/json": {"schema": schema}}


def responses(operation: Operation, refs: Mapping[tuple[type[BaseModel], str], str]) -> dict[str, Any]:
    success: dict[str, Any] = {"description": operation.summary}
    if operation.reply is not None:
        success["content"] = json_content(refs[(operation.reply, "serialization")])
    if operation.sets_cookies:
        success["headers"] = SET_COOKIE
    if operation.links:
        success["links"] = {name: {"operationId": target, "parameters": {param: f"$response.body#/{field}"}}
                            for name, (target, param, field) in operation.links.items()}
    replies: dict[str, Any] = {str(operation.status): success}
    error_ref = refs[(ErrorReply, "serialization")]
    for status in error_statuses(operation):
        reply: dict[str, Any] = {"description": ERROR_TEXT.get(status, "Error"), "content": json_content(error_ref)}
        if status in (401, 403):
            reply["content"] = json_content({"anyOf": [{"$ref": error_ref}, GATEWAY_MESSAGE]})
        if status in (429, 503):
            reply["headers"] = RETRY_AFTER
        elif status == 401 and operation.sets_cookies:
            reply["headers"] = SET_COOKIE
        replies[str(status)] = reply
    return replies


def operation_object(operation: Operation, refs: Mapping[tuple[type[BaseModel], str], str]) -> dict[str, Any]:
    document: dict[str, Any] = {
        "operationId": operation.name,
        "summary": operation.summary.strip().splitlines()[0],
        "tags": ["administrators" if operation.admin else "public" if operation.public else "people"],
        "security": [] if operation.public else [{"bearer": []}],
        "parameters": (parameters(operation.path_parameters, "path") + parameters(operation.query, "query")
                       + parameters(operation.cookies, "cookie")),
        "responses": responses(operation, refs),
    }
    if operation.body is not None:
        document["requestBody"] = {"required": not operation.body_optional,
                                   "content": json_content(refs[(operation.body, "validation")])}
    return document


def schema_refs(operations: Iterable[Operation]) -> tuple[dict[tuple[type[BaseModel], str], str], dict[str, Any]]:
    wanted: list[tuple[type[BaseModel], JsonSchemaMode]] = [(ErrorReply, "serialization")]
    for operation in operations:
        if operation.body is not None:
            wanted.append((operation.body, "validation"))
        if operation.reply is not None:
            wanted.append((operation.reply, "serialization"))
    unique = list(dict.fromkeys(wanted))
    mapping, definitions = models_json_schema(unique, ref_template=REF)
    refs: dict[tuple[type[BaseModel], str], str] = {
        (model, mode): str(value["$ref"]) for (model, mode), value in mapping.items() if isinstance(model, type)
        and issubclass(model, BaseModel)}
    schemas: dict[str, Any] = definitions.get("$defs", {})
    return refs, schemas


def openapi_document(routes: Mapping[str, Mapping[str, object]]) -> dict[str, Any]:
    """The document for these routes (``app.routes``): each documented operation, by path and method."""
    documented = [OPERATIONS[(path, method)] for path, methods in routes.items() for method in methods
                  if (path, method) in OPERATIONS]
    refs, schemas = schema_refs(documented)
    paths: dict[str, dict[str, Any]] = {}
    for operation in documented:
        paths.setdefault(operation.path, {})[operation.method.lower()] = operation_object(operation, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Mentor Match API", "version": "1.0.0",
                 "description": "Mentoring for UK civil servants. Errors are always "
                                "{\"error\": {\"code\", \"message\"}}; personal replies are never cached."},
        "servers": [{"url": "/api", "description": "the API through the site's own origin"}],
        "paths": paths,
        "components": {"schemas": schemas,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                                                      "description": "A Cognito access token"}}},
    }
