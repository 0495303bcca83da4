"""An organisation (department, arm's-length body, profession) and its email domains."""

from dataclasses import dataclass
from typing import Any

KINDS = ("department", "arms-length body", "profession", "external")


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str
    abbreviation: str = ""
    domains: tuple[str, ...] = ()
    active: bool = True

    def public_view(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "abbreviation": self.abbreviation,
            "domains": list(self.domains),
        }

    def admin_view(self) -> dict[str, Any]:
        return {**self.public_view(), "active": self.active}


def from_seed(entry: dict[str, Any]) -> Organisation:
    return Organisation(
        id=entry["id"],
        name=entry["name"],
        kind=entry["kind"],
        abbreviation=entry.get("abbreviation", ""),
        domains=tuple(entry.get("domains", ())),
        active=entry.get("active", True),
    )
