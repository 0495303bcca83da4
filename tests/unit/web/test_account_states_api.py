"""Suspended and deleted people are invisible to others; their data rights still hold; removed
administrators lose their rights within a minute with the same token (issue 10)."""

from chalicelib.accounts.domain import AccountStanding
from chalicelib.auth import ADMINS_GROUP
from tests.unit.web.world import ask, make_world, mentee, mentor, suspend


def test_a_suspended_mentor_is_invisible_and_cannot_be_asked_or_emailed(api, people, services):
    the_mentor, asker = mentor(api, people), mentee(api, people)
    suspend(services, the_mentor)
    assert api.call("GET", f"/profiles/{the_mentor.user_id}", asker.token).status == 404
    reply = ask(api, asker, the_mentor)
    assert reply.status == 404
    assert services.adapters.email.sent == []
    assert api.call("GET", "/me/matches", asker.token).body["matches"] == []


def test_a_deleted_person_s_profile_is_404_to_others(api, people, services):
    gone, viewer = mentor(api, people), mentee(api, people)
    services.adapters.accounts.put(AccountStanding(gone.user_id, "deleted", "2026-05-01T09:00:00+00:00"))
    assert api.call("GET", f"/profiles/{gone.user_id}", viewer.token).status == 404


def test_a_suspended_mentee_cannot_be_accepted_or_messaged(api, people, services):
    world = make_world(api, people)
    suspend(services, world.mentee)
    accept = api.call("POST", f"/mentorships/{world.mentorship_id}/accept", world.mentor.token)
    assert accept.status == 409
    message = api.call("POST", f"/mentorships/{world.mentorship_id}/messages", world.mentor.token, {"body": "Hi"})
    assert message.status == 409
    assert api.call("POST", "/blocks", world.mentor.token, {"user_id": world.mentee.user_id}).status == 404


def test_an_administrator_exports_and_erases_a_suspended_account_on_request_audited_by_id(api, people, services):
    world = make_world(api, people)
    admin = world.admin.token
    assert api.call("GET", f"/admin/users/{world.mentee.user_id}/export", admin).status == 409  # not suspended
    api.call("POST", f"/admin/users/{world.mentee.user_id}/suspend", admin)
    exported = api.call("GET", f"/admin/users/{world.mentee.user_id}/export", admin)
    assert exported.status == 200
    assert exported.body["user_id"] == world.mentee.user_id
    assert exported.body["account"]["state"] == "suspended"
    assert exported.headers["Cache-Control"] == "no-store"
    erased = api.call("DELETE", f"/admin/users/{world.mentee.user_id}", admin)
    assert erased.status == 200
    assert services.adapters.profiles.get(world.mentee.user_id) is None
    assert services.adapters.directory.find(world.mentee.user_id) is None
    assert api.call("DELETE", f"/admin/users/{world.mentee.user_id}", admin).status == 404
    actions = [(e["action"], e["target_id"]) for e in api.call("GET", "/admin/audit", admin).body["entries"]]
    assert ("account.export", world.mentee.user_id) in actions
    assert ("account.erase", world.mentee.user_id) in actions


def test_removal_from_admins_takes_effect_within_a_minute_with_the_same_token(api, people, services):
    admin = people.add(admin=True)
    clock = [1000.0]
    services.admins.clock = lambda: clock[0]
    assert api.call("GET", "/admin/audit", admin.token).status == 200
    services.adapters.directory.set_group(admin.username, ADMINS_GROUP, member=False)  # CLI or AWS console
    clock[0] += 60
    assert api.call("GET", "/admin/audit", admin.token).status == 403
    body = {"organisation_id": "hm-revenue-customs", "max_uses": 5}
    assert api.call("POST", "/invitations", admin.token, body).status == 403


def test_a_token_claiming_admins_for_someone_outside_the_group_is_refused(api, people, tokens):
    person = people.add()
    forged_claim = tokens.mint(sub=person.user_id, username=person.username, **{"cognito:groups": [ADMINS_GROUP]})
    assert api.call("GET", "/admin/stats", forged_claim).status == 403


def test_personal_replies_are_never_cached_and_public_ones_briefly(api, people):
    token = people.token()
    assert api.call("GET", "/me/organisation", token).headers["Cache-Control"] == "no-store"
    assert api.call("GET", "/me/profile", token).headers["Cache-Control"] == "no-store"  # a 404 too
    assert api.call("GET", "/organisations").headers["Cache-Control"].startswith("public")
