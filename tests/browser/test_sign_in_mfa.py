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
