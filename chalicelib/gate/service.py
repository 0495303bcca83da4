"""The sign-up gate's two uses: at Cognito sign-up (the PreSignUp trigger) and in the API.

Both apply ``rule.admit``. At sign-up the invitation is a code sent with the sign-up; in the
API it is an invitation the person has redeemed (the emulator never calls triggers, so the API
check is what holds locally, and it backs the trigger up in AWS).
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from chalicelib.accounts.ports import Directory
from chalicelib.errors import TooManyRequestsError
from chalicelib.gate.rule import Admission, SignUpRefusedError, admit, check_placement
from chalicelib.gate.schema import parse_sign_up_check
from chalicelib.invitations.ports import MembershipRepository
from chalicelib.invitations.ratelimit import Caller, sign_up_key
from chalicelib.invitations.service import InvitationStores, guarded_lookup, usable
from chalicelib.limits.domain import Limit
from chalicelib.limits.ports import EventLog
from chalicelib.limits.service import check, record
from chalicelib.organisations.ports import OrganisationRepository

logger = logging.getLogger(__name__)
CHECKS_SLOW_DOWN = ("Too many email addresses that cannot join Mentor Match were checked from your network. "
                    "Wait 15 minutes, then try again.")


@dataclass(frozen=True)
class SignUpCheckStores:
    organisations: OrganisationRepository
    attempts: EventLog
    refusals: Limit  # refused checks one address may make per window


def check_email_before_sign_up(body: object, address: str | None, stores: SignUpCheckStores,
                               now: datetime) -> dict[str, object]:
    """Before an account is made: would this address pass the gate on its own (no invitation)?

    The same rule as the PreSignUp trigger, asked first so a refusal is shown on the create-account
    step (the emulator never calls the trigger, and in AWS a refused sign-up is only an error code).
    Rules: it tells nothing that GET /organisations does not, whether a domain belongs to a member,
    and never whether an address has an account (no account is looked up; every address on a
    member's domain gets the same reply). Like unknown invitation codes, only refusals count
    against the caller's address, with a loose limit (civil servants share a few addresses): an
    address over it gets 429 instead of 403, and an address the gate admits is never refused.
    """
    email = parse_sign_up_check(body).email
    try:
        return {"organisation": admit(email, [], stores.organisations.list_active()).placements[0].view()}
    except SignUpRefusedError:
        if address:
            key = f"sign-up-check:{address}"
            record([key], stores.refusals, stores.attempts, now)
            check([key], stores.refusals, stores.attempts, now)
        raise


def admission_at_sign_up(email: str, code: str, stores: InvitationStores, now: datetime) -> Admission:
    """Sign-up: the email's domain, or a currently valid invitation code (not yet counted as a use).

    The code is checked with the same guessing limits as in the API, the person being the email
    address (Cognito tells a PreSignUp trigger nothing about the caller's address). Someone over
    the limit is admitted only by their email's domain; otherwise they are told to wait.
    """
    organisations = stores.organisations.list_active()
    try:
        found = usable(guarded_lookup(code, Caller(person=sign_up_key(email)), stores, now), now) if code else None
    except TooManyRequestsError as limited:
        try:
            return admit(email, [], organisations)
        except SignUpRefusedError:
            raise SignUpRefusedError(limited.message) from None
    return admit(email, [found[1].id] if found else [], organisations)


@dataclass(frozen=True)
class PersonGate:
    """What the API needs to apply the gate to one signed-in person."""

    user_id: str
    username: str
    directory: Directory
    memberships: MembershipRepository
    organisations: OrganisationRepository

    def admission(self) -> Admission:
        """Where this person may be placed, or SignUpRefusedError."""
        email = self.directory.email_of(self.username)
        return admit(email or "", self.memberships.organisations_of(self.user_id), self.organisations.list_active())

    def check_placement(self, organisation_id: str) -> None:
        """Refuse a profile outside the organisations this person was admitted to (403 or 400)."""
        check_placement(organisation_id, self.admission())
