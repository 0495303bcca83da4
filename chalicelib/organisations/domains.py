"""Email domains: what an organisation may claim, and which organisation owns an address.

Rules:
- A domain is stored lower-case, without a trailing dot; ``*.`` in front means "any
  sub-domain of" (``*.mod.uk`` covers ``army.mod.uk``, not ``mod.uk`` itself).
- An organisation may not claim a public suffix (anything on the Public Suffix List, as the
  maintained ``publicsuffixlist`` package bundles it: ``uk``, ``co.uk``, ``gov.uk``, ``github.io``...),
  nor a domain shared across the public sector (``gov.scot``, ``nhs.net``, ``police.uk``...), nor a
  consumer email service (``gmail.com``, ``outlook.com``...; the short reviewed list below), nor any
  sub-domain of or wildcard over one of those: ``*.gov.uk`` includes every local council and
  ``gmail.com`` anyone at all, so neither proves anything about being a civil servant.
- An address belongs to the one active organisation that claims its domain exactly, or else
  to the one whose longest wildcard covers it.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from publicsuffixlist import PublicSuffixList

from chalicelib.organisations.domain import Organisation

# Consumer email services: anyone can have an address there. Reviewed list of the services UK
# residents use most (and their regional variants); a domain under one of these is refused too.
WEBMAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "outlook.co.uk", "hotmail.com", "hotmail.co.uk",
    "live.com", "live.co.uk", "msn.com", "windowslive.com", "yahoo.com", "yahoo.co.uk", "ymail.com",
    "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aol.co.uk", "aim.com",
    "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "gmx.com", "gmx.co.uk", "gmx.net",
    "mail.com", "zoho.com", "zohomail.eu", "yandex.com", "fastmail.com", "fastmail.fm", "hey.com",
    "tutanota.com", "tuta.io", "btinternet.com", "btopenworld.com", "sky.com", "virginmedia.com",
    "ntlworld.com", "blueyonder.co.uk", "talktalk.net", "tiscali.co.uk", "plus.net", "mail.ru",
})
# Public-sector domains shared by many bodies (the ukps-domains reference data marks these as
# public_sector_wildcard, devolved_wildcard, nhs and police); some are not public suffixes.
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
    if "." not in base or _suffixes().is_public(base):
        raise DomainRefusedError(f"'{domain}' is a public suffix, shared by many organisations")
    if any(base == webmail or base.endswith(f".{webmail}") for webmail in WEBMAIL):
        raise DomainRefusedError(f"'{domain}' is a personal email service: anyone can have an address there")
    return domain


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    """The Public Suffix List as the package bundles it (no network at run time)."""
    return PublicSuffixList()


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
