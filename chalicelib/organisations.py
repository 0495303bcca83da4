"""Organisations (departments, arm's-length bodies, professions) and their email domains."""

from dataclasses import dataclass

KINDS = ("department", "arms-length body", "profession", "external")


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str
    abbreviation: str = ""
    domains: tuple[str, ...] = ()
    active: bool = True

    def public_view(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "abbreviation": self.abbreviation,
            "domains": list(self.domains),
        }

    def owns_email_domain(self, email_domain: str) -> bool:
        """True when the domain is one of ours: exact, or under a ``*.`` pattern of ours."""
        domain = email_domain.casefold()
        for pattern in self.domains:
            if pattern.startswith("*.") and domain.endswith(pattern[1:]):
                return True
            if domain == pattern:
                return True
        return False


def from_seed(entry: dict) -> Organisation:
    return Organisation(
        id=entry["id"],
        name=entry["name"],
        kind=entry["kind"],
        abbreviation=entry.get("abbreviation", ""),
        domains=tuple(entry.get("domains", ())),
        active=entry.get("active", True),
    )
