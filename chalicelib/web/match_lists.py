"""Routes: my suggested mentors or mentees.

GET /me/matches?as=mentee|mentor ->
  {"computed_at": "2026-11-26T10:00:00+00:00",
   "matches": [{"user_id", "display_name", "job_title", "organisation_id", "department", "grade",
                "location", "score" (0..1),
                "shared": {"skills": [...], "interests": [...], "professions": [...]},
                "skills_asked": <how many skills the mentee wants to develop>,
                "strength": "strong" | "good" | "some"}],
   "reasons": [{"code": "...", ...}]}
`as=mentee` (the default) lists mentors for me; `as=mentor` lists people I could mentor.
``shared.skills`` are the skills in common (on my list of mentors: ones I want that they offer;
on my list of mentees: ones they want that I offer), written as the mentee wrote them; interests
and professions as I wrote them. ``strength`` follows the rule in chalicelib/match_lists/
explanation.py; entries come strong first, then good, then some, by score within each.
``reasons`` is empty unless ``matches`` is: then it says why, in this person's terms
(chalicelib/match_lists/empty.py lists the codes and what each carries).
400 validation_error (as= is neither); 404 not_found (no profile yet).
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
