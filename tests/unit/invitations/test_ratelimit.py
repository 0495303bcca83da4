"""Slowing down code guessing: 429 after too many invalid codes from one client in the window."""

from datetime import timedelta

import pytest

from chalicelib.errors import TooManyRequestsError
from chalicelib.invitations import service
from chalicelib.invitations.domain import InvitationNotValidError, new_code
from chalicelib.invitations.ratelimit import client_keys, failures_in_window
from tests.unit.invitations.fakes import NOW, make_stores


def guess(stores, client, when=NOW, user="guesser"):
    return service.redeem_invitation(new_code(), user, client, stores, when)


def test_failures_count_only_inside_the_window():
    window = timedelta(minutes=15)
    times = [NOW - timedelta(minutes=20), NOW - timedelta(minutes=15), NOW - timedelta(minutes=14), NOW]
    assert failures_in_window(times, NOW, window) == 2


def test_the_client_is_the_person_and_their_address():
    assert client_keys("sub-1", "192.0.2.1") == ["user:sub-1", "ip:192.0.2.1"]
    assert client_keys(None, "192.0.2.1") == ["ip:192.0.2.1"]


def test_after_ten_invalid_codes_the_eleventh_attempt_gets_429_even_with_a_valid_code():
    stores, _ = make_stores(limit=10)
    client = client_keys("guesser", "192.0.2.1")
    for _ in range(10):
        with pytest.raises(InvitationNotValidError):
            guess(stores, client)
    valid = service.create_invitation({"organisation_id": "home-office", "max_uses": 5}, "admin", stores, NOW)["code"]
    with pytest.raises(TooManyRequestsError):
        service.redeem_invitation(valid, "guesser", client, stores, NOW)


def test_the_limit_follows_the_person_to_another_address_and_the_address_to_another_person():
    stores, _ = make_stores(limit=3)
    for _ in range(3):
        with pytest.raises(InvitationNotValidError):
            guess(stores, client_keys("guesser", "192.0.2.1"))
    with pytest.raises(TooManyRequestsError):
        guess(stores, client_keys("guesser", "198.51.100.7"))
    with pytest.raises(TooManyRequestsError):
        guess(stores, client_keys("someone-else", "192.0.2.1"), user="someone-else")


def test_the_limit_lifts_once_the_failures_leave_the_window():
    stores, _ = make_stores(limit=3)
    client = client_keys("guesser", "192.0.2.1")
    for _ in range(3):
        with pytest.raises(InvitationNotValidError):
            guess(stores, client)
    with pytest.raises(TooManyRequestsError):
        guess(stores, client, when=NOW + timedelta(minutes=14))
    with pytest.raises(InvitationNotValidError):
        guess(stores, client, when=NOW + timedelta(minutes=16))


def test_valid_codes_do_not_count_as_failures():
    stores, _ = make_stores(limit=2)
    code = service.create_invitation({"organisation_id": "home-office", "max_uses": 50}, "admin", stores, NOW)["code"]
    for _ in range(5):
        service.check_invitation(code, ["ip:192.0.2.1"], stores, NOW)
    assert service.check_invitation(code, ["ip:192.0.2.1"], stores, NOW)["organisation"]["id"] == "home-office"
