"""The profile as the domain knows it: plain data, no I/O."""

from dataclasses import dataclass, replace
from typing import Any

from chalicelib.matching.scoring import mentor_unavailability

ROLES = ("mentee", "mentor")
STALE_PROFILE = "Your profile was changed elsewhere since you read it. Reload it and try again."


@dataclass(frozen=True)
class Profile:
    user_id: str
    display_name: str
    job_title: str
    bio: str
    organisation_id: str
    grade: str
    location: str
    professions: tuple[str, ...] = ()
    skills_offered: tuple[str, ...] = ()
    skills_wanted: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentor_capacity: int = 0
    accepting_requests: bool = False
    version: int | None = None
    created_at: str = ""
    updated_at: str = ""

    def with_changes(self, **changes: Any) -> "Profile":
        return replace(self, **changes)

    def mentoring_unavailability(self, active_mentees: int) -> str | None:
        """None when this person can be asked to mentor now, else why not (see matching.scoring)."""
        return mentor_unavailability(self.roles, self.accepting_requests, active_mentees, self.mentor_capacity)

    def public_view(self) -> dict[str, Any]:
        """What other signed-in people see: no email, no private data."""
        view = self.owner_view()
        view.pop("version")
        return view

    def owner_view(self) -> dict[str, Any]:
        return {
            "user_id": self.user_id,
            "display_name": self.display_name,
            "job_title": self.job_title,
            "bio": self.bio,
            "organisation_id": self.organisation_id,
            "grade": self.grade,
            "location": self.location,
            "professions": list(self.professions),
            "skills_offered": list(self.skills_offered),
            "skills_wanted": list(self.skills_wanted),
            "interests": list(self.interests),
            "roles": list(self.roles),
            "mentor_capacity": self.mentor_capacity,
            "accepting_requests": self.accepting_requests,
            "version": self.version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
