"""Signing in with an authenticator app: the site asks for the code after the password (Cognito's
SOFTWARE_TOKEN_MFA challenge, answered through POST /session/challenge), and a wrong code is refused."""

import boto3

from tests.browser.conftest import PASSWORD
from tests.integration.adapters.test_cognito_mfa import totp


def test_an_account_with_an_authenticator_app_signs_in_with_its_code(page, site_url, site_config, local_stack):
    email = "mfa.person@dwp.gov.uk"
    cognito = boto3.client("cognito-idp", region_name=site_config["region"], endpoint_url=local_stack.moto_url,
                           aws_access_key_id="local", aws_secret_access_key="local")
    pool = site_config["userPoolId"]
    cognito.admin_create_user(UserPoolId=pool, Username=email, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": email}])
    cognito.admin_set_user_password(UserPoolId=pool, Username=email, Password=PASSWORD, Permanent=True)
    tokens = cognito.initiate_auth(ClientId=site_config["userPoolClientId"], AuthFlow="USER_PASSWORD_AUTH",
                                   AuthParameters={"USERNAME": email, "PASSWORD": PASSWORD})["AuthenticationResult"]
    secret = cognito.associate_software_token(AccessToken=tokens["AccessToken"])["SecretCode"]
    cognito.verify_software_token(AccessToken=tokens["AccessToken"], UserCode=totp(secret))
    cognito.set_user_mfa_preference(AccessToken=tokens["AccessToken"],
                                    SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})

    page.goto(f"{site_url}/sign-in")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#sign-in-button")
    page.wait_for_selector("#code-form:not([hidden])")
    page.fill("#code", "12345")
    page.click("#code-button")
    page.wait_for_selector(".govuk-error-summary")
    page.fill("#code", totp(secret))
    page.click("#code-button")
    page.wait_for_url(lambda url: "/sign-in" not in url)


def test_setting_up_an_authenticator_app_from_the_site_then_signing_in_with_its_code(page, site_url, local_stack):
    email = "set.up.app@dwp.gov.uk"
    cognito = boto3.client("cognito-idp", region_name=local_stack.region, endpoint_url=local_stack.moto_url,
                           aws_access_key_id="local", aws_secret_access_key="local")
    cognito.admin_create_user(UserPoolId=local_stack.user_pool_id, Username=email, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": email}])
    cognito.admin_set_user_password(UserPoolId=local_stack.user_pool_id, Username=email, Password=PASSWORD,
                                    Permanent=True)

    def sign_in() -> None:
        page.goto(f"{site_url}/sign-in")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        page.click("#sign-in-button")

    sign_in()
    page.wait_for_url(lambda url: "/sign-in" not in url)
    page.goto(f"{site_url}/settings/authenticator")
    page.wait_for_selector("#authenticator-form:not([hidden])")
    assert page.text_content("#setup-key-value").strip()  # Cognito: 32 base32 characters; moto: its fixed one
    page.fill("#code", "123456")  # the local emulator accepts any code; AWS checks it
    page.click("#authenticator-button")
    page.wait_for_url(f"{site_url}/sign-in")
    assert "authenticator app is set up" in page.text_content("main")
    sign_in()
    page.wait_for_selector("#code-form:not([hidden])")
