"""The sign-up gate in the API: the first profile is refused unless the email or an invitation admits."""

import json

from tests.builders import make_profile_body


def invitation_code(api, people, organisation_id="hm-revenue-customs", max_uses=5) -> str:
    admin = people.add("coordinator@hmrc.gov.uk", admin=True)
    reply = api.call("POST", "/invitations", admin.token, {"organisation_id": organisation_id, "max_uses": max_uses})
    assert reply.status == 201, reply.body
    return reply.body["code"]


def test_a_work_email_creates_a_profile_in_its_own_organisation(api, people):
    priya = people.add("priya.shah@dwp.gov.uk")
    assert api.call("GET", "/me/organisation", priya.token).body == {"organisations": [
        {"id": "department-for-work-pensions", "name": "Department for Work and Pensions", "via": "email"}]}
    reply = api.call("PUT", "/me/profile", priya.token, make_profile_body())
    assert reply.status == 200, reply.body


def test_a_work_email_cannot_place_itself_in_another_organisation(api, people):
    priya = people.add("priya.shah@dwp.gov.uk")
    reply = api.call("PUT", "/me/profile", priya.token, make_profile_body(organisation_id="hm-revenue-customs"))
    assert reply.status == 400
    assert reply.body["error"]["fields"] == {"organisation_id": "must be department-for-work-pensions"}
    assert api.call("GET", "/me/profile", priya.token).status == 404


def test_someone_without_a_work_email_or_invitation_gets_403_saying_what_to_do(api, people):
    outsider = people.add("someone@gmail.com")
    reply = api.call("PUT", "/me/profile", outsider.token, make_profile_body())
    assert reply.status == 403
    assert reply.body["error"]["code"] == "sign_up_not_allowed"
    assert "Ask your department for an invitation link" in reply.body["error"]["message"]
    assert api.call("GET", "/me/organisation", outsider.token).status == 403
    assert api.call("GET", "/me/profile", outsider.token).status == 404


def test_after_redeeming_an_invitation_the_profile_goes_in_the_invited_organisation(api, people):
    code = invitation_code(api, people)
    joiner = people.add("new.joiner@gmail.com")
    redeemed = api.call("POST", f"/invitations/{code}/redeem", joiner.token, {"organisation_id": "home-office"})
    assert redeemed.status == 200
    assert redeemed.body["organisation"]["id"] == "hm-revenue-customs"  # the body cannot choose another
    assert api.call("PUT", "/me/profile", joiner.token, make_profile_body()).status == 400
    reply = api.call("PUT", "/me/profile", joiner.token, make_profile_body(organisation_id="hm-revenue-customs"))
    assert reply.status == 200
    assert reply.body["organisation_id"] == "hm-revenue-customs"


def test_moving_an_existing_profile_to_another_organisation_is_checked_too(api, people):
    priya = people.add("priya.shah@dwp.gov.uk")
    first = api.call("PUT", "/me/profile", priya.token, make_profile_body()).body
    moved = api.call("PUT", "/me/profile", priya.token,
                     make_profile_body(organisation_id="hm-revenue-customs", version=first["version"]))
    assert moved.status == 400
    same = api.call("PUT", "/me/profile", priya.token, make_profile_body(location="York", version=first["version"]))
    assert same.status == 200


def test_a_first_profile_emits_a_profiles_metric_line(api, people, capsys):
    priya = people.add("priya.shah@dwp.gov.uk")
    api.call("PUT", "/me/profile", priya.token, make_profile_body())
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith('{"_aws"')]
    assert [line["Profiles"] for line in lines if "Profiles" in line] == [1.0]
