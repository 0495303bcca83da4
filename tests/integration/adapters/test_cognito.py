"""The Cognito adapters against moto's user pool: the directory, and password sessions."""

import boto3
import pytest

from chalicelib.adapters.cognito import CognitoDirectory, CognitoSignIn
from chalicelib.errors import NotConfirmedError, SessionEndedError, SignInFailedError
from infra.local.resources import client_arguments

PASSWORD = "Correct-Horse-42-Battery"


@pytest.fixture
def pool(aws):
    client = boto3.client("cognito-idp", region_name="eu-west-2")
    client_id = client.create_user_pool_client(**client_arguments(aws.id))["UserPoolClient"]["ClientId"]
    return aws, client, client_id


def account(pool, email: str, confirmed: bool = True) -> str:
    moto_pool, client, client_id = pool
    if confirmed:
        username, _ = moto_pool.create(email, admin=False)
        client.admin_set_user_password(UserPoolId=moto_pool.id, Username=username, Password=PASSWORD, Permanent=True)
        return username
    return client.sign_up(ClientId=client_id, Username=email, Password=PASSWORD)["UserSub"]


def test_a_password_sign_in_gives_tokens_that_refresh(pool):
    moto_pool, client, client_id = pool
    account(pool, "priya.shah@dwp.gov.uk")
    provider = CognitoSignIn(client, client_id, moto_pool.id)
    tokens = provider.sign_in("priya.shah@dwp.gov.uk", PASSWORD)
    assert tokens.access_token and tokens.id_token and tokens.refresh_token and tokens.expires_in > 0
    again = provider.refresh("password", tokens.refresh_token)
    assert again.access_token and again.refresh_token == ""


def test_wrong_passwords_unknown_people_and_dead_refresh_tokens_are_refusals_not_faults(pool):
    moto_pool, client, client_id = pool
    account(pool, "priya.shah@dwp.gov.uk")
    provider = CognitoSignIn(client, client_id, moto_pool.id)
    for email, password in (("priya.shah@dwp.gov.uk", "wrong"), ("nobody@dwp.gov.uk", PASSWORD)):
        with pytest.raises(SignInFailedError):
            provider.sign_in(email, password)
    with pytest.raises(SessionEndedError):
        provider.refresh("password", "not-a-refresh-token")


def test_an_unconfirmed_account_is_asked_to_confirm(pool):
    moto_pool, client, client_id = pool
    account(pool, "new.starter@dwp.gov.uk", confirmed=False)
    with pytest.raises(NotConfirmedError):
        CognitoSignIn(client, client_id, moto_pool.id).sign_in("new.starter@dwp.gov.uk", PASSWORD)


def test_signing_out_never_fails_the_person_even_where_revocation_is_not_available(pool):
    moto_pool, client, client_id = pool
    username = account(pool, "priya.shah@dwp.gov.uk")
    provider = CognitoSignIn(client, client_id, moto_pool.id)
    tokens = provider.sign_in("priya.shah@dwp.gov.uk", PASSWORD)
    provider.revoke("password", tokens.refresh_token)  # moto has no RevokeToken: logged, not raised
    provider.sign_out_everywhere(username)
    provider.sign_out_everywhere("no-such-user")


def test_the_directory_finds_people_by_id_username_and_email_and_escapes_filter_values(pool):
    moto_pool, client, _ = pool
    username = account(pool, "priya.shah@dwp.gov.uk")
    directory = CognitoDirectory(client, moto_pool.id)
    person = directory.find_by_email("priya.shah@dwp.gov.uk")
    assert person is not None and person.username == username
    assert directory.email_of(person.user_id) == directory.email_of(username) == "priya.shah@dwp.gov.uk"
    assert directory.find_by_email('x" or email ^= "') is None
    directory.delete_user(username)
    directory.delete_user(username)  # twice is safe
    assert directory.find(person.user_id) is None
