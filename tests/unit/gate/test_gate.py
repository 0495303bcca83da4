"""The sign-up gate: one rule for Cognito's PreSignUp trigger and for the API's first profile."""

from datetime import timedelta

import pytest

from chalicelib.accounts.domain import DirectoryUnavailableError, DirectoryUser
from chalicelib.errors import ValidationError
from chalicelib.gate.rule import SignUpRefusedError, admit, check_placement
from chalicelib.gate.service import PersonGate, admission_at_sign_up
from chalicelib.invitations import service
from chalicelib.invitations.domain import new_code
from chalicelib.invitations.ratelimit import Caller
from chalicelib.triggers import SignUpStores, pre_sign_up
from tests.fakes.accounts import InMemoryAccountRepository, InMemoryDirectory
from tests.fakes.federation import InMemoryLinker
from tests.unit.invitations.fakes import NOW, ORGANISATIONS, make_stores


def sign_up_stores(stores, directory=None) -> SignUpStores:
    from chalicelib.federation.service import LinkingStores

    directory = directory or InMemoryDirectory()
    linking = LinkingStores(directory, InMemoryAccountRepository(), InMemoryLinker(directory), ("LinkedIn",))
    return SignUpStores(stores, linking)


def sign_up_event(email: str, source: str = "PreSignUp_SignUp", **request) -> dict:
    return {"triggerSource": source, "userName": "a-uuid",
            "request": {"userAttributes": {"email": email}, **request}, "response": {}}


def invite(stores, organisation_id="home-office", **changes):
    body = {"organisation_id": organisation_id, "max_uses": 5, **changes}
    return service.create_invitation(body, "admin", stores, NOW)


def test_an_email_on_an_active_organisations_domain_is_admitted_to_that_organisation():
    admission = admit("priya@dwp.gov.uk", [], ORGANISATIONS)
    assert admission.organisation_ids == ("department-for-work-pensions",)
    assert admission.placements[0].via == "email"


@pytest.mark.parametrize("email", ["clerk@leeds.gov.uk", "me@gmail.com", "x@closed.gov.uk", "", "not-an-email"])
def test_anyone_else_is_refused_with_what_to_do(email):
    with pytest.raises(SignUpRefusedError, match="Ask your department for an invitation link"):
        admit(email, [], ORGANISATIONS)


def test_an_invitation_admits_someone_without_a_work_email_to_the_invited_organisation_only():
    admission = admit("me@gmail.com", ["home-office"], ORGANISATIONS)
    assert admission.organisation_ids == ("home-office",)
    check_placement("home-office", admission)
    with pytest.raises(ValidationError) as refused:
        check_placement("department-for-work-pensions", admission)
    assert refused.value.fields == {"organisation_id": "must be home-office"}


def test_an_invitation_to_an_inactive_organisation_admits_nobody():
    with pytest.raises(SignUpRefusedError):
        admit("me@gmail.com", ["closed-agency"], ORGANISATIONS)


def test_a_work_email_and_an_invitation_admit_to_both_organisations():
    admission = admit("priya@dwp.gov.uk", ["home-office"], ORGANISATIONS)
    assert admission.organisation_ids == ("department-for-work-pensions", "home-office")


def test_at_sign_up_a_valid_invitation_code_admits_and_an_invalid_one_does_not():
    stores, _ = make_stores()
    code = invite(stores)["code"]
    assert admission_at_sign_up("me@gmail.com", code, stores, NOW).organisation_ids == ("home-office",)
    with pytest.raises(SignUpRefusedError):
        admission_at_sign_up("me@gmail.com", code, stores, NOW + timedelta(days=31))
    with pytest.raises(SignUpRefusedError):
        admission_at_sign_up("me@gmail.com", "made-up-code-made-up-code", stores, NOW)


def test_the_trigger_lets_a_work_email_through_and_returns_the_event_unchanged():
    stores, _ = make_stores()
    event = sign_up_event("priya@dwp.gov.uk")
    assert pre_sign_up(event, sign_up_stores(stores), NOW) == sign_up_event("priya@dwp.gov.uk")


