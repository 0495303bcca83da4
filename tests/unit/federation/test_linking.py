"""One person, one account: which first LinkedIn sign-ins link, open an account, or are refused."""

import pytest

from chalicelib.accounts.domain import AccountStanding, DirectoryUser
from chalicelib.federation.domain import (
    ExternalIdentity,
    LinkTo,
    OpenAccount,
    check_password_sign_up,
    decide,
    external_identity,
)
from chalicelib.federation.service import LinkingStores, federated_sign_up
from chalicelib.gate.rule import SignUpRefusedError
from chalicelib.triggers import SignUpStores, pre_sign_up
from tests.fakes.accounts import InMemoryAccountRepository, InMemoryDirectory
from tests.fakes.federation import InMemoryLinker
from tests.unit.invitations.fakes import NOW, make_stores

PROVIDERS = ("LinkedIn",)
VERIFIED = ExternalIdentity("LinkedIn", "li-42", "priya.shah@dwp.gov.uk", email_verified=True)


def account(**state) -> DirectoryUser:
    return DirectoryUser(username="sub-1", user_id="sub-1", email="priya.shah@dwp.gov.uk", **state)


def linkedin_event(email="priya.shah@dwp.gov.uk", verified="true", user="LinkedIn_li-42") -> dict:
    attributes = {"email": email, **({"email_verified": verified} if verified is not None else {})}
    return {"triggerSource": "PreSignUp_ExternalProvider", "userName": user, "userPoolId": "eu-west-2_x",
            "request": {"userAttributes": attributes, "validationData": None, "clientMetadata": None},
            "response": {}}


def password_event(email="priya.shah@dwp.gov.uk") -> dict:
    return {"triggerSource": "PreSignUp_SignUp", "userName": "a-uuid",
            "request": {"userAttributes": {"email": email}}, "response": {}}


@pytest.fixture
def world():
    directory, accounts = InMemoryDirectory(), InMemoryAccountRepository()
    linker = InMemoryLinker(directory)
    invitations, _ = make_stores()
    stores = SignUpStores(invitations, LinkingStores(directory, accounts, linker, PROVIDERS))
    return directory, accounts, linker, stores


def test_a_verified_email_of_an_active_confirmed_password_account_links_to_that_account():
    assert decide(VERIFIED, account(), None) == LinkTo("sub-1")
    assert decide(VERIFIED, account(), AccountStanding("sub-1", "active")) == LinkTo("sub-1")


def test_a_verified_email_with_no_account_may_open_one():
    assert decide(VERIFIED, None, None) == OpenAccount()


@pytest.mark.parametrize("verified", [False])
def test_an_email_linkedin_has_not_verified_never_links_nor_opens_an_account(verified):
    unverified = ExternalIdentity("LinkedIn", "li-42", "priya.shah@dwp.gov.uk", email_verified=verified)
    for existing in (account(), None):
        with pytest.raises(SignUpRefusedError, match="LinkedIn has not confirmed your email address"):
            decide(unverified, existing, None)


@pytest.mark.parametrize("existing, standing", [
    (account(enabled=False), None),
    (account(), AccountStanding("sub-1", "suspended")),
    (account(), AccountStanding("sub-1", "deleted")),
])
def test_a_disabled_suspended_or_deleted_account_is_never_linked(existing, standing):
    with pytest.raises(SignUpRefusedError, match="cannot be used at the moment"):
        decide(VERIFIED, existing, standing)


@pytest.mark.parametrize("existing", [account(confirmed=False), account(email_verified=False)])
def test_an_account_whose_own_email_was_never_confirmed_is_never_linked(existing):
    with pytest.raises(SignUpRefusedError, match="has not been confirmed"):
        decide(VERIFIED, existing, None)


def test_an_account_opened_through_another_linkedin_login_is_not_linked():
    with pytest.raises(SignUpRefusedError, match="different LinkedIn account"):
        decide(VERIFIED, account(federated_only=True), None)


@pytest.mark.parametrize("username", ["LinkedIn_li-42", "linkedin_li-42"])
def test_cognitos_name_for_a_new_provider_user_gives_the_provider_and_its_subject(username):
    identity = external_identity(username, {"email": " a@b.gov.uk ", "email_verified": "True"}, PROVIDERS)
    assert identity == ExternalIdentity("LinkedIn", "li-42", "a@b.gov.uk", True)
    assert external_identity(username, {"email": "a@b.gov.uk", "email_verified": True}, PROVIDERS).email_verified


@pytest.mark.parametrize("username", ["Google_123", "LinkedIn_", "no-provider"])
def test_an_identity_provider_the_service_does_not_offer_is_refused(username):
    with pytest.raises(SignUpRefusedError, match="not offered"):
        external_identity(username, {"email": "a@b.gov.uk", "email_verified": "true"}, PROVIDERS)


def test_the_trigger_links_a_first_linkedin_sign_in_to_the_password_account_with_that_email(world):
    directory, _, linker, stores = world
    directory.add("sub-1", "Priya.Shah@dwp.gov.uk")
    event = linkedin_event()
    assert pre_sign_up(event, stores, NOW) is event
    assert linker.links == {("LinkedIn", "li-42"): "sub-1"}


@pytest.mark.parametrize("verified", ["false", None])
def test_the_trigger_refuses_an_unverified_linkedin_email_and_links_nothing(world, verified):
    directory, _, linker, stores = world
    directory.add("sub-1", "priya.shah@dwp.gov.uk")
    with pytest.raises(SignUpRefusedError):
        pre_sign_up(linkedin_event(verified=verified), stores, NOW)
    assert linker.links == {}


def test_the_trigger_refuses_to_link_to_a_suspended_account(world):
    directory, accounts, linker, stores = world
    directory.add("sub-1", "priya.shah@dwp.gov.uk", enabled=False)
    accounts.put(AccountStanding("sub-1", "suspended"))
    with pytest.raises(SignUpRefusedError, match="cannot be used"):
        pre_sign_up(linkedin_event(), stores, NOW)
    assert linker.links == {}


def test_the_trigger_lets_a_new_linkedin_member_through_for_the_gate_to_decide_at_the_code_exchange(world):
    _, _, linker, stores = world
    event = linkedin_event(email="priya@gmail.com")
    assert pre_sign_up(event, stores, NOW) is event  # the invitation can only arrive with the code
    assert linker.links == {}


def test_a_deleted_account_whose_user_is_gone_is_not_linked_a_new_account_may_open(world):
    directory, accounts, linker, stores = world
    accounts.put(AccountStanding("sub-1", "deleted"))  # DELETE /me removed the Cognito user too
    assert federated_sign_up("LinkedIn_li-42", {"email": "priya.shah@dwp.gov.uk", "email_verified": "true"},
                             stores.linking) is False
    assert linker.links == {}


def test_the_reverse_order_a_password_sign_up_for_a_linkedin_only_email_is_told_to_continue_with_linkedin(world):
    directory, _, _, stores = world
    directory.add("sub-9", "priya.shah@dwp.gov.uk", username="linkedin_li-42", federated_only=True)
    with pytest.raises(SignUpRefusedError, match="Continue with LinkedIn to sign in"):
        pre_sign_up(password_event(), stores, NOW)


def test_a_password_sign_up_is_not_stopped_by_a_password_account_check_of_its_own():
    check_password_sign_up(None)
    check_password_sign_up(account())  # Cognito itself answers UsernameExistsException
