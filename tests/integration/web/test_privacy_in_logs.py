"""Privacy in logs: the main journeys driven with canary values, on moto, through the real app.

Issue 13's journeys that touch personal data are here too: an administrator finding a person by
name and by email, their page and the recent reports; a search for mentors by skill and town; an
empty list's reasons (which name the skills wanted); the sign-up check of a work and a personal
address; signing out everywhere. (A forgotten password is reset between the site and Cognito:
no API route sees it, so there is nothing of ours to log.)

Logs carry ids, never names, emails, message text, invitation codes, passwords or tokens. Every
log record (our loggers at DEBUG, everyone else's at INFO, as Lambda would keep them) and
everything written to stdout (the EMF metric lines) is captured and searched for the canaries.
"""

import logging
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import quote

import boto3
import pytest
from chalice.test import Client

from app import app
from chalicelib import bootstrap
from chalicelib.adapters.cognito import CognitoSignIn
from chalicelib.bootstrap import services
from chalicelib.invitations import service as invitations
from infra.local.resources import client_arguments
from tests.integration.journey import Journey, Member

EMAIL_LOCAL = "canary.email.q7z"
EMAIL = f"{EMAIL_LOCAL}@dwp.gov.uk"
PERSONAL_EMAIL = "canary.personal.q7z@gmail.com"
NAME = "Canaryname Quillfeather"
TEXT = "canary message text q7z"
UNKNOWN_CODE = "canaryCodeQ7z" + "x" * 30
BAD_TOKEN = "canary.token.q7z"
PASSWORD = "Canary-Password-q7z-42"
SKILL = "Canaryskill Q7z"
TOWN = "Canarytown Q7z"
FORMAT = logging.Formatter("%(name)s %(levelname)s %(message)s")


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.INFO)  # other people's libraries: as Lambda keeps them
    for ours in ("chalicelib", "mentor-match", "app", "infra"):
        caplog.set_level(logging.DEBUG, logger=ours)
    return caplog


def signed_in_with_a_password(journey: Journey) -> dict:
    """A person with a password in the user pool, signed in through POST /session and refreshed."""
    client = boto3.client("cognito-idp", region_name=journey.region)
    client_id = client.create_user_pool_client(**client_arguments(journey.pool_id))["UserPoolClient"]["ClientId"]
    username, _ = journey.accounts.pool.create(EMAIL, admin=False)
    client.admin_set_user_password(UserPoolId=journey.pool_id, Username=username, Password=PASSWORD, Permanent=True)
    s = services()
    bootstrap.use(replace(s, adapters=replace(s.adapters, sign_in=CognitoSignIn(client, client_id, journey.pool_id))))
    signed = journey.api.call("POST", "/session", json_body={"email": EMAIL, "password": PASSWORD})
    assert signed.status == 200, signed.body
    wrong = journey.api.call("POST", "/session", json_body={"email": EMAIL, "password": PASSWORD + "x"})
    assert wrong.status == 401
    return signed.body


def sign_up_gate(journey: Journey, code: str) -> None:
    """The PreSignUp trigger with a work email, an invitation code, and a refused personal email."""
    def event(email: str, invitation: str = "") -> dict:
        return {"triggerSource": "PreSignUp_SignUp", "userPoolId": journey.pool_id, "userName": email,
                "request": {"userAttributes": {"email": email}, "validationData": {"invitation": invitation},
                            "clientMetadata": {}}, "response": {}}

    with Client(app) as client:
        client.lambda_.invoke("pre_sign_up", event(EMAIL))
        client.lambda_.invoke("pre_sign_up", event(PERSONAL_EMAIL, code))
        with pytest.raises(Exception, match="invitation"):
            client.lambda_.invoke("pre_sign_up", event(PERSONAL_EMAIL, UNKNOWN_CODE))


def mentoring(journey: Journey, me: Member, mentor: Member) -> str:
    asked = journey.ask(me, mentor, f"{TEXT} (request) from {NAME}")
    mentorship = asked["mentorship_id"]
    journey.call(mentor, "POST", f"/mentorships/{mentorship}/accept", expect=200)
    journey.call(me, "POST", f"/mentorships/{mentorship}/messages", {"body": f"{TEXT} (message)"}, expect=201)
    journey.call(mentor, "GET", f"/mentorships/{mentorship}/messages", expect=200)
    journey.call(mentor, "GET", f"/profiles/{me.user_id}", expect=200)
    journey.call(mentor, "POST", "/reports", {"mentorship_id": mentorship, "reason": f"{TEXT} (report)"},
                 expect=201)
    journey.call(me, "POST", f"/mentorships/{mentorship}/end", {"feedback": f"{TEXT} (feedback)"}, expect=200)
    return mentorship


