"""Invitation codes, validity and the invitation services, through in-memory stores."""

import hashlib
import math
from datetime import timedelta

import pytest

from chalicelib.errors import NotFoundError, ValidationError
from chalicelib.invitations import service
from chalicelib.invitations.domain import (
    InvitationNotValidError,
    hash_code,
    looks_like_code,
    make_invitation,
    new_code,
)
from chalicelib.invitations.ratelimit import caller
from tests.unit.invitations.fakes import NOW, make_stores

ADMIN = "admin-sub"
CLIENT = caller(None, "192.0.2.1")


def create(stores, **overrides):
    body = {"organisation_id": "home-office", "expires_in_days": 30, "max_uses": 3, **overrides}
    return service.create_invitation(body, ADMIN, stores, NOW)


def test_a_code_carries_at_least_128_random_bits_and_differs_every_time():
    codes = {new_code() for _ in range(1000)}
    assert len(codes) == 1000
    shortest = min(len(code) for code in codes)
    assert shortest * math.log2(64) >= 128
    assert all(looks_like_code(code) for code in codes)


def test_only_the_sha256_of_the_code_is_kept_on_the_invitation():
    invitation, code = make_invitation("home-office", 30, 5, ADMIN, NOW)
    assert invitation.code_hash == hashlib.sha256(code.encode()).hexdigest() == hash_code(code)
    assert code not in repr(invitation)


@pytest.mark.parametrize("changes, valid", [
    ({}, True),
    ({"revoked": True}, False),
    ({"uses": 5}, False),
    ({"uses": 4}, True),
    ({"expires_at": NOW}, False),
    ({"expires_at": NOW + timedelta(seconds=1)}, True),
])
def test_an_invitation_is_valid_while_not_revoked_not_expired_and_not_used_up(changes, valid):
    invitation, _ = make_invitation("home-office", 30, 5, ADMIN, NOW - timedelta(days=1))
    assert invitation.with_changes(**changes).is_valid(NOW) is valid


def test_creating_returns_the_link_once_and_lists_without_any_code():
    stores, audit = make_stores()
    created = create(stores)
    assert created["link"] == f"/join?code={created['code']}"
    assert created["organisation"] == {"id": "home-office", "name": "Home Office"}
    assert created["expires_at"] == (NOW + timedelta(days=30)).isoformat()
    listed = service.list_invitations(stores, NOW)
    assert [i["id"] for i in listed] == [created["id"]]
    assert "code" not in listed[0] and created["code"] not in str(listed)
    assert [(e.actor, e.action, e.target_id) for e in audit.entries] == [(ADMIN, "invitation.create", created["id"])]


@pytest.mark.parametrize("body, field", [
    ({"organisation_id": "home-office", "expires_in_days": 181, "max_uses": 3}, "expires_in_days"),
    ({"organisation_id": "home-office", "expires_in_days": 0, "max_uses": 3}, "expires_in_days"),
    ({"organisation_id": "home-office", "max_uses": 0}, "max_uses"),
    ({"organisation_id": "home-office"}, "max_uses"),
    ({"organisation_id": "home-office", "max_uses": "3"}, "max_uses"),
    ({"organisation_id": "nowhere", "max_uses": 3}, "organisation_id"),
    ({"organisation_id": "closed-agency", "max_uses": 3}, "organisation_id"),
    ({"organisation_id": "home-office", "max_uses": 3, "uses": 0}, "uses"),
])
def test_a_bad_invitation_request_names_the_field_and_creates_nothing(body, field):
    stores, _ = make_stores()
    with pytest.raises(ValidationError) as refused:
        service.create_invitation(body, ADMIN, stores, NOW)
    assert field in refused.value.fields
    assert service.list_invitations(stores, NOW) == []


def test_the_default_expiry_is_30_days():
    stores, _ = make_stores()
    created = service.create_invitation({"organisation_id": "home-office", "max_uses": 1}, ADMIN, stores, NOW)
    assert created["expires_at"] == (NOW + timedelta(days=30)).isoformat()


def test_a_valid_code_tells_its_organisation_and_expiry():
    stores, _ = make_stores()
    code = create(stores)["code"]
    assert service.check_invitation(code, CLIENT, stores, NOW) == {
        "organisation": {"id": "home-office", "name": "Home Office"},
        "expires_at": (NOW + timedelta(days=30)).isoformat(),
    }


def _invalid_codes(stores) -> dict[str, str]:
    expired = create(stores, expires_in_days=1)["code"]
    revoked = create(stores)
    service.revoke_invitation(revoked["id"], ADMIN, stores, NOW)
    used_up = create(stores, max_uses=1)["code"]
    service.redeem_invitation(used_up, "first-person", CLIENT, stores, NOW)
    return {"unknown": new_code(), "garbage": "../../etc", "expired": expired, "revoked": revoked["code"],
            "used up": used_up}


def test_every_invalid_code_gets_the_same_answer():
    stores, _ = make_stores(limit=100)
    later = NOW + timedelta(days=2)
    answers = set()
    for code in _invalid_codes(stores).values():
        for attempt in (service.check_invitation, lambda c, k, s, n: service.redeem_invitation(c, "p", k, s, n)):
            with pytest.raises(InvitationNotValidError) as refused:
                attempt(code, CLIENT, stores, later)
            answers.add((type(refused.value), refused.value.code, refused.value.message))
    assert len(answers) == 1


def test_redeeming_places_the_person_in_the_invitations_organisation_and_counts_one_use():
    stores, _ = make_stores()
    created = create(stores)
    joined = service.redeem_invitation(created["code"], "person-1", CLIENT, stores, NOW)
    assert joined == {"organisation": {"id": "home-office", "name": "Home Office"}, "joined_at": NOW.isoformat()}
    assert stores.memberships.organisations_of("person-1") == ["home-office"]
    assert service.list_invitations(stores, NOW)[0]["uses"] == 1


def test_redeeming_twice_by_the_same_person_counts_once_even_after_the_link_is_used_up():
    stores, _ = make_stores()
    code = create(stores, max_uses=1)["code"]
    first = service.redeem_invitation(code, "person-1", CLIENT, stores, NOW)
    again = service.redeem_invitation(code, "person-1", CLIENT, stores, NOW + timedelta(hours=1))
    assert again == first
    assert service.list_invitations(stores, NOW)[0]["uses"] == 1


def test_a_revoked_invitation_is_refused_at_once():
    stores, audit = make_stores()
    created = create(stores)
    service.revoke_invitation(created["id"], ADMIN, stores, NOW)
    with pytest.raises(InvitationNotValidError):
        service.redeem_invitation(created["code"], "person-1", CLIENT, stores, NOW)
    assert audit.entries[-1].action == "invitation.revoke"
    assert service.list_invitations(stores, NOW)[0]["status"] == "revoked"


def test_revoking_an_unknown_invitation_is_not_found():
    stores, _ = make_stores()
    with pytest.raises(NotFoundError):
        service.revoke_invitation("nope", ADMIN, stores, NOW)
