"""Profile use cases. Services take their repositories and the time as arguments."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from chalicelib.errors import NotFoundError, ValidationError, VersionConflictError
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.ports import ProfileRepository
from chalicelib.profiles.schema import parse_profile_input


def get_my_profile(user_id: str, profiles: ProfileRepository) -> Profile:
    profile = profiles.get(user_id)
    if profile is None:
        raise NotFoundError("You have not created a profile yet.")
    return profile


def get_profile(user_id: str, profiles: ProfileRepository,
                contact: Callable[[], str | None] = lambda: None,
                is_active: Callable[[str], bool] = lambda user_id: True) -> dict[str, Any]:
    """Another person's profile as other signed-in people see it.

    Rules: no email, unless ``contact`` gives one (the viewer and this person have an accepted
    mentorship; see mentorships.views.contact_email). A suspended or deleted person has no
    profile to anyone else (404), exactly as someone who never made one.
    """
    profile = profiles.get(user_id)
    if profile is None or not is_active(user_id):
        raise NotFoundError("There is no profile with that id.")
    view = profile.public_view()
    email = contact()
    if email:
        view["email"] = email
    return view


def save_my_profile(
    user_id: str,
    body: object,
    profiles: ProfileRepository,
    organisations: OrganisationRepository,
    now: datetime,
    admit: Callable[[str], None] | None = None,
) -> Profile:
    """Create or replace my profile.

    Rule: the client sends back the ``version`` it read; if the stored profile has moved on
    (or exists when the client thinks it is creating one) nothing is written and the
    caller gets a version conflict. ``admit`` (the sign-up gate) is asked about the
    organisation when the profile is first created or moves to another organisation; it raises
    to refuse.
    """
    data = parse_profile_input(body)
    organisation = organisations.get(data.organisation_id)
    if organisation is None or not organisation.active:
        raise ValidationError(
            "Choose your organisation from the list.",
            fields={"organisation_id": "is not a known organisation (see /organisations)"},
        )
    current = profiles.get(user_id)
    if current is not None and data.version is None:
        raise VersionConflictError("You already have a profile: send the version you read to replace it.")
    if admit is not None and (current is None or current.organisation_id != data.organisation_id):
        admit(data.organisation_id)
    stamp = now.isoformat(timespec="seconds")
    values = data.model_dump(exclude={"version"})
    for name in ("professions", "skills_offered", "skills_wanted", "interests", "roles"):
        values[name] = tuple(values[name])
    values["grade"] = data.grade.value
    profile = Profile(
        user_id=user_id,
        version=data.version,
        created_at=current.created_at if current else stamp,
        updated_at=stamp,
        **values,
    )
    return profiles.save(profile)
