"""Linking through the real Cognito client, checked with botocore's Stubber (moto has no
AdminLinkProviderForUser): each request must have the shape Cognito's API takes, and the replies
are Cognito's recorded shapes, including a LinkedIn user's ``identities`` and EXTERNAL_PROVIDER."""

import json
from datetime import UTC, datetime

import boto3
import pytest
from botocore.stub import Stubber

from chalicelib.adapters.cognito import CognitoDirectory
from chalicelib.adapters.cognito_links import CognitoLinker, CognitoUserPools
from chalicelib.federation.service import LinkingStores
from chalicelib.gate.rule import SignUpRefusedError
from chalicelib.triggers import SignUpStores, pre_sign_up
from tests.fakes.accounts import InMemoryAccountRepository
from tests.unit.invitations.fakes import NOW, make_stores

POOL = "eu-west-2_AbCdEfGhI"
CREATED = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
LINKEDIN_IDENTITIES = json.dumps([{"userId": "abc123XYZ", "providerName": "LinkedIn", "providerType": "OIDC",
                                   "issuer": None, "primary": "true", "dateCreated": "1777627800000"}])


def cognito():
    return boto3.client("cognito-idp", region_name="eu-west-2", aws_access_key_id="x", aws_secret_access_key="x")


def listed(username, email, status="CONFIRMED", enabled=True, **extra_attributes):
    """One user as ListUsers returns it (recorded shape)."""
    attributes = [{"Name": "sub", "Value": f"sub-{username}"}, {"Name": "email", "Value": email},
                  *({"Name": k, "Value": v} for k, v in extra_attributes.items())]
    return {"Users": [{"Username": username, "Attributes": attributes, "UserCreateDate": CREATED,
                       "UserLastModifiedDate": CREATED, "Enabled": enabled, "UserStatus": status}]}


def by_email(email):
    return {"UserPoolId": POOL, "Filter": f'email = "{email}"', "Limit": 1}


def link_request(username, subject="abc123XYZ"):
    return {"UserPoolId": POOL,
            "DestinationUser": {"ProviderName": "Cognito", "ProviderAttributeValue": username},
            "SourceUser": {"ProviderName": "LinkedIn", "ProviderAttributeName": "Cognito_Subject",
                           "ProviderAttributeValue": subject}}


def linkedin_event(email="priya.shah@dwp.gov.uk", verified="true"):
    return {"version": "1", "region": "eu-west-2", "userPoolId": POOL, "userName": "LinkedIn_abc123XYZ",
            "triggerSource": "PreSignUp_ExternalProvider",
            "request": {"userAttributes": {"email": email, "email_verified": verified, "name": "Priya Shah"},
                        "validationData": None, "clientMetadata": None},
            "response": {"autoConfirmUser": False, "autoVerifyEmail": False, "autoVerifyPhone": False}}


@pytest.fixture
def stubbed():
    client = cognito()
    with Stubber(client) as stub:
        pools = CognitoUserPools(client)
        stores = SignUpStores(make_stores()[0], LinkingStores(pools.directory(POOL), InMemoryAccountRepository(),
                                                              pools.linker(POOL), ("LinkedIn",)))
        yield stub, stores
        stub.assert_no_pending_responses()


def test_linking_sends_the_destination_as_a_cognito_user_and_the_source_by_linkedin_subject():
    client = cognito()
    with Stubber(client) as stub:
        stub.add_response("admin_link_provider_for_user", {}, link_request("0f1e2d3c-native"))
        CognitoLinker(client, POOL).link("0f1e2d3c-native", "LinkedIn", "abc123XYZ")
        stub.assert_no_pending_responses()


