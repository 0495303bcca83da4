"""Export and account deletion through the real app on moto (DynamoDB, Cognito, SES)."""

import json

import boto3

from chalicelib.adapters.dynamo.tables import TABLES
from tests.integration.journey import Journey

UNIQUE_NAME = "Zephyrine Quartermaine"


def a_full_history(journey: Journey):
    """Someone with a profile, requests both ways, messages, blocks and reports; and the people around them."""
    me = journey.person(UNIQUE_NAME, roles=["mentee", "mentor"], mentor_capacity=2, accepting_requests=True)
    mentor, mentee, pest = journey.mentor("Ben Okafor", capacity=1), journey.mentee("Chen Li"), journey.mentee()
    mine = journey.ask(me, mentor, f"Hello Ben, this is {UNIQUE_NAME}")
    journey.call(mentor, "POST", f"/mentorships/{mine['mentorship_id']}/accept", expect=200)
    journey.call(mentor, "POST", f"/mentorships/{mine['mentorship_id']}/messages", {"body": "Welcome!"}, expect=201)
    theirs = journey.ask(mentee, me, "Please mentor me")
    journey.call(me, "POST", f"/mentorships/{theirs['mentorship_id']}/messages", {"body": "Tell me more"}, expect=201)
    journey.call(me, "POST", "/blocks", {"user_id": pest.user_id}, expect=201)
    journey.call(mentee, "POST", "/blocks", {"user_id": me.user_id}, expect=201)
    journey.call(me, "POST", "/reports", {"user_id": pest.user_id, "reason": "Spam"}, expect=201)
    journey.call(mentee, "POST", "/reports", {"mentorship_id": theirs["mentorship_id"],
                                              "reason": f"{UNIQUE_NAME} was rude"}, expect=201)
    return me, mentor, mentee, mine, theirs


def test_the_export_holds_everything_about_me(journey):
    me, mentor, mentee, mine, theirs = a_full_history(journey)
    data = journey.call(me, "GET", "/me/export", expect=200).body
    assert data["user_id"] == me.user_id and data["email"] == me.email
    assert data["account"] == {"state": "active", "state_described": "Active", "changed_at": None}
    assert data["profile"]["display_name"] == UNIQUE_NAME
    # codes come with the words the site uses for them
    assert data["profile"]["organisation_name"] == "Department for Work and Pensions"
    assert data["profile"]["grade_name"].endswith(f"({data['profile']['grade']})") or data["profile"]["grade_name"]
    assert all(m["status_described"] for m in data["mentorships"])
    assert {m["mentorship_id"]: m["my_role"] for m in data["mentorships"]} == {
        mine["mentorship_id"]: "mentee", theirs["mentorship_id"]: "mentor"}
    assert sorted(m["body"] for m in data["messages"]) == sorted(
        [f"Hello Ben, this is {UNIQUE_NAME}", "Welcome!", "Please mentor me", "Tell me more"])
    assert [b["user_id"] for b in data["blocks"]] == [journey.people[3].user_id]
    assert [r["reason"] for r in data["reports"]] == ["Spam"]
    json.dumps(data)


def items_mentioning(needles: list[str]) -> dict[str, list[dict]]:
    found = {}
    for base, model in TABLES.items():
        for item in model.scan():
            text = json.dumps(item.attribute_values, default=str)
            if any(needle in text for needle in needles):
                found.setdefault(base, []).append(item.attribute_values)
    return found


def test_after_deletion_no_table_holds_my_id_email_or_name(journey):
    """Every table in TABLES is scanned. Right after deletion, other people's stored match lists may
    still name my id (the matches API drops deleted people when it reads them); the next hourly
    recompute rewrites those lists. After it, only the record that refuses my old tokens is left:
    my id and the fact of deletion, nothing else."""
    me, mentor, mentee, mine, theirs = a_full_history(journey)
    needles = [me.user_id, me.email, UNIQUE_NAME]
    assert set(items_mentioning(needles)) >= {"profiles", "mentorships", "messages", "blocks", "reports", "pairs",
                                              "loads"}
    journey.call(me, "DELETE", "/me", expect=204)
    assert set(items_mentioning(needles)) <= {"accounts", "matches"}
    assert all(item["user_id"] != me.user_id for item in items_mentioning(needles).get("matches", []))
    journey.api.client.lambda_.invoke("recompute", journey.api.client.events.generate_cw_event(
        source="aws.events", detail_type="Scheduled Event", detail={}, resources=[]))
    [standing] = items_mentioning(needles).pop("accounts")
    assert items_mentioning(needles) == {"accounts": [standing]}
    assert set(standing) == {"user_id", "state", "changed_at"} and standing["state"] == "deleted"


def test_after_deletion_my_token_is_refused_and_my_cognito_user_is_gone(journey):
    me = a_full_history(journey)[0]
    journey.call(me, "DELETE", "/me", expect=204)
    assert journey.call(me, "GET", "/me/profile").status == 401
    assert journey.call(me, "DELETE", "/me").status == 401
    cognito = boto3.client("cognito-idp", region_name=journey.region)
    users = cognito.list_users(UserPoolId=journey.pool_id, Filter=f'sub = "{me.user_id}"')["Users"]
    assert users == []


def test_the_other_person_sees_the_mentorship_ended_because_I_left_and_the_place_is_free(journey):
    me, mentor, mentee, mine, theirs = a_full_history(journey)
    journey.call(me, "DELETE", "/me", expect=204)
    seen = journey.call(mentor, "GET", f"/mentorships/{mine['mentorship_id']}", expect=200).body
    assert seen["status"] == "ended" and seen["ended_reason"] == "left"
    assert seen["other"] == {"user_id": None, "display_name": "Someone who has left Mentor Match", "email": None}
    assert journey.call(mentor, "GET", f"/mentorships/{mine['mentorship_id']}/messages", expect=200).body == {
        "messages": [], "next_cursor": None}
    journey.call(mentor, "POST", f"/mentorships/{mine['mentorship_id']}/messages", {"body": "hi"}, expect=409)
    newcomer = journey.mentee()
    again = journey.ask(newcomer, mentor)
    journey.call(mentor, "POST", f"/mentorships/{again['mentorship_id']}/accept", expect=200)
    waiting = journey.call(mentee, "GET", f"/mentorships/{theirs['mentorship_id']}", expect=200).body
    assert waiting["status"] == "ended" and waiting["ended_reason"] == "left"
