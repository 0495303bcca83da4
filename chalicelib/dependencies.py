"""Lazily built, cached collaborators for the Lambda handlers (nothing is built at import)."""

from functools import lru_cache

from chalicelib.auth import TokenVerifier
from chalicelib.persistence.accounts import DynamoAccountRepository
from chalicelib.persistence.models import bind_models
from chalicelib.persistence.organisations import DynamoOrganisationRepository
from chalicelib.persistence.profiles import DynamoProfileRepository
from chalicelib.settings import get_settings


@lru_cache(maxsize=1)
def _bound() -> None:
    bind_models(get_settings())


@lru_cache(maxsize=1)
def token_verifier() -> TokenVerifier:
    return TokenVerifier(get_settings())


@lru_cache(maxsize=1)
def profile_repository() -> DynamoProfileRepository:
    _bound()
    return DynamoProfileRepository()


@lru_cache(maxsize=1)
def organisation_repository() -> DynamoOrganisationRepository:
    _bound()
    return DynamoOrganisationRepository()


@lru_cache(maxsize=1)
def account_repository() -> DynamoAccountRepository:
    _bound()
    return DynamoAccountRepository()


def reset() -> None:
    """Forget every cached collaborator (tests switch stacks and settings)."""
    for cached in (_bound, token_verifier, profile_repository, organisation_repository, account_repository):
        cached.cache_clear()
