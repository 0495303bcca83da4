"""Slowing down code guessing per person, with a loose per-address limit that never blocks a valid code."""

from datetime import timedelta

import pytest

from chalicelib.errors import TooManyRequestsError
from chalicelib.invitations import service
from chalicelib.invitations.domain import InvitationNotValidError, new_code
from chalicelib.invitations.ratelimit import Caller, address_key, caller, sign_up_key
from chalicelib.limits.domain import Limit
from tests.unit.invitations.fakes import NOW, make_stores

OFFICE = "192.0.2.1"  # one department's shared internet address


def guess(stores, who, when=NOW, user="guesser"):
    return service.redeem_invitation(new_code(), user, who, stores, when)


def invitation(stores, max_uses=50):
    return service.create_invitation({"organisation_id": "home-office", "max_uses": max_uses}, "admin", stores,
                                     NOW)["code"]


def test_a_limit_counts_only_events_inside_the_window_and_says_how_long_to_wait():
    limit = Limit(2, timedelta(minutes=15), "slow down")
    times = [NOW - timedelta(minutes=20), NOW - timedelta(minutes=10), NOW - timedelta(minutes=5)]
    assert limit.retry_after(times, NOW) == 5 * 60
    assert limit.retry_after(times[:2], NOW) is None


def test_the_caller_is_the_person_and_their_address_with_ipv6_counted_by_network():
    assert caller("sub-1", OFFICE) == Caller("user:sub-1", f"ip:{OFFICE}")
    assert address_key("2001:db8:1:2:3:4:5:6") == address_key("2001:db8:1:2:ffff::1") == "ip:2001:db8:1:2::/64"
    assert address_key("not an address") is None
    assert sign_up_key("Someone@Example.org ") == sign_up_key("someone@example.org")


def test_after_ten_unknown_codes_the_person_gets_429_with_retry_after_even_for_a_valid_code():
    stores, _ = make_stores(limit=10)
    for _ in range(10):
        with pytest.raises(InvitationNotValidError):
            guess(stores, caller("guesser", OFFICE))
    with pytest.raises(TooManyRequestsError) as limited:
        service.redeem_invitation(invitation(stores), "guesser", caller("guesser", OFFICE), stores, NOW)
    assert 0 < limited.value.retry_after <= 15 * 60


def test_used_up_expired_and_revoked_codes_are_not_guesses_so_colleagues_are_never_locked_out():
    """The finding: ten colleagues trying a link that ran out locked the whole office out of valid links."""
    stores, _ = make_stores(limit=3, address_limit=5)
    spent = invitation(stores, max_uses=1)
    service.redeem_invitation(spent, "first", caller("first", OFFICE), stores, NOW)
    for colleague in range(20):
        with pytest.raises(InvitationNotValidError):
            service.redeem_invitation(spent, f"colleague-{colleague}", caller(f"colleague-{colleague}", OFFICE),
                                      stores, NOW)
        with pytest.raises(InvitationNotValidError):
            service.redeem_invitation(spent, "colleague-0", caller("colleague-0", OFFICE), stores, NOW)
    fresh = invitation(stores)
    assert service.redeem_invitation(fresh, "colleague-0", caller("colleague-0", OFFICE), stores, NOW)


def test_an_address_over_its_loose_limit_still_gets_every_valid_code_through():
    stores, _ = make_stores(limit=100, address_limit=5)
    for n in range(5):
        with pytest.raises((InvitationNotValidError, TooManyRequestsError)):
            guess(stores, caller(f"guesser-{n}", OFFICE), user=f"guesser-{n}")
    with pytest.raises(TooManyRequestsError):
        guess(stores, caller("someone-new", OFFICE), user="someone-new")
    code = invitation(stores)
    assert service.check_invitation(code, caller(None, OFFICE), stores, NOW)["organisation"]["id"] == "home-office"
    assert service.redeem_invitation(code, "colleague", caller("colleague", OFFICE), stores, NOW)


def test_the_person_limit_follows_the_person_to_another_address():
    stores, _ = make_stores(limit=3)
    for _ in range(3):
        with pytest.raises(InvitationNotValidError):
            guess(stores, caller("guesser", OFFICE))
    with pytest.raises(TooManyRequestsError):
        guess(stores, caller("guesser", "198.51.100.7"))
    with pytest.raises(InvitationNotValidError):  # another person at the same office is not limited
        guess(stores, caller("someone-else", OFFICE), user="someone-else")


def test_the_limit_lifts_once_the_failures_leave_the_window():
    stores, _ = make_stores(limit=3)
    for _ in range(3):
        with pytest.raises(InvitationNotValidError):
            guess(stores, caller("guesser", OFFICE))
    with pytest.raises(TooManyRequestsError):
        guess(stores, caller("guesser", OFFICE), when=NOW + timedelta(minutes=14))
    with pytest.raises(InvitationNotValidError):
        guess(stores, caller("guesser", OFFICE), when=NOW + timedelta(minutes=16))


def test_valid_codes_do_not_count_as_failures():
    stores, _ = make_stores(limit=2, address_limit=2)
    code = invitation(stores)
    for _ in range(5):
        service.check_invitation(code, caller(None, OFFICE), stores, NOW)
    assert service.check_invitation(code, caller(None, OFFICE), stores, NOW)["organisation"]["id"] == "home-office"
