"""Routes: blocking and reporting people (shapes in chalicelib/web/mentorships.py's docstring)."""

from chalice import Blueprint, Response

from chalicelib.bootstrap import services
from chalicelib.mentorships import safety
from chalicelib.web.common import api_route, bearer, created, json_body, no_content, now, principal

api = Blueprint(__name__)


@api_route(api, "/blocks", methods=["POST"], authorizer=bearer)
def block_person() -> Response:
    return created(safety.block_person(principal(api).user_id, json_body(api), services().journey, now()))


@api_route(api, "/blocks", methods=["GET"], authorizer=bearer)
def list_my_blocks() -> dict[str, object]:
    return safety.list_my_blocks(principal(api).user_id, services().journey)


@api_route(api, "/blocks/{user_id}", methods=["DELETE"], authorizer=bearer)
def unblock_person(user_id: str) -> Response:
    safety.unblock_person(principal(api).user_id, user_id, services().journey)
    return no_content()


@api_route(api, "/reports", methods=["POST"], authorizer=bearer)
def report() -> Response:
    return created(safety.report(principal(api).user_id, json_body(api), services().journey, now()))
