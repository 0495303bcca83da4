"""Email domains: what an organisation may claim, and which organisation owns an address.

Rules:
- A domain is stored lower-case, without a trailing dot; ``*.`` in front means "any
  sub-domain of" (``*.mod.uk`` covers ``army.mod.uk``, not ``mod.uk`` itself).
- An organisation may not claim a public suffix (``uk``, ``co.uk``, ``gov.uk``...) nor a
  domain shared across the public sector (``gov.uk``, ``gov.scot``, ``nhs.uk``, ``police.uk``...)
  nor any sub-domain wildcard over one of those: ``*.gov.uk`` includes every local council, so
  it proves nothing about being a civil servant.
- An address belongs to the one active organisation that claims its domain exactly, or else
  to the one whose longest wildcard covers it.
"""

import re
from collections.abc import Iterable

from chalicelib.organisations.domain import Organisation

# Public suffixes under which UK organisations register (from the Public Suffix List), plus
# generic ones, and public-sector domains shared by many bodies (the ukps-domains reference data
# marks these as public_sector_wildcard, devolved_wildcard, nhs and police).
PUBLIC_SUFFIXES = frozenset({
    "uk", "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "sch.uk", "gov.uk",
    "nhs.uk", "police.uk", "com", "org", "net", "gov", "scot", "wales", "cymru", "eu", "int",
    "gg", "je", "im", "co.im", "org.im",
})
SHARED_PUBLIC_SECTOR = frozenset({
    "gov.uk", "gov.scot", "gov.wales", "llyw.cymru", "nhs.uk", "nhs.net", "nhs.scot", "hscni.net",
    "police.uk", "police.je", "pnn.police.uk", "independent-inquiry.uk", "public-inquiry.uk",
    "parliament.uk", "gcsx.gov.uk", "gsi.gov.uk", "gse.gov.uk", "gsx.gov.uk",
})
LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
DOMAIN_PATTERN = re.compile(rf"^(\*\.)?{LABEL}(\.{LABEL})*$")


class DomainRefusedError(ValueError):
    """A domain no organisation may claim (the message says why)."""


def normalise_domain(raw: str) -> str:
    return raw.strip().lower().rstrip(".").removeprefix("@")


def check_organisation_domain(raw: str) -> str:
    """The normalised domain, or DomainRefusedError when an organisation may not claim it."""
    domain = normalise_domain(raw)
    if not DOMAIN_PATTERN.match(domain):
        raise DomainRefusedError(f"'{raw}' is not an email domain such as 'dwp.gov.uk' or '*.mod.uk'")
    base = domain.removeprefix("*.")
    if base in SHARED_PUBLIC_SECTOR:
        raise DomainRefusedError(f"'{domain}' is shared across the public sector (local government included)")
    if base in PUBLIC_SUFFIXES or "." not in base:
        raise DomainRefusedError(f"'{domain}' is a public suffix, shared by many organisations")
    return domain


def email_domain(email: str) -> str:
    """The domain of an address, lower-case ('' when it has none)."""
    _, at, domain = email.strip().rpartition("@")
    return normalise_domain(domain) if at else ""


def covers(pattern: str, domain: str) -> bool:
    if pattern.startswith("*."):
        return domain.endswith(pattern[1:])
    return domain == pattern


def owner_of(email: str, organisations: Iterable[Organisation]) -> Organisation | None:
    """The active organisation an address belongs to: exact domain first, then the longest wildcard."""
    domain = email_domain(email)
    if not domain:
        return None
    best: tuple[int, Organisation] | None = None
    for organisation in organisations:
        if not organisation.active:
            continue
        for pattern in organisation.domains:
            if not covers(pattern, domain):
                continue
            rank = 1000 if pattern == domain else len(pattern)
            if best is None or rank > best[0]:
                best = (rank, organisation)
    return best[1] if best else None
