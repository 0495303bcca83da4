"""Profiles in DynamoDB (``profiles.ports.ProfileRepository``); the version check is DynamoDB's own."""

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from pynamodb.exceptions import PutError

from chalicelib.adapters.dynamo.tables import ProfileModel, read_item
from chalicelib.adapters.dynamo.transact import refused
from chalicelib.errors import VersionConflictError
from chalicelib.profiles.domain import STALE_PROFILE, Profile

LIST_FIELDS = ("professions", "skills_offered", "skills_wanted", "interests", "roles")
SCALAR_FIELDS = (
    "user_id", "display_name", "job_title", "bio", "organisation_id", "grade", "location",
    "mentor_capacity", "accepting_requests", "created_at", "updated_at",
)
MAX_OVERLAY_DAYS = 3  # the recompute runs hourly; older changes are in the snapshot


class DynamoProfileRepository:
    def get(self, user_id: str) -> Profile | None:
        item = read_item(ProfileModel, user_id)
        return to_profile(item) if item else None

    def get_many(self, user_ids: Iterable[str]) -> dict[str, Profile]:
        wanted = list(dict.fromkeys(user_ids))
        return {item.user_id: to_profile(item) for item in ProfileModel.batch_get(wanted)} if wanted else {}

    def changed_since(self, since: str, now: datetime) -> list[Profile]:
        first = datetime.fromisoformat(since).date() if since else now.date()
        days = [first + timedelta(days=n) for n in range((now.date() - first).days + 1)]
        changed: list[Profile] = []
        for day in days[-MAX_OVERLAY_DAYS:]:
            after = ProfileModel.updated_at >= since if since else None
            query = ProfileModel.by_updated_day.query(day.isoformat(), after)
            changed.extend(to_profile(item) for item in query)
        return changed

    def scan_all(self, segments: int = 4) -> Iterator[Profile]:
        with ThreadPoolExecutor(max_workers=segments) as pool:
            parts = pool.map(lambda n: [to_profile(i) for i in ProfileModel.scan(segment=n, total_segments=segments)],
                             range(segments))
            for part in parts:
                yield from part

    def delete(self, user_id: str) -> None:
        ProfileModel(user_id=user_id).delete(add_version_condition=False)

    def save(self, profile: Profile) -> Profile:
        item = to_model(profile)
        try:
            item.save()  # VersionAttribute adds "version = expected" (or "not exists") to the put
        except PutError as error:
            if refused(error):
                raise VersionConflictError(STALE_PROFILE) from None
            raise
        return to_profile(item)


def to_model(profile: Profile) -> ProfileModel:
    values = {name: getattr(profile, name) for name in SCALAR_FIELDS}
    values.update({name: list(getattr(profile, name)) for name in LIST_FIELDS})
    if profile.version is not None:
        values["version"] = profile.version
    return ProfileModel(updated_day=profile.updated_at[:10], **values)


def to_profile(item: ProfileModel) -> Profile:
    values = {name: getattr(item, name) for name in SCALAR_FIELDS}
    values.update({name: tuple(getattr(item, name) or ()) for name in LIST_FIELDS})
    values["mentor_capacity"] = int(item.mentor_capacity)
    return Profile(version=item.version, **values)
