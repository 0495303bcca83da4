"""The sign-up gate: the ONE rule, used by the Cognito PreSignUp trigger and by the API.

Rule: an account may be created, and a profile made, only by someone whose email address is
on an active organisation's domain, or who holds a valid invitation to an active organisation
(at sign-up: a valid code; in the API: an invitation they have redeemed). The person is then
placed in that organisation: their profile's organisation must be the one that owns their
email domain, or one they were invited to.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from chalicelib.errors import ForbiddenError, ValidationError
from chalicelib.organisations.domain import Organisation
from chalicelib.organisations.domains import owner_of

SIGN_UP_REFUSED = (
    "Mentor Match is open to people with a work email address of a member organisation, or with an "
    "invitation. Ask your department for an invitation link."
)


class SignUpRefusedError(ForbiddenError):
    code = "sign_up_not_allowed"


@dataclass(frozen=True)
class Placement:
    organisation_id: str
    name: str
    via: str  # "email" (the address's domain) | "invitation"

    def view(self) -> dict[str, str]:
        return {"id": self.organisation_id, "name": self.name, "via": self.via}


@dataclass(frozen=True)
class Admission:
    placements: tuple[Placement, ...]

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        return tuple(p.organisation_id for p in self.placements)


def admit(email: str, invited_to: Iterable[str], organisations: Iterable[Organisation]) -> Admission:
    """Where this person may be placed, or SignUpRefusedError (the message says what to do)."""
    active = [org for org in organisations if org.active]
    placements: list[Placement] = []
    owner = owner_of(email, active) if email else None
    if owner is not None:
        placements.append(Placement(owner.id, owner.name, "email"))
    wanted = set(invited_to)
    placements.extend(Placement(org.id, org.name, "invitation") for org in active
                      if org.id in wanted and (owner is None or org.id != owner.id))
    if not placements:
        raise SignUpRefusedError(SIGN_UP_REFUSED)
    return Admission(tuple(placements))


def check_placement(organisation_id: str, admission: Admission) -> None:
    """The profile's organisation must be one this person was admitted to."""
    if organisation_id in admission.organisation_ids:
        return
    names = " or ".join(f"{p.name} ({p.organisation_id})" for p in admission.placements)
    raise ValidationError(
        f"Choose the organisation your email address or invitation belongs to: {names}.",
        fields={"organisation_id": f"must be {' or '.join(admission.organisation_ids)}"},
    )
