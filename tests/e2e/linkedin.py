"""A LinkedIn sign-in through the stand-in, as oidc-client-ts and the callback page make it, over plain HTTP.

The authorisation request (code + PKCE, ``identity_provider=LinkedIn``) goes to the authority that
/config.json names, the stand-in's LinkedIn page is filled in, and the code that comes back to the
site's callback is handed to ``POST /session/oauth`` with its verifier.
"""

import base64
import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests


@dataclass
class Outcome:
    error: str  # the hosted endpoints' error_description ("" when a code came back)
    status: int  # POST /session/oauth's status (0 when no code came back)
    body: dict
    cookies: requests.cookies.RequestsCookieJar


def continue_with_linkedin(site_url: str, email: str, password: str, verified: bool = True,
                           invitation: str = "") -> Outcome:
    config = requests.get(f"{site_url}/config.json", timeout=10).json()["oauth"]
    metadata = requests.get(f"{config['authority']}/.well-known/openid-configuration", timeout=10).json()
    browser = requests.Session()
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = {"client_id": config["clientId"], "response_type": "code", "scope": config["scope"],
             "redirect_uri": config["redirectUri"], "state": secrets.token_hex(8), "code_challenge": challenge,
             "code_challenge_method": "S256", "identity_provider": config["identityProvider"]}
    page = browser.get(f"{metadata['authorization_endpoint']}?{urlencode(query)}", timeout=10)
    assert "Sign in" in page.text, page.text[:300]
    form = {"email": email, "password": password, **({"verified": "yes"} if verified else {})}
    reply = browser.post(page.url, data=form, allow_redirects=False, timeout=10)
    while reply.status_code in (302, 303) and not reply.headers["Location"].startswith(site_url):
        reply = browser.get(urljoin(page.url, reply.headers["Location"]), allow_redirects=False, timeout=10)
    assert reply.status_code in (302, 303), reply.text[:300]
    params = {k: v[0] for k, v in parse_qs(urlsplit(reply.headers["Location"]).query).items()}
    if "error" in params:
        return Outcome(params.get("error_description", params["error"]), 0, {}, browser.cookies)
    body = {"code": params["code"], "code_verifier": verifier, "redirect_uri": config["redirectUri"],
            **({"invitation": invitation} if invitation else {})}
    exchanged = requests.post(f"{site_url}/api/session/oauth", json=body, timeout=30)
    return Outcome("", exchanged.status_code, exchanged.json(), exchanged.cookies)
