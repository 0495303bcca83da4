"""The sign-up gate for people LinkedIn has just opened an account for, applied at the code exchange."""

from datetime import UTC, datetime

import pytest

from chalicelib.federation.service import FederatedGate, admit_federated_person
from chalicelib.gate.rule import SignUpRefusedError
from chalicelib.invitations import service
from chalicelib.invitations.ratelimit import Caller
from chalicelib.profiles.domain import Profile
from tests.fakes.accounts import InMemoryDirectory
from tests.fakes.profiles import InMemoryProfileRepository
from tests.unit.invitations.fakes import NOW, make_stores


@pytest.fixture
def gate():
    invitations, _ = make_stores()
    return FederatedGate(InMemoryDirectory(), InMemoryProfileRepository(), invitations)


def invite(gate, organisation_id="home-office") -> str:
    return service.create_invitation({"organisation_id": organisation_id, "max_uses": 5}, "admin",
                                     gate.invitations, NOW)["code"]


def member(gate, email, **state):
    return gate.directory.add("sub-7", email, username="linkedin_li-7", federated_only=True, **state)


def test_a_linkedin_member_with_a_work_email_is_admitted(gate):
    member(gate, "priya@dwp.gov.uk")
    admit_federated_person("sub-7", "linkedin_li-7", "", Caller(), gate, NOW)
    assert "linkedin_li-7" in gate.directory.users


def test_a_linkedin_member_on_an_unknown_domain_without_an_invitation_is_refused_and_no_account_is_kept(gate):
    member(gate, "priya@gmail.com")
    with pytest.raises(SignUpRefusedError, match="Ask your department for an invitation link"):
        admit_federated_person("sub-7", "linkedin_li-7", "", Caller(), gate, NOW)
    assert gate.directory.users == {}


def test_an_invitation_carried_through_the_sign_in_admits_and_places_the_member_in_that_organisation(gate):
    member(gate, "priya@gmail.com")
    code = invite(gate)
    admit_federated_person("sub-7", "linkedin_li-7", code, Caller(person="user:sub-7"), gate, NOW)
    assert gate.invitations.memberships.organisations_of("sub-7") == ["home-office"]
    assert service.list_invitations(gate.invitations, NOW)[0]["uses"] == 1


def test_an_invitation_that_stopped_working_admits_nobody(gate):
    member(gate, "priya@gmail.com")
    code = invite(gate)
    later = datetime(2030, 1, 1, tzinfo=UTC)
    with pytest.raises(SignUpRefusedError):
        admit_federated_person("sub-7", "linkedin_li-7", code, Caller(), gate, later)
    assert gate.directory.users == {}


def test_password_accounts_and_people_with_a_profile_passed_the_gate_before(gate):
    gate.directory.add("sub-1", "me@gmail.com")  # linked or not: its password sign-up met the gate
    admit_federated_person("sub-1", "sub-1", "", Caller(), gate, NOW)
    member(gate, "old@gmail.com")
    gate.profiles.save(Profile("sub-7", "Old Hand", "Adviser", "", "home-office", "SEO", "Leeds"))
    admit_federated_person("sub-7", "linkedin_li-7", "", Caller(), gate, NOW)
    assert set(gate.directory.users) == {"sub-1", "linkedin_li-7"}
