"""PynamoDB models: the tables' one definition.

The local stack creates tables from these models and a test checks that the CloudFormation
in infra/ declares the same keys and indexes. Table names carry a per-stage prefix that is
only known at run time, so ``bind_models`` sets them from settings before first use.
"""

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.models import Model

from chalicelib.settings import Settings


class ProfileModel(Model):
    class Meta:
        table_name = "profiles"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)  # the Cognito sub
    display_name = UnicodeAttribute()
    job_title = UnicodeAttribute(default="")
    bio = UnicodeAttribute(default="")
    organisation_id = UnicodeAttribute()
    grade = UnicodeAttribute()
    location = UnicodeAttribute()
    professions = ListAttribute(of=UnicodeAttribute, default=list)
    skills_offered = ListAttribute(of=UnicodeAttribute, default=list)
    skills_wanted = ListAttribute(of=UnicodeAttribute, default=list)
    interests = ListAttribute(of=UnicodeAttribute, default=list)
    roles = ListAttribute(of=UnicodeAttribute, default=list)
    mentor_capacity = NumberAttribute(default=0)
    accepting_requests = BooleanAttribute(default=False)
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    version = VersionAttribute()


class OrganisationModel(Model):
    class Meta:
        table_name = "organisations"
        billing_mode = "PAY_PER_REQUEST"

    organisation_id = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    kind = UnicodeAttribute()  # department | arms-length body | profession | external
    abbreviation = UnicodeAttribute(default="")
    domains = ListAttribute(of=UnicodeAttribute, default=list)
    active = BooleanAttribute(default=True)


class AccountModel(Model):
    """Standing of an account (absent: active). Holds no personal data, only the id."""

    class Meta:
        table_name = "accounts"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
    state = UnicodeAttribute()  # active | suspended | deleted
    changed_at = UnicodeAttribute()


# Base table name (before the stage prefix) -> model.
MODELS: dict[str, type[Model]] = {
    "profiles": ProfileModel,
    "organisations": OrganisationModel,
    "accounts": AccountModel,
}


def bind_models(settings: Settings) -> None:
    """Point every model at this stage's table names and region."""
    for base_name, model in MODELS.items():
        model.Meta.table_name = settings.table_name(base_name)
        model.Meta.region = settings.region
        model._connection = None  # PynamoDB caches one connection per model class
