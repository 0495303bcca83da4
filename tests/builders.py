"""make_*/create_* builders shared by the test layers."""

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt

from chalicelib.organisations.domain import Organisation

TEST_REGION = "eu-west-2"
TEST_POOL_ID = "eu-west-2_TestPool1"
TEST_CLIENT_ID = "testclientid1234567890"
TEST_ISSUER = f"https://cognito-idp.{TEST_REGION}.amazonaws.com/{TEST_POOL_ID}"


TEST_ORGANISATIONS = (
    Organisation("department-for-work-pensions", "Department for Work and Pensions", "department",
                 "DWP", ("dwp.gov.uk",)),
    Organisation("hm-revenue-customs", "HM Revenue & Customs", "department", "HMRC", ("hmrc.gov.uk",)),
    Organisation("closed-agency", "A Closed Agency", "arms-length body", active=False),
)


def make_profile_body(**overrides) -> dict:
    body = {
        "display_name": "Priya Shah",
        "job_title": "Senior Policy Adviser",
        "bio": "I work on welfare policy and want to move into analysis.",
        "organisation_id": "department-for-work-pensions",
        "grade": "SEO",
        "location": "Leeds",
        "professions": ["Policy"],
        "skills_offered": ["Briefing ministers", "Stakeholder management"],
        "skills_wanted": ["Data analysis", "Python"],
        "interests": ["Mental health"],
        "roles": ["mentee", "mentor"],
        "mentor_capacity": 2,
        "accepting_requests": True,
    }
    body.update(overrides)
    return body


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _int_b64(number: int) -> str:
    return _b64(number.to_bytes((number.bit_length() + 7) // 8, "big"))


@lru_cache(maxsize=4)
def rsa_key(name: str) -> rsa.RSAPrivateKey:
    """One 2048-bit key per name for the whole session (making one takes ~0.1 s)."""
    return rsa.generate_private_key(65537, 2048)


@lru_cache(maxsize=8)
def _signing_key(pem: bytes) -> jwk.Key:
    """python-jose loads a PEM on every signature, and loading an RSA private key checks it (~50 ms):
    construct each key once (minting was most of the route tests' time)."""
    return jwk.construct(pem, "RS256")


@dataclass
class TokenFactory:
    """Mints Cognito-shaped tokens with a key of its own and publishes that key as a JWKS file."""

    jwks_path: Path
    kid: str = "test-key-1"
    key: rsa.RSAPrivateKey = field(default_factory=lambda: rsa_key("tests"))

    def __post_init__(self):
        self.publish()

    def publish(self, *extra_keys: "TokenFactory") -> None:
        keys = [factory.public_jwk() for factory in (self, *extra_keys)]
        self.jwks_path.write_text(json.dumps({"keys": keys}))

    def public_jwk(self) -> dict:
        numbers = self.key.public_key().public_numbers()
        return {"kty": "RSA", "alg": "RS256", "use": "sig", "kid": self.kid,
                "n": _int_b64(numbers.n), "e": _int_b64(numbers.e)}

    def private_pem(self) -> bytes:
        return self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())

    def public_pem(self) -> bytes:
        return self.key.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo)

    def claims(self, **overrides) -> dict:
        now = int(time.time())
        claims = {
            "sub": str(uuid.uuid4()), "iss": TEST_ISSUER, "client_id": TEST_CLIENT_ID, "token_use": "access",
            "scope": "aws.cognito.signin.user.admin", "auth_time": now, "iat": now, "exp": now + 3600,
            "jti": str(uuid.uuid4()), "username": "someone",
        }
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None}

    def mint(self, headers: dict | None = None, **overrides) -> str:
        return jwt.encode(self.claims(**overrides), _signing_key(self.private_pem()), algorithm="RS256",
                          headers={"kid": self.kid, **(headers or {})})


def hs256_token_keyed_with_public_key(factory: TokenFactory) -> str:
    """The classic algorithm-confusion attack: HMAC keyed with the RSA public key."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": factory.kid}).encode())
    payload = _b64(json.dumps(factory.claims()).encode())
    signature = hmac.new(factory.public_pem(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def unsigned_token(claims: dict, kid: str = "test-key-1") -> str:
    header = _b64(json.dumps({"alg": "none", "typ": "JWT", "kid": kid}).encode())
    return f"{header}.{_b64(json.dumps(claims).encode())}."


def make_bad_tokens(tokens: TokenFactory, tmp_path: Path) -> dict[str, str]:
    """Every kind of token the API must refuse, by name."""
    forger = TokenFactory(jwks_path=tmp_path / "other.json", kid=tokens.kid, key=rsa_key("forger"))
    now = int(time.time())
    return {
        "forged signature": forger.mint(),
        "alg none": unsigned_token(tokens.claims()),
        "hs256 signed with the public key": hs256_token_keyed_with_public_key(tokens),
        "expired": tokens.mint(exp=now - 120, iat=now - 4000),
        "not valid yet": tokens.mint(nbf=now + 3600),
        "issued in the future": tokens.mint(iat=now + 3600),
        "wrong issuer": tokens.mint(iss="https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Other"),
        "wrong client": tokens.mint(client_id="someone-elses-client"),
        "id token": tokens.mint(token_use="id", aud=TEST_CLIENT_ID),
        "missing sub": tokens.mint(sub=None),
        "missing exp": tokens.mint(exp=None),
        "missing token_use": tokens.mint(token_use=None),
        "missing kid": jwt.encode(tokens.claims(), _signing_key(tokens.private_pem()), algorithm="RS256"),
        "unknown kid": tokens.mint(headers={"kid": "no-such-key"}),
        "string exp": tokens.mint(exp="tomorrow"),
        "garbage": "not-a-token",
        "three dots of garbage": "a.b.c",
        "empty": "",
        "huge": "x" * 20000,
    }
