"""The TOTP second step against Cognito: moto where it behaves like Cognito, botocore's Stubber with
Cognito's documented reply shapes where moto does not (MFA_SETUP at sign-in).

moto: associating and verifying a software token with an access token, turning it on, the
SOFTWARE_TOKEN_MFA challenge at USER_PASSWORD_AUTH and its answer, and AdminGetUser's
UserMFASettingList. moto checks TOTP codes for real only when MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP
is set, against its one fixed secret: these tests set it and compute real RFC 6238 codes.
moto never asks for MFA_SETUP after USER_PASSWORD_AUTH (Cognito does when MFA is required, or
adaptive authentication wants it, and the person has no app yet), so that flow runs on the Stubber,
whose replies botocore validates against Cognito's own service model.
"""

import base64
import hashlib
import hmac
import struct
import time

import boto3
import pytest
from botocore.stub import ANY, Stubber

from chalicelib.adapters.cognito import CognitoDirectory, CognitoSignIn
from chalicelib.errors import CodeMismatchError, SessionEndedError
from chalicelib.sessions.domain import Challenge, Tokens
from infra.local.resources import client_arguments

PASSWORD = "Correct-Horse-42-Battery"


def totp(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows for this base32 secret (RFC 6238: SHA-1, 30 s, 6 digits)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


@pytest.fixture
def pool(aws, monkeypatch):
    monkeypatch.setenv("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true")
    client = boto3.client("cognito-idp", region_name="eu-west-2")
    client.set_user_pool_mfa_config(UserPoolId=aws.id, SoftwareTokenMfaConfiguration={"Enabled": True},
                                    MfaConfiguration="OPTIONAL")
    client_id = client.create_user_pool_client(**client_arguments(aws.id))["UserPoolClient"]["ClientId"]
    username, _ = aws.create("ada.admin@cabinetoffice.gov.uk", admin=True)
    client.admin_set_user_password(UserPoolId=aws.id, Username=username, Password=PASSWORD, Permanent=True)
    return aws, client, CognitoSignIn(client, client_id, aws.id), username


def test_setting_up_an_app_turns_on_a_code_at_every_sign_in(pool):
    moto_pool, client, provider, username = pool
    directory = CognitoDirectory(client, moto_pool.id)
    first = provider.sign_in("ada.admin@cabinetoffice.gov.uk", PASSWORD)
    assert isinstance(first, Tokens) and not directory.has_totp(username)
    secret = provider.add_totp(first.access_token)
    with pytest.raises(CodeMismatchError):
        provider.confirm_totp(first.access_token, "000000")
    provider.confirm_totp(first.access_token, totp(secret))
    assert directory.has_totp(username)
    challenge = provider.sign_in("ada.admin@cabinetoffice.gov.uk", PASSWORD)
    assert isinstance(challenge, Challenge) and challenge.name == "SOFTWARE_TOKEN_MFA" and challenge.session
    with pytest.raises(CodeMismatchError):
        provider.answer_totp("ada.admin@cabinetoffice.gov.uk", challenge.session, "000000")
    tokens = provider.answer_totp("ada.admin@cabinetoffice.gov.uk", challenge.session, totp(secret))
    assert isinstance(tokens, Tokens) and tokens.refresh_token


def test_an_unknown_or_used_challenge_session_means_signing_in_again(pool):
    _, _, provider, _ = pool
    with pytest.raises(SessionEndedError):
        provider.answer_totp("ada.admin@cabinetoffice.gov.uk", "AYABe-no-such-session-anywhere-000000", "123456")


# ------------------------------------------------------------- MFA_SETUP: Cognito's shapes, stubbed

S1, S2, S3 = ("AYABe" + str(n) * 40 for n in (1, 2, 3))  # Cognito's sessions are long opaque strings
AUTHENTICATED = {"AuthenticationResult": {"AccessToken": "access", "IdToken": "id", "RefreshToken": "refresh",
                                          "ExpiresIn": 3600, "TokenType": "Bearer"}}


def test_cognito_asking_for_an_app_at_sign_in_is_answered_in_two_steps():
    client = boto3.client("cognito-idp", region_name="eu-west-2")
    provider = CognitoSignIn(client, "client-id", "eu-west-2_pool")
    with Stubber(client) as stub:
        stub.add_response("initiate_auth", {"ChallengeName": "MFA_SETUP", "Session": S1,
                                            "ChallengeParameters": {"MFAS_CAN_SETUP": '["SOFTWARE_TOKEN_MFA"]'}},
                          {"AuthFlow": "USER_PASSWORD_AUTH", "ClientId": "client-id", "AuthParameters": ANY})
        stub.add_response("associate_software_token", {"SecretCode": "JBSWY3DPEHPK3PXP", "Session": S2},
                          {"Session": S1})
        stub.add_response("verify_software_token", {"Status": "SUCCESS", "Session": S3},
                          {"Session": S2, "UserCode": "123456", "FriendlyDeviceName": "Mentor Match"})
        stub.add_response("respond_to_auth_challenge", AUTHENTICATED,
                          {"ClientId": "client-id", "ChallengeName": "MFA_SETUP", "Session": S3,
                           "ChallengeResponses": {"USERNAME": "ada@cabinetoffice.gov.uk"}})
        asked = provider.sign_in("ada@cabinetoffice.gov.uk", PASSWORD)
        assert asked == Challenge("MFA_SETUP", S1)
        started = provider.start_totp_setup(asked.session)
        assert started == Challenge("MFA_SETUP", S2, secret="JBSWY3DPEHPK3PXP")
        done = provider.finish_totp_setup("ada@cabinetoffice.gov.uk", started.session, "123456")
        assert isinstance(done, Tokens) and done.refresh_token == "refresh"
        stub.assert_no_pending_responses()


def test_a_wrong_first_code_during_set_up_is_a_code_mismatch():
    client = boto3.client("cognito-idp", region_name="eu-west-2")
    provider = CognitoSignIn(client, "client-id", "eu-west-2_pool")
    with Stubber(client) as stub:
        stub.add_client_error("verify_software_token", service_error_code="EnableSoftwareTokenMFAException",
                              service_message="Code mismatch and fail enable Software Token MFA", http_status_code=400)
        with pytest.raises(CodeMismatchError):
            provider.finish_totp_setup("ada@cabinetoffice.gov.uk", S2, "000000")
