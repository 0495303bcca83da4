"""Routes: download all my data, delete my account (shapes in chalicelib/web/mentorships.py's docstring)."""

from chalice import Blueprint

from chalicelib import dependencies as deps
from chalicelib.privacy.deletion import delete_my_account
from chalicelib.privacy.export import export_my_data
from chalicelib.web.common import api_route, bearer, no_content, now, principal

api = Blueprint(__name__)


@api_route(api, "/me/export", methods=["GET"], authorizer=bearer)
def export_my_data_route():
    return export_my_data(principal(api).user_id, deps.journey_stores(), deps.account_repository(), now())


@api_route(api, "/me", methods=["DELETE"], authorizer=bearer)
def delete_me():
    delete_my_account(principal(api), deps.deletion_stores(), now())
    return no_content()
