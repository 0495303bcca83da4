"""Routes: blocking and reporting people (shapes in chalicelib/web/mentorships.py's docstring)."""

from chalice import Blueprint, Response

from chalicelib.bootstrap import services
from chalicelib.mentorships import safety
from chalicelib.mentorships.schema import BlockInput, BlockReply, BlocksReply, ReportInput, ReportReply
from chalicelib.web.common import api_route, bearer, json_body, no_content, now, principal

api = Blueprint(__name__)


@api_route(api, "/blocks", methods=("POST",), authorizer=bearer, body=BlockInput, reply=BlockReply, status=201,
           errors=(404,), summary="Block someone (no requests, accepts or messages either way)")
def block_person() -> dict[str, object]:
    return safety.block_person(principal(api).user_id, json_body(api), services().journey, now())


@api_route(api, "/blocks", authorizer=bearer, reply=BlocksReply, summary="The people I blocked")
def list_my_blocks() -> dict[str, object]:
    return safety.list_my_blocks(principal(api).user_id, services().journey)


@api_route(api, "/blocks/{user_id}", methods=("DELETE",), authorizer=bearer, status=204, errors=(404,),
           summary="Unblock someone")
def unblock_person(user_id: str) -> Response:
    safety.unblock_person(principal(api).user_id, user_id, services().journey)
    return no_content()


@api_route(api, "/reports", methods=("POST",), authorizer=bearer, body=ReportInput, reply=ReportReply, status=201,
           errors=(404, 429), summary="Report a person, or the other person in one of my mentorships")
def report() -> dict[str, object]:
    return safety.report(principal(api).user_id, json_body(api), services().journey, now())
