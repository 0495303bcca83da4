"""The user pool as ``federation.ports.IdentityLinker`` and ``UserPools``: AdminLinkProviderForUser.

Cognito links a provider identity to an existing user (the destination, always a user of the
pool itself: ``ProviderName="Cognito"``) by the provider's subject; every later sign-in through
that provider then signs in as the destination user. The emulator has no AdminLinkProviderForUser,
so this is tested with botocore's Stubber against the call's recorded shapes
(tests/integration/adapters/test_cognito_links.py).
"""

import logging
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.accounts.ports import Directory
from chalicelib.adapters.cognito import CognitoDirectory

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient

logger = logging.getLogger(__name__)
SUBJECT = "Cognito_Subject"  # link by the provider's ``sub`` claim


class CognitoLinker:
    def __init__(self, client: "CognitoIdentityProviderClient", user_pool_id: str):
        self._client, self._pool = client, user_pool_id

    def link(self, username: str, provider: str, subject: str) -> None:
        try:
            self._client.admin_link_provider_for_user(
                UserPoolId=self._pool,
                DestinationUser={"ProviderName": "Cognito", "ProviderAttributeValue": username},
                SourceUser={"ProviderName": provider, "ProviderAttributeName": SUBJECT,
                            "ProviderAttributeValue": subject},
            )
        except ClientError as error:
            # Linking twice (two first sign-ins racing) answers "already linked": the link is there.
            message = str(error.response.get("Error", {}).get("Message", "")).lower()
            if "already" in message and "link" in message:
                logger.info("identity was already linked")
                return
            raise


class CognitoUserPools:
    """Directory and linker for the pool a trigger's event names."""

    def __init__(self, client: "CognitoIdentityProviderClient"):
        self._client = client

    def directory(self, pool_id: str) -> Directory:
        return CognitoDirectory(self._client, pool_id)

    def linker(self, pool_id: str) -> CognitoLinker:
        return CognitoLinker(self._client, pool_id)
