"""Invitation links through the real app, authorizer and DynamoDB (moto)."""

from datetime import UTC, datetime, timedelta

import pytest

from chalicelib import bootstrap
from chalicelib.adapters.dynamo.tables import InvitationModel
from chalicelib.invitations.domain import hash_code, new_code
from chalicelib.settings import reset_settings

NOT_VALID = "invitation_not_valid"


@pytest.fixture
def admin(people):
    return people.add("coordinator@hmrc.gov.uk", admin=True)


def create(api, admin, headers=None, **overrides):
    body = {"organisation_id": "hm-revenue-customs", "expires_in_days": 30, "max_uses": 5, **overrides}
    reply = api.call("POST", "/invitations", admin.token, body, headers=headers)
    assert reply.status == 201, reply.body
    return reply.body


def test_an_administrator_creates_an_invitation_and_sees_its_link_once(api, admin):
    created = create(api, admin)
    assert created["link"] == f"/join?code={created['code']}"
    assert len(created["code"]) >= 43
    assert created["organisation"] == {"id": "hm-revenue-customs", "name": "HM Revenue & Customs"}
    stored = InvitationModel.get(hash_code(created["code"]))
    assert created["code"] not in str(stored.attribute_values)
    listed = api.call("GET", "/invitations", admin.token)
    assert listed.status == 200
    assert [i["id"] for i in listed.body["invitations"]] == [created["id"]]
    assert created["code"] not in str(listed.body)


def test_people_who_are_not_administrators_cannot_create_list_or_revoke(api, people, tokens):
    priya = people.add("priya@dwp.gov.uk")
    body = {"organisation_id": "hm-revenue-customs", "max_uses": 5}
    assert api.call("POST", "/invitations", priya.token, body).status == 403
    assert api.call("GET", "/invitations", priya.token).status == 403
    assert api.call("DELETE", "/invitations/some-id", priya.token).status == 403
    assert api.call("POST", "/invitations", None, body).status == 401


def test_a_bad_request_gets_400_naming_the_field(api, admin):
    reply = api.call("POST", "/invitations", admin.token,
                     {"organisation_id": "hm-revenue-customs", "max_uses": 5, "expires_in_days": 365})
    assert reply.status == 400
    assert "expires_in_days" in reply.body["error"]["fields"]


def test_anyone_can_check_a_valid_link(api, admin):
    created = create(api, admin)
    reply = api.call("GET", f"/invitations/{created['code']}")
    assert reply.status == 200
    assert reply.body == {"organisation": {"id": "hm-revenue-customs", "name": "HM Revenue & Customs"},
                          "expires_at": created["expires_at"]}


def test_unknown_expired_revoked_and_used_up_codes_get_one_and_the_same_answer(api, admin, people):
    expired = create(api, admin)
    InvitationModel(code_hash=hash_code(expired["code"])).update(
        actions=[InvitationModel.expires_at.set(datetime.now(UTC) - timedelta(minutes=1))])
    revoked = create(api, admin)
    assert api.call("DELETE", f"/invitations/{revoked['id']}", admin.token).status == 204
    used_up = create(api, admin, max_uses=1)
    assert api.call("POST", f"/invitations/{used_up['code']}/redeem", people.add("a@gmail.com").token).status == 200
    someone = people.add("b@gmail.com")
    answers = []
    for code in (new_code(), expired["code"], revoked["code"], used_up["code"]):
        for reply in (api.call("GET", f"/invitations/{code}"),
                      api.call("POST", f"/invitations/{code}/redeem", someone.token)):
            answers.append((reply.status, reply.body["error"]["code"], reply.body["error"]["message"]))
    assert len(set(answers)) == 1
    assert answers[0][:2] == (404, NOT_VALID)


def test_redeeming_counts_one_use_and_redeeming_again_counts_nothing(api, admin, people):
    created = create(api, admin, max_uses=2)
    joiner = people.add("joiner@gmail.com")
    first = api.call("POST", f"/invitations/{created['code']}/redeem", joiner.token)
    again = api.call("POST", f"/invitations/{created['code']}/redeem", joiner.token)
    assert first.status == again.status == 200
    assert first.body == again.body
    assert api.call("GET", "/invitations", admin.token).body["invitations"][0]["uses"] == 1


def test_redeeming_needs_a_signed_in_person(api, admin):
    created = create(api, admin)
    assert api.call("POST", f"/invitations/{created['code']}/redeem").status == 401


def test_revoking_takes_effect_at_once_and_is_audited(api, admin):
    created = create(api, admin)
    assert api.call("DELETE", f"/invitations/{created['id']}", admin.token).status == 204
    assert api.call("GET", f"/invitations/{created['code']}").status == 404
    listed = api.call("GET", "/invitations", admin.token).body["invitations"]
    assert listed[0]["status"] == "revoked"
    entries = api.call("GET", "/admin/audit", admin.token).body["entries"]
    assert [(e["action"], e["target_id"], e["actor"]) for e in entries] == [
        ("invitation.revoke", created["id"], admin.user_id), ("invitation.create", created["id"], admin.user_id)]
    assert api.call("DELETE", "/invitations/no-such-id", admin.token).status == 404


def test_unknown_codes_from_one_address_over_its_loose_limit_get_429_but_a_valid_code_still_works(
        api, admin, monkeypatch):
    monkeypatch.setenv("INVITATION_ADDRESS_LIMIT", "3")
    monkeypatch.setenv("ORIGIN_VERIFY_SECRET", "from-cloudfront")
    reset_settings()
    bootstrap.reset()
    address = {"CloudFront-Viewer-Address": "198.51.100.23:51234", "X-Origin-Verify": "from-cloudfront"}
    statuses = [api.call("GET", f"/invitations/{new_code()}", headers=address).status for _ in range(4)]
    assert statuses == [404, 404, 429, 429]
    limited = api.call("GET", f"/invitations/{new_code()}", headers=address)
    assert limited.body["error"]["code"] == "too_many_requests"
    assert int(limited.headers["Retry-After"]) >= 1
    assert api.call("GET", f"/invitations/{create(api, admin, headers=address)['code']}", headers=address).status == 200
    other = {"CloudFront-Viewer-Address": "203.0.113.9:443", "X-Origin-Verify": "from-cloudfront"}
    assert api.call("GET", f"/invitations/{new_code()}", headers=other).status == 404


def test_ten_bad_codes_from_one_person_slow_them_down_whatever_their_address(api, people):
    guesser = people.add("guesser@gmail.com")
    for number in range(10):
        headers = {"CloudFront-Viewer-Address": f"192.0.2.{number}:443"}
        assert api.call("POST", f"/invitations/{new_code()}/redeem", guesser.token, headers=headers).status == 404
    headers = {"CloudFront-Viewer-Address": "192.0.2.99:443"}
    assert api.call("POST", f"/invitations/{new_code()}/redeem", guesser.token, headers=headers).status == 429
