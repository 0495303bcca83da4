"""Second steps: answering Cognito's TOTP challenge through the session routes, setting up an
authenticator app, and administrators' rights needing one."""

from dataclasses import replace

import pytest

from chalicelib import bootstrap
from chalicelib.accounts.mfa import AdminMfaCheck
from chalicelib.errors import MfaRequiredError
from tests.fakes.accounts import InMemoryDirectory
from tests.unit.web.test_sessions_api import PASSWORD, cookies_set, sign_in


@pytest.fixture
def ada(services) -> str:
    """An account with an authenticator app turned on."""
    username = services.adapters.sign_in.register("ada.admin@cabinetoffice.gov.uk", PASSWORD)
    services.adapters.directory.totp.add(username)
    return "ada.admin@cabinetoffice.gov.uk"


def answer(api, email: str, challenge: dict, code: str | None):
    body = {"email": email, "name": challenge["name"], "session": challenge["session"]}
    return api.call("POST", "/session/challenge", json_body=body if code is None else {**body, "code": code})


def test_a_person_with_an_authenticator_app_is_asked_for_its_code_before_any_session(api, ada):
    reply = sign_in(api, ada)
    assert reply.status == 200
    assert set(reply.body) == {"challenge"} and reply.body["challenge"]["name"] == "SOFTWARE_TOKEN_MFA"
    assert cookies_set(reply) == {}  # no session yet
    signed = answer(api, ada, reply.body["challenge"], "123456")
    assert signed.status == 200 and signed.body["access_token"]
    assert "HttpOnly" in cookies_set(signed)["mm_session"]


def test_a_wrong_code_is_refused_and_the_challenge_can_be_answered_again(api, ada):
    challenge = sign_in(api, ada).body["challenge"]
    wrong = answer(api, ada, challenge, "000000")
    assert wrong.status == 401 and wrong.body["error"]["code"] == "code_not_correct"
    assert answer(api, ada, challenge, "123456").status == 200


def test_a_code_must_be_six_digits_and_the_challenge_one_we_answer(api, ada):
    challenge = sign_in(api, ada).body["challenge"]
    assert answer(api, ada, challenge, "12345a").status == 400
    assert answer(api, ada, {**challenge, "name": "SMS_MFA"}, "123456").status == 400


def test_setting_up_an_authenticator_app_needs_its_first_code(api, people, services):
    person = people.add("priya.shah@dwp.gov.uk")
    started = api.call("POST", "/me/authenticator", person.token)
    assert started.status == 200 and started.body["uri"].startswith("otpauth://totp/")
    assert api.call("PUT", "/me/authenticator", person.token, {"code": "999999"}).status == 401
    assert api.call("PUT", "/me/authenticator", person.token, {"code": "123456"}).body == {"enabled": True}
    assert services.adapters.directory.has_totp(person.username)
    assert api.call("POST", "/me/authenticator").status == 401


def test_with_the_rule_on_an_administrator_without_an_app_has_no_admin_rights_until_one_is_set_up(
        api, people, services):
    bootstrap.use(replace(services, settings=replace(services.settings, admin_mfa_required=True)))
    admin = people.add("ada.admin@cabinetoffice.gov.uk", admin=True)
    refused = api.call("GET", "/admin/stats", admin.token)
    assert refused.status == 403 and refused.body["error"]["code"] == "mfa_required"
    api.call("POST", "/me/authenticator", admin.token)
    api.call("PUT", "/me/authenticator", admin.token, {"code": "123456"})
    assert api.call("GET", "/admin/stats", admin.token).status == 200


def test_the_admin_check_asks_the_directory_at_most_once_a_minute():
    directory, asked, clock = InMemoryDirectory(), [], [0.0]
    directory.add("u1", "ada@cabinetoffice.gov.uk")
    directory.totp.add("u1")
    original = directory.has_totp
    directory.has_totp = lambda username: asked.append(username) or original(username)  # type: ignore[method-assign]
    check = AdminMfaCheck(directory, 60, clock=lambda: clock[0])
    check.require("u1")
    clock[0] = 59.0
    check.require("u1")
    assert asked == ["u1"]
    directory.totp.discard("u1")
    clock[0] = 61.0
    with pytest.raises(MfaRequiredError):
        check.require("u1")
