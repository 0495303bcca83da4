"""Sessions: the cookie's content, and signing in, refreshing and signing out through the service."""

from datetime import UTC, datetime

import pytest

from chalicelib.errors import SessionEndedError, SignInFailedError, ValidationError
from chalicelib.sessions.domain import RefreshGrant
from chalicelib.sessions.service import refresh_session, sign_in_with_password, sign_out
from tests.fakes import unsigned_token
from tests.fakes.accounts import InMemoryDirectory
from tests.fakes.sessions import InMemorySignIn

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def provider() -> InMemorySignIn:
    provider = InMemorySignIn(InMemoryDirectory(), unsigned_token)
    provider.register("priya.shah@dwp.gov.uk", "correct horse battery")
    return provider


def sign_in(provider, email="priya.shah@dwp.gov.uk", password="correct horse battery"):
    return sign_in_with_password({"email": email, "password": password}, provider, NOW)


def test_a_grant_survives_the_cookie_round_trip_and_anything_else_is_no_session():
    grant = RefreshGrant("password", "a.b.c")
    assert RefreshGrant.decode(grant.encode()) == grant
    for forged in ("", "not base64!", "eyJmbG93IjoiYWRtaW4iLCJ0b2tlbiI6IngifQ", "bnVsbA", "W10"):
        assert RefreshGrant.decode(forged) is None


def test_signing_in_gives_the_page_an_access_token_and_who_it_is_but_keeps_the_refresh_token_for_the_cookie(
        provider):
    signed = sign_in(provider)
    assert signed.grant is not None and signed.grant.token.startswith("refresh-")
    assert signed.grant.token not in str(signed.reply)
    assert signed.reply["user"]["email"] == "priya.shah@dwp.gov.uk"
    assert signed.reply["expires_at"] == int(NOW.timestamp()) + 3600


@pytest.mark.parametrize("email, password", [("priya.shah@dwp.gov.uk", "wrong"), ("nobody@dwp.gov.uk", "x")])
def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(provider, email, password):
    with pytest.raises(SignInFailedError) as refused:
        sign_in(provider, email, password)
    assert refused.value.message == "The email address or password is not correct."


@pytest.mark.parametrize("body", [None, {}, {"email": "a@b.gov.uk"}, {"email": "a@b.gov.uk", "password": 7},
                                  {"email": "a@b.gov.uk", "password": "p", "remember": True}])
def test_a_malformed_sign_in_is_a_bad_request(provider, body):
    with pytest.raises(ValidationError):
        sign_in_with_password(body, provider, NOW)


def test_the_cookie_gives_new_access_tokens_until_it_is_revoked(provider):
    cookie = sign_in(provider).grant.encode()
    assert refresh_session(cookie, provider, NOW)["access_token"]
    sign_out(cookie, "", provider)
    with pytest.raises(SessionEndedError):
        refresh_session(cookie, provider, NOW)


def test_without_a_cookie_there_is_no_session(provider):
    with pytest.raises(SessionEndedError):
        refresh_session("", provider, NOW)


def test_signing_out_with_proof_of_who_you_are_ends_every_session_of_yours(provider):
    laptop, phone = sign_in(provider).grant.encode(), sign_in(provider).grant.encode()
    username = provider.directory.find_by_email("priya.shah@dwp.gov.uk").username
    sign_out(laptop, username, provider)
    with pytest.raises(SessionEndedError):
        refresh_session(phone, provider, NOW)
