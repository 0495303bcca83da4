"""Profile storage: one interface, an in-memory and a DynamoDB implementation."""

import threading
from typing import Protocol

from pynamodb.exceptions import PutError

from chalicelib.errors import VersionConflictError
from chalicelib.persistence.models import ProfileModel
from chalicelib.profiles.domain import Profile

LIST_FIELDS = ("professions", "skills_offered", "skills_wanted", "interests", "roles")
SCALAR_FIELDS = (
    "user_id", "display_name", "job_title", "bio", "organisation_id", "grade", "location",
    "mentor_capacity", "accepting_requests", "created_at", "updated_at",
)
STALE_MESSAGE = "Your profile was changed elsewhere since you read it. Reload it and try again."


class ProfileRepository(Protocol):
    def get(self, user_id: str) -> Profile | None: ...

    def save(self, profile: Profile) -> Profile:
        """Store the profile if the stored version is still ``profile.version`` (None: new).

        Returns the stored profile with its new version; raises VersionConflictError otherwise.
        """


class InMemoryProfileRepository:
    def __init__(self):
        self._profiles: dict[str, Profile] = {}
        self._lock = threading.Lock()

    def get(self, user_id: str) -> Profile | None:
        return self._profiles.get(user_id)

    def save(self, profile: Profile) -> Profile:
        with self._lock:
            current = self._profiles.get(profile.user_id)
            if (current.version if current else None) != profile.version:
                raise VersionConflictError(STALE_MESSAGE)
            stored = profile.with_changes(version=(profile.version or 0) + 1)
            self._profiles[profile.user_id] = stored
            return stored


class DynamoProfileRepository:
    def get(self, user_id: str) -> Profile | None:
        try:
            return to_profile(ProfileModel.get(user_id, consistent_read=True))
        except ProfileModel.DoesNotExist:
            return None

    def save(self, profile: Profile) -> Profile:
        item = to_model(profile)
        try:
            item.save()  # VersionAttribute adds "version = expected" (or "not exists") to the put
        except PutError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                raise VersionConflictError(STALE_MESSAGE) from None
            raise
        return to_profile(item)


def to_model(profile: Profile) -> ProfileModel:
    values = {name: getattr(profile, name) for name in SCALAR_FIELDS}
    values.update({name: list(getattr(profile, name)) for name in LIST_FIELDS})
    if profile.version is not None:
        values["version"] = profile.version
    return ProfileModel(**values)


def to_profile(item: ProfileModel) -> Profile:
    values = {name: getattr(item, name) for name in SCALAR_FIELDS}
    values.update({name: tuple(getattr(item, name) or ()) for name in LIST_FIELDS})
    values["mentor_capacity"] = int(item.mentor_capacity)
    return Profile(version=item.version, **values)
