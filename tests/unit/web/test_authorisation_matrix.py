"""The authorisation matrix: every route in ``app.routes`` x {no token, other user, party,
administrator, suspended, deleted}, each cell in a fresh world. A route without a row fails the suite.

"party" is the person the route is for: the mentee or mentor of the mentorship, the person whose
own data it is, or, on administrators' routes, the administrator. "suspended" and "deleted" are
that same party after their account was suspended or deleted (their token still verifies).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from app import app
from chalicelib import bootstrap
from chalicelib.accounts.domain import AccountStanding
from tests.builders import make_profile_body
from tests.unit.web.world import World, make_world, mentor

IDENTITIES = ("no token", "other user", "party", "administrator", "suspended", "deleted")


@dataclass(frozen=True)
class Row:
    party: str  # "mentee" | "mentor" | "admin"
    other: int
    party_status: int
    admin: int
    body: Callable[[World, "Extras"], object] | None = None
    public: bool = False
    prepare: Callable[[object, World, "Extras"], None] | None = None
    query: str = ""  # the query string the call carries


@dataclass
class Extras:
    spare_mentor: str = ""
    invitation_code: str = ""
    invitation_id: str = ""
    values: dict = field(default_factory=dict)


def public(status: int) -> Row:
    return Row("mentee", status, status, status, public=True)


def everyone(status: int, body=None, party: str = "mentee") -> Row:
    return Row(party, status, status, status, body)


def only_party(status: int, party: str = "mentee", body=None, prepare=None) -> Row:
    return Row(party, 404, status, 404, body, prepare=prepare)


def only_admin(status: int, body=None, prepare=None, query: str = "") -> Row:
    return Row("admin", 403, status, status, body, prepare=prepare, query=query)


def accept_first(api, world, extras):
    assert api.call("POST", f"/mentorships/{world.mentorship_id}/accept", world.mentor.token).status == 200


def block_mentor_first(api, world, extras):
    assert api.call("POST", "/blocks", world.mentee.token, {"user_id": world.mentor.user_id}).status == 201


def register_a_password_first(api, world, extras):
    bootstrap.services().adapters.sign_in.register("sam.signer@dwp.gov.uk", "correct horse battery")


SIGN_IN = {"email": "sam.signer@dwp.gov.uk", "password": "correct horse battery"}


CHALLENGE = {"email": "sam.signer@dwp.gov.uk", "name": "SOFTWARE_TOKEN_MFA", "session": "gone", "code": "123456"}
CODE = {"code": "made-up", "code_verifier": "v" * 43, "redirect_uri": "http://127.0.0.1:8000/auth/callback"}


def suspend_mentor_first(api, world, extras):
    assert api.call("POST", f"/admin/users/{world.mentor.user_id}/suspend", world.admin.token).status == 200


def report_mentor_first(api, world, extras):
    assert api.call("POST", "/reports", world.mentee.token, {"user_id": world.mentor.user_id,
                                                            "reason": "Rude"}).status == 201


ROWS: dict[tuple[str, str], Row] = {
    ("GET", "/health"): public(200),
    ("GET", "/openapi.json"): public(200),
    ("GET", "/organisations"): public(200),
    ("GET", "/vocabulary/{kind}"): public(200),
    ("GET", "/invitations/{invitation}"): public(200),
    # Signing in and out: public (the session cookie, not a token, is what counts).
    ("POST", "/session"): Row("mentee", 200, 200, 200, lambda w, x: SIGN_IN, public=True,
                              prepare=register_a_password_first),
    ("POST", "/session/refresh"): public(401),  # no session cookie: session_ended
    ("DELETE", "/session"): public(204),
    ("POST", "/session/challenge"): Row("mentee", 401, 401, 401, lambda w, x: CHALLENGE, public=True),  # no such challenge
    ("POST", "/session/oauth"): Row("mentee", 401, 401, 401, lambda w, x: CODE, public=True),  # an unknown code
    # Before an account is made: public (a domain's membership is public, GET /organisations).
    ("POST", "/sign-up/check"): Row("mentee", 200, 200, 200, lambda w, x: {"email": "new.person@hmrc.gov.uk"},
                                    public=True),
    ("POST", "/me/authenticator"): everyone(200),
    ("PUT", "/me/authenticator"): everyone(200, lambda w, x: {"code": "123456"}),  # what the in-memory app shows
    ("GET", "/me/profile"): everyone(200),
    ("PUT", "/me/profile"): everyone(200, lambda w, x: make_profile_body(version=1)),
    ("DELETE", "/me"): everyone(204),
    ("GET", "/me/export"): everyone(200),
    ("GET", "/me/matches"): everyone(200),
    ("GET", "/me/organisation"): everyone(200),
    ("GET", "/profiles/{user_id}"): everyone(200),
    ("GET", "/mentors"): everyone(200),
    ("POST", "/mentorships"): everyone(201, lambda w, x: {"mentor_id": x.spare_mentor, "message": "Hello"}),
    ("GET", "/mentorships"): everyone(200),
    ("GET", "/mentorships/{mentorship_id}"): only_party(200),
    ("POST", "/mentorships/{mentorship_id}/accept"): only_party(200, "mentor"),
    ("POST", "/mentorships/{mentorship_id}/decline"): only_party(200, "mentor"),
    ("POST", "/mentorships/{mentorship_id}/withdraw"): only_party(200),
    ("POST", "/mentorships/{mentorship_id}/end"): only_party(200, prepare=accept_first),
    ("GET", "/mentorships/{mentorship_id}/messages"): only_party(200),
    ("POST", "/mentorships/{mentorship_id}/messages"): only_party(201, body=lambda w, x: {"body": "Hello"}),
    ("POST", "/blocks"): everyone(201, lambda w, x: {"user_id": x.spare_mentor}),
    ("GET", "/blocks"): everyone(200),
    ("DELETE", "/blocks/{user_id}"): only_party(204, prepare=block_mentor_first),
    ("POST", "/reports"): everyone(201, lambda w, x: {"user_id": x.spare_mentor, "reason": "Rude"}),
    ("POST", "/invitations"): only_admin(201, lambda w, x: {"organisation_id": "hm-revenue-customs", "max_uses": 3}),
    ("GET", "/invitations"): only_admin(200),
    ("DELETE", "/invitations/{invitation}"): only_admin(204),
    ("POST", "/invitations/{invitation}/redeem"): everyone(200),
    ("POST", "/organisations"): only_admin(201, lambda w, x: {"id": "new-body", "name": "New Body",
                                                              "kind": "arms-length body"}),
    ("PUT", "/organisations/{organisation_id}"): only_admin(200, lambda w, x: {
        "name": "HM Revenue and Customs", "kind": "department", "domains": ["hmrc.gov.uk"]}),
    ("GET", "/admin/organisations"): only_admin(200),
    ("GET", "/admin/stats"): only_admin(200),
    ("GET", "/admin/audit"): only_admin(200),
    ("POST", "/admin/users/{user_id}/suspend"): only_admin(200),
    ("POST", "/admin/users/{user_id}/reinstate"): only_admin(200),
    ("GET", "/admin/users/{user_id}/export"): only_admin(200, prepare=suspend_mentor_first),
    ("DELETE", "/admin/users/{user_id}"): only_admin(200, prepare=suspend_mentor_first),
    ("GET", "/admin/users"): only_admin(200, query="q=Maya"),
    ("GET", "/admin/users/{user_id}"): only_admin(200, prepare=report_mentor_first),
    ("GET", "/admin/reports"): only_admin(200, prepare=report_mentor_first),
}


def routes() -> list[tuple[str, str]]:
    return sorted((method, path) for path, methods in app.routes.items() for method in methods)


def test_every_route_has_a_row_in_the_matrix():
    missing = [f"{method} {path}" for method, path in routes() if (method, path) not in ROWS]
    assert not missing, f"add these routes to the authorisation matrix: {missing}"


def test_the_matrix_has_no_rows_for_routes_that_are_gone():
    assert set(ROWS) <= set(routes())


def expected(row: Row, identity: str) -> int:
    if row.public:
        return row.party_status
    return {"no token": 401, "other user": row.other, "party": row.party_status, "administrator": row.admin,
            "suspended": 403, "deleted": 401}[identity]


def concrete_path(path: str, world: World, extras: Extras) -> str:
    values = {"user_id": world.mentor.user_id, "mentorship_id": world.mentorship_id, "kind": "skills",
              "organisation_id": "hm-revenue-customs", "invitation": extras.invitation_code}
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    return path


def token_of(identity: str, row: Row, world: World, services) -> str | None:
    party = {"mentee": world.mentee, "mentor": world.mentor, "admin": world.admin}[row.party]
    if identity in ("suspended", "deleted"):
        state = "suspended" if identity == "suspended" else "deleted"
        services.adapters.accounts.put(AccountStanding(party.user_id, state, "2026-05-01T09:00:00+00:00"))
        return party.token
    return {"no token": None, "other user": world.other.token, "party": party.token,
            "administrator": world.admin.token}[identity]


@pytest.mark.parametrize("identity", IDENTITIES)
@pytest.mark.parametrize("method, path", routes())
def test_each_route_answers_each_identity_as_the_matrix_says(api, people, services, method, path, identity):
    row = ROWS[(method, path)]
    world = make_world(api, people)
    invitation = api.call("POST", "/invitations", world.admin.token,
                          {"organisation_id": "hm-revenue-customs", "max_uses": 10}).body
    extras = Extras(spare_mentor=mentor(api, people, "Spare Mentor").user_id, invitation_code=invitation["code"],
                    invitation_id=invitation["id"])
    if row.prepare:
        row.prepare(api, world, extras)
    target = concrete_path(path, world, extras)
    if method == "DELETE" and path == "/invitations/{invitation}":
        target = f"/invitations/{extras.invitation_id}"
    if row.query:
        target = f"{target}?{row.query}"
    body = row.body(world, extras) if row.body else None
    reply = api.call(method, target, token_of(identity, row, world, services), json_body=body)
    assert reply.status == expected(row, identity), f"{identity}: {method} {target} -> {reply.status} {reply.body}"
