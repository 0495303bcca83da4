"""The demo people ``make load`` acts as, signed in and ready before anything is measured.

Each person has an access token, their current profile (so a save sends the version it read
without reading it again) and, when possible, an open mentorship to write in: people without
one ask the first mentor on their list (setup only; re-runs reuse the open requests). Only
loopback addresses; the same calls the site makes.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field

import boto3


@dataclass
class Person:
    token: str
    user_id: str
    profile: dict
    mentorship_id: str = ""
    headers: dict = field(default_factory=dict)


def call(api: str, token: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": f"Bearer {token}", **({"Content-Type": "application/json"} if data else {})}
    request = urllib.request.Request(f"{api}{path}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, json.loads(reply.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def demo_emails(stack: dict, wanted: int) -> list[str]:
    cognito = cognito_client(stack)
    emails: list[str] = []
    token = None
    while len(emails) < wanted:
        page = cognito.list_users(UserPoolId=stack["user_pool_id"], Limit=60, **({"PaginationToken": token} if token else {}))
        emails += [next(a["Value"] for a in user["Attributes"] if a["Name"] == "email") for user in page["Users"]]
        token = page.get("PaginationToken")
        if not token:
            break
    return [email for email in emails if not email.startswith("admin")][:wanted]


def cognito_client(stack: dict):
    return boto3.client("cognito-idp", region_name=stack["region"], endpoint_url=stack["moto_url"],
                        aws_access_key_id="local", aws_secret_access_key="local")


def sign_in(stack: dict, api: str, wanted: int) -> list[Person]:
    cognito = cognito_client(stack)
    people = []
    for email in demo_emails(stack, wanted):
        auth = cognito.initiate_auth(ClientId=stack["user_pool_client_id"], AuthFlow="USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": email, "PASSWORD": stack["demo_password"]})
        token = auth["AuthenticationResult"]["AccessToken"]
        status, profile = call(api, token, "GET", "/me/profile")
        if status == 200:
            people.append(Person(token, profile["user_id"], profile, open_mentorship(api, token, profile)))
    return people


def open_mentorship(api: str, token: str, profile: dict) -> str:
    """An open thread of this person's, asking the first mentor on their list when there is none."""
    mentorships = call(api, token, "GET", "/mentorships")[1].get("mentorships", [])
    open_ones = [m["mentorship_id"] for m in mentorships if m["can_message"]]
    if open_ones or "mentee" not in profile["roles"]:
        return open_ones[0] if open_ones else ""
    for match in call(api, token, "GET", "/me/matches?as=mentee")[1].get("matches", [])[:5]:
        status, asked = call(api, token, "POST", "/mentorships",
                             {"mentor_id": match["user_id"], "message": "Hello, would you mentor me?"})
        if status == 201:
            return str(asked["mentorship_id"])
    return ""
