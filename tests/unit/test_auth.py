"""Token verification: only a genuine, current Cognito access token for our client gets through."""

import time

import pytest

from chalicelib.auth import TokenVerifier, bearer_token
from chalicelib.errors import UnauthorisedError
from chalicelib.settings import get_settings, load_settings
from tests.builders import TokenFactory, make_bad_tokens, rsa_key


@pytest.fixture
def verifier(tokens) -> TokenVerifier:
    return TokenVerifier(get_settings())


def test_a_genuine_access_token_gives_the_person_and_their_groups(tokens, verifier):
    token = tokens.mint(sub="user-1", username="priya", **{"cognito:groups": ["admins"]})
    principal = verifier.verify(token)
    assert principal.user_id == "user-1"
    assert principal.username == "priya"
    assert principal.is_admin


def test_a_token_without_groups_is_not_an_admin(tokens, verifier):
    assert not verifier.verify(tokens.mint()).is_admin


def test_every_kind_of_bad_token_is_refused_with_an_unauthorised_error(tokens, verifier, tmp_path):
    for name, token in make_bad_tokens(tokens, tmp_path).items():
        with pytest.raises(UnauthorisedError):
            verifier.verify(token)
            pytest.fail(f"{name} was accepted")


def test_keys_are_refetched_once_when_a_new_key_appears(tokens, verifier, tmp_path):
    assert verifier.verify(tokens.mint())  # caches the current key set
    rotated = TokenFactory(jwks_path=tmp_path / "rotated.json", kid="test-key-2", key=rsa_key("rotated"))
    tokens.publish(rotated)  # the pool now publishes both keys
    assert verifier.verify(rotated.mint()).user_id


def test_unknown_keys_do_not_cause_a_refetch_on_every_request(tokens, tmp_path):
    clock = [time.time()]
    verifier = TokenVerifier(get_settings(), clock=lambda: clock[0])
    assert verifier.verify(tokens.mint())
    stranger = TokenFactory(jwks_path=tmp_path / "stranger.json", kid="stranger", key=rsa_key("stranger"))
    with pytest.raises(UnauthorisedError):
        verifier.verify(stranger.mint())  # refetches once, key still unknown
    tokens.publish(stranger)
    with pytest.raises(UnauthorisedError):
        verifier.verify(stranger.mint())  # within the interval: no refetch, still refused
    clock[0] += get_settings().jwks_refresh_seconds
    assert verifier.verify(stranger.mint())  # after the interval the new key is picked up


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer   ", "Basic abc", "token abc"])
def test_a_missing_or_malformed_authorization_header_is_unauthorised(header):
    with pytest.raises(UnauthorisedError):
        bearer_token(header)


def test_the_bearer_scheme_is_case_insensitive():
    assert bearer_token("bearer abc.def.ghi") == "abc.def.ghi"


STAND_IN = "http://127.0.0.1:9555"  # the local OIDC stand-in's issuer (infra/local/stand_in)


def test_a_token_from_a_second_trusted_issuer_is_accepted_with_the_same_checks(tokens, monkeypatch):
    monkeypatch.setenv("HOSTED_UI_ISSUER", STAND_IN)
    verifier = TokenVerifier(load_settings())
    assert verifier.verify(tokens.mint(iss=STAND_IN, sub="li-1")).user_id == "li-1"
    with pytest.raises(UnauthorisedError):
        verifier.verify(tokens.mint(iss=STAND_IN, token_use="id"))


def test_a_stand_in_token_is_refused_when_the_api_trusts_another_issuer(tokens, monkeypatch):
    monkeypatch.setenv("HOSTED_UI_ISSUER", "http://127.0.0.1:9666")
    with pytest.raises(UnauthorisedError, match="issued by someone else"):
        TokenVerifier(load_settings()).verify(tokens.mint(iss=STAND_IN))
    monkeypatch.delenv("HOSTED_UI_ISSUER")
    with pytest.raises(UnauthorisedError, match="issued by someone else"):
        TokenVerifier(load_settings()).verify(tokens.mint(iss=STAND_IN))
