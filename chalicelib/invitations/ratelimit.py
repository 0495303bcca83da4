"""Slowing down invitation-code guessing without locking out a department.

Rules:
- Only unknown codes are guesses. A code that exists but is used up, expired or revoked is a
  colleague following an old link: it gets the same 404, and counts against no one.
- Per person (a signed-in person, or at sign-up the email address): after ``person.count``
  unknown codes within the window, every further code gets 429 until the oldest leaves the window.
- Per address: a much looser limit (civil servants reach us through a few shared addresses), and
  it never blocks a valid code: the code is looked up first, and only an unknown code from an
  address over its limit gets 429 instead of 404. IPv6 addresses count by their /64 network.
- Failures are kept with a time to live (``limits.ports.EventLog``).
"""

import hashlib
import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

from chalicelib.limits.domain import Limit
from chalicelib.limits.ports import EventLog
from chalicelib.limits.service import check, record

SLOW_DOWN = "Too many invitation links that are not valid were tried. Wait 15 minutes, then try again."
WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Caller:
    """Who is trying a code: a person's key and an address's key (either may be unknown)."""

    person: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class CodeGuard:
    person: Limit = Limit(10, WINDOW, SLOW_DOWN)
    address: Limit = Limit(200, WINDOW, SLOW_DOWN)

    def before_lookup(self, caller: Caller, log: EventLog, now: datetime) -> None:
        """A person who has guessed too often is refused before any lookup."""
        if caller.person:
            check([caller.person], self.person, log, now)

    def after_unknown_code(self, caller: Caller, log: EventLog, now: datetime) -> None:
        """Count the guess; an address over its (loose) limit then gets 429 instead of 404."""
        if caller.person:
            record([caller.person], self.person, log, now)
        if caller.address:
            record([caller.address], self.address, log, now)
            check([caller.address], self.address, log, now)


def address_key(address: str | None) -> str | None:
    """``ip:<address>``, IPv6 by its /64 network (one household or office line has a whole /64)."""
    if not address:
        return None
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    if parsed.version == 6:
        return f"ip:{ipaddress.ip_network(f'{parsed}/64', strict=False)}"
    return f"ip:{parsed}"


def person_key(user_id: str | None) -> str | None:
    return f"user:{user_id}" if user_id else None


def sign_up_key(email: str) -> str | None:
    """At sign-up the person is their email address (hashed: the key is not personal data in a log)."""
    normalised = email.strip().lower()
    return f"signup:{hashlib.sha256(normalised.encode()).hexdigest()}" if normalised else None


def caller(user_id: str | None, address: str | None) -> Caller:
    return Caller(person_key(user_id), address_key(address))