@pytest.mark.parametrize("where", ["clientMetadata", "validationData"])
def test_the_trigger_takes_the_invitation_code_from_client_metadata_or_validation_data(where):
    stores, _ = make_stores()
    code = invite(stores)["code"]
    event = sign_up_event("me@gmail.com", **{where: {"invitation": code}})
    assert pre_sign_up(event, sign_up_stores(stores), NOW) is event
    assert service.list_invitations(stores, NOW)[0]["uses"] == 0  # checked, not used up


def test_the_trigger_refuses_others_with_a_message_saying_what_to_do():
    stores, _ = make_stores()
    with pytest.raises(SignUpRefusedError, match="Ask your department for an invitation link"):
        pre_sign_up(sign_up_event("me@gmail.com", clientMetadata={"invitation": "nonsense"}), sign_up_stores(stores),
                    NOW)


def test_the_trigger_lets_accounts_administrators_create_through_without_the_gate():
    stores, _ = make_stores()
    assert pre_sign_up(sign_up_event("me@gmail.com", "PreSignUp_AdminCreateUser"), sign_up_stores(stores), NOW)


def person(username="u-1", email="priya@dwp.gov.uk"):
    return DirectoryUser(username=username, user_id=username, email=email)


def test_in_the_api_a_redeemed_invitation_admits_someone_without_a_work_email():
    stores, _ = make_stores()
    gate = PersonGate("u-1", "u-1", InMemoryDirectory([person(email="me@gmail.com")]), stores.memberships,
                      stores.organisations)
    with pytest.raises(SignUpRefusedError):
        gate.check_placement("home-office")
    service.redeem_invitation(invite(stores)["code"], "u-1", Caller(), stores, NOW)
    gate.check_placement("home-office")


def test_in_the_api_a_work_email_places_the_person_in_its_organisation_only():
    stores, _ = make_stores()
    gate = PersonGate("u-1", "u-1", InMemoryDirectory([person()]), stores.memberships, stores.organisations)
    gate.check_placement("department-for-work-pensions")
    with pytest.raises(ValidationError):
        gate.check_placement("home-office")


class PoolLessDirectory(InMemoryDirectory):
    def email_of(self, username):
        raise DirectoryUnavailableError("eu-west-2_TestPool1")


def test_without_a_user_pool_the_api_gate_refuses_rather_than_lets_anyone_in():
    stores, _ = make_stores()
    gate = PersonGate("u-1", "u-1", PoolLessDirectory(), stores.memberships, stores.organisations)
    with pytest.raises(DirectoryUnavailableError):
        gate.check_placement("home-office")


def test_the_trigger_limits_unknown_codes_per_email_address_like_the_api():
    """The finding: the PreSignUp trigger checked codes with no limit at all."""
    stores, _ = make_stores(limit=3)
    for _ in range(3):
        with pytest.raises(SignUpRefusedError, match="Ask your department"):
            pre_sign_up(sign_up_event("me@gmail.com", clientMetadata={"invitation": new_code()}), sign_up_stores(stores),
                    NOW)
    valid = invite(stores)["code"]
    with pytest.raises(SignUpRefusedError, match="Wait 15 minutes"):
        pre_sign_up(sign_up_event("Me@Gmail.com", clientMetadata={"invitation": valid}), sign_up_stores(stores), NOW)
    assert pre_sign_up(sign_up_event("me@gmail.com", clientMetadata={"invitation": valid}), sign_up_stores(stores),
                       NOW + timedelta(minutes=16))


def test_a_limited_person_with_a_work_email_is_still_admitted_by_their_domain():
    stores, _ = make_stores(limit=1)
    with pytest.raises(SignUpRefusedError):
        pre_sign_up(sign_up_event("me@gmail.com", clientMetadata={"invitation": new_code()}), sign_up_stores(stores),
                    NOW)
    event = sign_up_event("priya@dwp.gov.uk", clientMetadata={"invitation": new_code()})
    assert pre_sign_up(event, sign_up_stores(stores), NOW) is event
