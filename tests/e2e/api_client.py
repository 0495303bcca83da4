"""Plain-HTTP helpers for end-to-end tests: they talk to the running stack the way the site does."""

import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field


@dataclass
class HttpReply:
    status: int
    body: object
    headers: dict
    cookies: list[str] = field(default_factory=list)  # every Set-Cookie value (headers keeps one)


def request(method: str, url: str, body=None, headers: dict | None = None) -> HttpReply:
    data = json.dumps(body).encode() if body is not None else None
    sent = {"Content-Type": "application/json"} if data is not None else {}
    sent.update(headers or {})
    req = urllib.request.Request(url, data=data, method=method, headers=sent)
    try:
        with urllib.request.urlopen(req, timeout=30) as reply:
            raw, status, message = reply.read(), reply.status, reply.headers
    except urllib.error.HTTPError as error:
        raw, status, message = error.read(), error.code, error.headers
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = raw.decode("utf-8", "replace")
    return HttpReply(status, parsed, dict(message), message.get_all("Set-Cookie") or [])


def cognito(site_url: str, action: str, payload: dict) -> HttpReply:
    """Call Cognito through the site's /cognito endpoint, exactly as the browser does."""
    return request("POST", f"{site_url}/cognito", payload, headers={
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": f"AWSCognitoIdentityProviderService.{action}",
    })


def sign_in(site_url: str, client_id: str, email: str, password: str) -> dict:
    reply = cognito(site_url, "InitiateAuth", {
        "AuthFlow": "USER_PASSWORD_AUTH", "ClientId": client_id,
        "AuthParameters": {"USERNAME": email, "PASSWORD": password},
    })
    assert reply.status == 200, reply.body
    return reply.body["AuthenticationResult"]


def sign_up_and_sign_in(site_url: str, client_id: str) -> tuple[str, dict]:
    email = f"e2e.{uuid.uuid4().hex[:10]}@dwp.gov.uk"
    password = "Correct-Horse-42-Battery"
    reply = cognito(site_url, "SignUp", {
        "ClientId": client_id, "Username": email, "Password": password,
        "UserAttributes": [{"Name": "email", "Value": email}],
    })
    assert reply.status == 200, reply.body
    confirmed = cognito(site_url, "ConfirmSignUp", {"ClientId": client_id, "Username": email,
                                                    "ConfirmationCode": "123456"})
    assert confirmed.status == 200, confirmed.body
    return email, sign_in(site_url, client_id, email, password)


def api(site_url: str, method: str, path: str, token: str | None = None, body=None,
        expect: int | None = None) -> HttpReply:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    reply = request(method, f"{site_url}/api{path}", body, headers)
    if expect is not None:
        assert reply.status == expect, f"{method} {path}: {reply.status} {reply.body}"
    return reply
