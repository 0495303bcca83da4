"""Routes: search and browse mentors (rules in chalicelib/mentor_search/__init__.py).

GET /mentors?skill=&organisation=&location=&grade=&cursor=      (signed in, with a profile)
    skill: a skill the mentor offers (compared as tags are: "python" finds "Python"), <= 60 chars;
    organisation: an organisation id (GET /organisations); location: a town or city, compared
    case-insensitively, <= 80 chars; grade: one of the ten grades, at mine or above; cursor: the
    ``next_cursor`` of the page before. Every parameter is optional: none browses everyone.
    200 {"mentors": [{"user_id", "display_name", "job_title", "organisation_id", "department",
                      "grade", "location", "skills_offered": [...as they wrote them],
                      "can_help_with": [skills I want to develop that they offer, as I wrote them]}],
         "next_cursor": "…" or null}
         Mentors at my grade first, then each grade above; at most 20 a page. A page may hold fewer
         than 20 and still have a next_cursor (a search reads a bounded part of the index per call).
    400 validation_error (an unknown parameter, or one too long or malformed); 404 not_found (no profile yet)
"""

from chalice import Blueprint

from chalicelib.bootstrap import services
from chalicelib.mentor_search.schema import MentorSearchInput, MentorsReply
from chalicelib.mentor_search.service import search_mentors
from chalicelib.web.common import api_route, bearer, now, principal

api = Blueprint(__name__)


@api_route(api, "/mentors", authorizer=bearer, query=MentorSearchInput, reply=MentorsReply, errors=(404,),
           summary="Search and browse mentors taking requests, at my grade or above (a page at a time)")
def find_mentors() -> dict[str, object]:
    who = principal(api)
    return search_mentors(who.user_id, dict(api.current_request.query_params or {}), services().search, now())
