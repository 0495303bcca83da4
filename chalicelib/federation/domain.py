"""The rules of one person, one account, as pure functions.

Rules:
- An identity provider's email address must be verified by that provider before it can link to,
  or open, an account.
- A first sign-in through a provider whose verified email belongs to an existing password
  account is linked to that account (one person, one profile); never to an account that is
  disabled, suspended or deleted, never to one whose own email was never confirmed (anyone may
  type an address at sign-up), and never to another provider's account.
- With no account for that email, it opens a new one, under the same sign-up gate as a password
  sign-up (``gate.rule.admit``, applied when the site exchanges the code: the invitation travels
  through the authorisation request's state, which Cognito never shows its triggers).
- The reverse case: a password sign-up for an email that already has an account opened through a
  provider is refused with a message telling the person to continue with that provider.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from chalicelib.accounts.domain import AccountStanding, DirectoryUser
from chalicelib.gate.rule import SignUpRefusedError

EMAIL_NOT_VERIFIED = (
    "LinkedIn has not confirmed your email address yet. Confirm it in your LinkedIn settings and try "
    "again, or create an account with your work email address."
)
ACCOUNT_NOT_USABLE = (
    "There is a Mentor Match account with this email address that cannot be used at the moment. "
    "Contact the Mentor Match team."
)
ACCOUNT_NOT_CONFIRMED = (
    "There is a Mentor Match account with this email address that has not been confirmed. Confirm it "
    "with the code we emailed you and sign in with your password, then you can continue with LinkedIn."
)
OTHER_PROVIDER_ACCOUNT = (
    "There is already a Mentor Match account with this email address, opened through a different "
    "LinkedIn account. Continue with that LinkedIn account."
)
CONTINUE_WITH_PROVIDER = (
    "You already have a Mentor Match account with this email address through LinkedIn. "
    "Continue with LinkedIn to sign in."
)


@dataclass(frozen=True)
class ExternalIdentity:
    """A person as an identity provider names them at their first sign-in."""

    provider: str  # the provider's name in the user pool, e.g. "LinkedIn"
    subject: str  # the provider's own id for the person
    email: str
    email_verified: bool


@dataclass(frozen=True)
class LinkTo:
    """Link the identity to this existing account (its username in the user pool)."""

    username: str


@dataclass(frozen=True)
class OpenAccount:
    """No account has this email: open one, if the sign-up gate admits the person."""


Decision = LinkTo | OpenAccount


def is_true(value: object) -> bool:
    """Cognito passes attributes as strings ("true"); providers send booleans."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def external_identity(username: str, attributes: Mapping[str, object], providers: tuple[str, ...]) -> ExternalIdentity:
    """The identity in a PreSignUp_ExternalProvider event: Cognito names the new user ``<Provider>_<subject>``."""
    prefix, _, subject = username.partition("_")
    provider = next((name for name in providers if name.lower() == prefix.lower()), "")
    if not provider or not subject:
        raise SignUpRefusedError("This way of signing in is not offered by Mentor Match.")
    return ExternalIdentity(provider, subject, str(attributes.get("email", "")).strip(),
                            is_true(attributes.get("email_verified")))


def decide(identity: ExternalIdentity, existing: DirectoryUser | None, standing: AccountStanding | None) -> Decision:
    """Link, open, or refuse (SignUpRefusedError says what to do)."""
    if not identity.email or not identity.email_verified:
        raise SignUpRefusedError(EMAIL_NOT_VERIFIED)
    if existing is None:
        return OpenAccount()
    if existing.federated_only:
        raise SignUpRefusedError(OTHER_PROVIDER_ACCOUNT)
    if not existing.enabled or (standing is not None and standing.state != "active"):
        raise SignUpRefusedError(ACCOUNT_NOT_USABLE)
    if not existing.confirmed or not existing.email_verified:
        raise SignUpRefusedError(ACCOUNT_NOT_CONFIRMED)
    return LinkTo(existing.username)


def check_password_sign_up(existing: DirectoryUser | None) -> None:
    """The reverse case: an email whose account came through a provider signs in through it."""
    if existing is not None and existing.federated_only:
        raise SignUpRefusedError(CONTINUE_WITH_PROVIDER)