def invitation_and_admin(journey: Journey, admin: Member, code: str, newcomer: Member, suspended: Member) -> None:
    journey.call(newcomer, "GET", f"/invitations/{code}", expect=200)
    journey.call(newcomer, "POST", f"/invitations/{code}/redeem", expect=200)
    journey.call(newcomer, "GET", f"/invitations/{UNKNOWN_CODE}", expect=404)
    journey.call(newcomer, "POST", f"/invitations/{UNKNOWN_CODE}/redeem", expect=404)
    journey.call(admin, "POST", f"/admin/users/{suspended.user_id}/suspend", expect=200)
    journey.call(admin, "GET", f"/admin/users/{suspended.user_id}/export", expect=200)
    journey.call(admin, "DELETE", f"/admin/users/{suspended.user_id}", expect=200)
    journey.call(admin, "GET", "/admin/audit", expect=200)
    journey.call(admin, "GET", "/admin/stats", expect=200)


def finding_people(journey: Journey, admin: Member, me: Member, mentor: Member) -> None:
    journey.call(admin, "GET", "/admin/users?q=Canaryname", expect=200)
    by_email = journey.call(admin, "GET", f"/admin/users?q={EMAIL_LOCAL}", expect=200)
    assert [person["email"] for person in by_email.body["people"]] == [EMAIL]  # found through the user pool
    journey.call(admin, "GET", f"/admin/users/{mentor.user_id}", expect=200)
    assert journey.call(admin, "GET", "/admin/reports", expect=200).body["reports"]
    journey.call(me, "GET", f"/mentors?skill={quote(SKILL)}&location={quote(TOWN)}", expect=200)
    nobody_yet = journey.person(f"{NAME} Seeker", roles=["mentee"], skills_wanted=[SKILL], interests=[],
                                professions=[], location=TOWN)
    reasons = journey.call(nobody_yet, "GET", "/me/matches", expect=200).body["reasons"]
    assert SKILL in reasons[0]["skills"]  # the reply names the skill wanted; no log line may
    assert journey.api.call("POST", "/sign-up/check", json_body={"email": EMAIL}).status == 200
    assert journey.api.call("POST", "/sign-up/check", json_body={"email": PERSONAL_EMAIL}).status == 403


def test_no_log_line_or_metric_carries_an_email_name_message_code_password_or_token(journey, logs, capsys):
    session = signed_in_with_a_password(journey)
    admin = journey.accounts.add("canary.admin.q7z@dwp.gov.uk", admin=True)
    admin = Member(admin.user_id, admin.email, "Admin", admin.token)
    created = invitations.create_invitation({"organisation_id": "hm-revenue-customs", "max_uses": 5}, admin.user_id,
                                            services().invitations, datetime.now(UTC))
    code = created["code"]
    sign_up_gate(journey, code)
    me = journey.person(NAME, bio=f"{TEXT} (bio)", roles=["mentee"], skills_wanted=[SKILL], location=TOWN)
    mentor = journey.mentor(f"{NAME} Mentor")
    mentorship = mentoring(journey, me, mentor)
    invitation_and_admin(journey, admin, code, journey.mentee(), journey.mentee(f"{NAME} Suspended"))
    finding_people(journey, admin, me, mentor)
    signed_out = journey.api.call("DELETE", "/session", session["access_token"])  # everywhere: every tab
    assert signed_out.status == 204
    assert journey.api.call("GET", "/me/profile", BAD_TOKEN).status == 401
    journey.call(me, "GET", "/me/export", expect=200)
    journey.call(me, "DELETE", "/me", expect=204)

    lines = [FORMAT.format(record) for record in logs.records] + capsys.readouterr().out.splitlines()
    canaries = {"email": EMAIL_LOCAL, "personal email": PERSONAL_EMAIL, "admin email": "canary.admin",
                "name": "Quillfeather", "text": TEXT, "invitation code": code, "unknown code": "canaryCodeQ7z",
                "password": PASSWORD, "bad token": BAD_TOKEN, "access token": me.token.split(".")[2],
                "session token": session["access_token"].split(".")[2], "skill": SKILL, "town": TOWN}
    leaks = {what: line for what, canary in canaries.items() for line in lines if canary in line}
    assert not leaks
    # The capture itself works: the journey's ids and metrics are there.
    assert any(mentorship in line for line in lines) and any('"Requests":1.0' in line for line in lines)
