"""Routes: download all my data, delete my account (shapes in chalicelib/web/mentorships.py's docstring)."""

from chalice import Blueprint, Response

from chalicelib.bootstrap import services
from chalicelib.privacy.deletion import delete_my_account
from chalicelib.privacy.export import export_my_data
from chalicelib.privacy.schema import ExportReply
from chalicelib.web.common import api_route, bearer, no_content, now, principal

api = Blueprint(__name__)


@api_route(api, "/me/export", authorizer=bearer, reply=ExportReply, summary="All my data (UK GDPR access)")
def export_my_data_route() -> dict[str, object]:
    s = services()
    return export_my_data(principal(api).user_id, s.journey, s.adapters.accounts, s.adapters.organisations, now())


@api_route(api, "/me", methods=("DELETE",), authorizer=bearer, status=204,
           summary="Delete my account and personal data (UK GDPR erasure)")
def delete_me() -> Response:
    who = principal(api)
    delete_my_account(who.user_id, who.username, services().deletion, now())
    return no_content()
