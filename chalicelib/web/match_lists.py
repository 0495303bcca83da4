"""Routes: my suggested mentors or mentees.

GET /me/matches?as=mentee|mentor ->
  {"computed_at": "2026-11-26T10:00:00+00:00",
   "matches": [{"user_id", "display_name", "job_title", "organisation_id", "department", "grade",
                "location", "score" (0..1), "shared": {"skills": [...], "interests": [...],
                "professions": [...]}}]}
`as=mentee` (the default) lists mentors for me; `as=mentor` lists people I could mentor.
"""

from chalice import Blueprint

from chalicelib.bootstrap import services
from chalicelib.match_lists.schema import MatchesQuery, MatchesReply
from chalicelib.match_lists.service import get_my_matches
from chalicelib.web.common import api_route, bearer, now, principal, query_as

api = Blueprint(__name__)


@api_route(api, "/me/matches", authorizer=bearer, query=MatchesQuery, reply=MatchesReply, errors=(404,),
           summary="My suggested mentors (as=mentee) or mentees (as=mentor)")
def list_my_matches() -> dict[str, object]:
    role = query_as(api, MatchesQuery).as_
    return get_my_matches(principal(api).user_id, role, services().matches, now())
