"""One person, one account, in the two places it is decided.

- ``federated_sign_up``: Cognito's PreSignUp_ExternalProvider trigger (in AWS), or the local
  stand-in's account step (``infra/local/federation.py``): link to the existing account, or let
  Cognito open a new one, or refuse.
- ``admit_federated_person``: ``POST /session/oauth``, when the site exchanges the code. A person
  whose account came through a provider and who has no profile yet passes the sign-up gate here,
  with the invitation the site carried through the authorisation request's state (Cognito shows
  its triggers no state). Refused, the account Cognito opened for them is deleted at once, so no
  account is kept.
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from chalicelib.accounts.ports import AccountRepository, Directory
from chalicelib.federation.domain import LinkTo, decide, external_identity
from chalicelib.federation.ports import IdentityLinker
from chalicelib.gate.rule import SignUpRefusedError, admit
from chalicelib.invitations.ratelimit import Caller
from chalicelib.invitations.service import InvitationStores, guarded_lookup, redeem_invitation, usable
from chalicelib.profiles.ports import ProfileRepository

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkingStores:
    directory: Directory
    accounts: AccountRepository
    linker: IdentityLinker
    providers: tuple[str, ...]


def federated_sign_up(username: str, attributes: Mapping[str, object], stores: LinkingStores) -> bool:
    """True when the identity was linked to an existing account, False when a new one may open.

    SignUpRefusedError when neither may happen. Opening a new account is only provisional here:
    the sign-up gate decides when the code is exchanged (``admit_federated_person``).
    """
    identity = external_identity(username, attributes, stores.providers)
    existing = stores.directory.find_by_email(identity.email)
    standing = stores.accounts.get(existing.user_id) if existing else None
    decision = decide(identity, existing, standing)
    if isinstance(decision, LinkTo):
        stores.linker.link(decision.username, identity.provider, identity.subject)
        logger.info("linked a %s identity to the existing account %s", identity.provider, existing and existing.user_id)
        return True
    return False


@dataclass(frozen=True)
class FederatedGate:
    directory: Directory
    profiles: ProfileRepository
    invitations: InvitationStores


def admit_federated_person(user_id: str, username: str, code: str, client: Caller, gate: FederatedGate,
                           now: datetime) -> None:
    """Apply the sign-up gate to a person whose account an identity provider opened (SignUpRefusedError)."""
    person = gate.directory.find(username)
    if person is None or not person.federated_only or gate.profiles.get(user_id) is not None:
        return  # a password account (linked or not) passed the gate at its sign-up; a profile, when it was made
    stores = gate.invitations
    invited = list(stores.memberships.organisations_of(user_id))
    found = usable(guarded_lookup(code, client, stores, now), now) if code else None  # an unknown code is a guess
    try:
        admit(person.email, [*invited, *([found[1].id] if found else [])], stores.organisations.list_active())
    except SignUpRefusedError:
        gate.directory.delete_user(person.username)
        logger.info("federated sign-up refused by the gate; account %s deleted", user_id)
        raise
    if found is not None:
        redeem_invitation(code, user_id, client, stores, now)