def test_linking_again_is_not_an_error_but_other_refusals_are():
    client = cognito()
    with Stubber(client) as stub:
        stub.add_client_error("admin_link_provider_for_user", "InvalidParameterException",
                              "SourceUser is already linked to DestinationUser", expected_params=link_request("u"))
        stub.add_client_error("admin_link_provider_for_user", "UserNotFoundException", "User does not exist.",
                              expected_params=link_request("u"))
        CognitoLinker(client, POOL).link("u", "LinkedIn", "abc123XYZ")
        with pytest.raises(Exception, match="User does not exist"):
            CognitoLinker(client, POOL).link("u", "LinkedIn", "abc123XYZ")


def test_the_directory_reads_a_linkedin_user_as_federated_and_a_linked_password_user_as_not():
    client = cognito()
    linked = json.dumps([{**json.loads(LINKEDIN_IDENTITIES)[0], "primary": "false"}])
    with Stubber(client) as stub:
        stub.add_response("list_users", listed("linkedin_abc123xyz", "p@gmail.com", "EXTERNAL_PROVIDER",
                                               identities=LINKEDIN_IDENTITIES), by_email("p@gmail.com"))
        stub.add_response("list_users", listed("0f1e", "q@dwp.gov.uk", identities=linked, email_verified="true"),
                          by_email("q@dwp.gov.uk"))
        stub.add_response("list_users", listed("0f2e", "r@dwp.gov.uk", "UNCONFIRMED", email_verified="false"),
                          by_email("r@dwp.gov.uk"))
        directory = CognitoDirectory(client, POOL)
        assert directory.find_by_email("p@gmail.com").federated_only
        linked_user = directory.find_by_email("q@dwp.gov.uk")
        assert not linked_user.federated_only and linked_user.confirmed and linked_user.email_verified
        unconfirmed = directory.find_by_email("r@dwp.gov.uk")
        assert not unconfirmed.confirmed and not unconfirmed.email_verified


def test_the_trigger_links_a_verified_linkedin_email_to_the_password_account_in_the_events_pool(stubbed):
    stub, stores = stubbed
    stub.add_response("list_users", listed("0f1e2d3c-native", "priya.shah@dwp.gov.uk", email_verified="true"),
                      by_email("priya.shah@dwp.gov.uk"))
    stub.add_response("admin_link_provider_for_user", {}, link_request("0f1e2d3c-native"))
    assert pre_sign_up(linkedin_event(), stores, NOW)["userName"] == "LinkedIn_abc123XYZ"


@pytest.mark.parametrize("enabled, status", [(False, "CONFIRMED"), (True, "UNCONFIRMED")])
def test_the_trigger_never_links_to_a_disabled_or_unconfirmed_account(stubbed, enabled, status):
    stub, stores = stubbed
    stub.add_response("list_users", listed("0f1e", "priya.shah@dwp.gov.uk", status, enabled),
                      by_email("priya.shah@dwp.gov.uk"))
    with pytest.raises(SignUpRefusedError):
        pre_sign_up(linkedin_event(), stores, NOW)  # no admin_link_provider_for_user call was stubbed


def test_the_trigger_never_links_an_unverified_linkedin_email(stubbed):
    stub, stores = stubbed
    stub.add_response("list_users", {"Users": []}, by_email("priya.shah@dwp.gov.uk"))
    with pytest.raises(SignUpRefusedError, match="LinkedIn has not confirmed"):
        pre_sign_up(linkedin_event(verified="false"), stores, NOW)


def test_a_password_sign_up_for_a_linkedin_only_email_is_refused_with_continue_with_linkedin(stubbed):
    stub, stores = stubbed
    stub.add_response("list_users", listed("linkedin_abc123xyz", "p@dwp.gov.uk", "EXTERNAL_PROVIDER",
                                           identities=LINKEDIN_IDENTITIES), by_email("p@dwp.gov.uk"))
    event = {"triggerSource": "PreSignUp_SignUp", "userPoolId": POOL, "userName": "a-uuid",
             "request": {"userAttributes": {"email": "p@dwp.gov.uk"}}, "response": {}}
    with pytest.raises(SignUpRefusedError, match="Continue with LinkedIn"):
        pre_sign_up(event, stores, NOW)
