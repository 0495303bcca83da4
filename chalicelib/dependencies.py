"""Lazily built, cached collaborators for the Lambda handlers (nothing is built at import)."""

from datetime import timedelta
from functools import lru_cache

import boto3

from chalicelib.admin.stats import MentorshipStatsSource
from chalicelib.auth import Principal, TokenVerifier
from chalicelib.gate.service import PersonGate
from chalicelib.invitations.ratelimit import RateLimit
from chalicelib.invitations.service import InvitationStores
from chalicelib.matches.index_cache import IndexCache
from chalicelib.matches.service import MatchStores
from chalicelib.matches.sources import ExclusionSource, match_config
from chalicelib.mentorships.exclusions import MentorshipExclusions
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.notifications.notifier import Notifier
from chalicelib.notifications.senders import EmailSender, sender_for
from chalicelib.persistence.accounts import DynamoAccountRepository
from chalicelib.persistence.attempts import DynamoAttemptLog
from chalicelib.persistence.audit import DynamoAuditLog
from chalicelib.persistence.cognito_directory import CognitoDirectory
from chalicelib.persistence.dynamo_mentorships import DynamoMentorshipRepository
from chalicelib.persistence.invitations import DynamoInvitationRepository, DynamoMembershipRepository
from chalicelib.persistence.matches import DynamoMatchListRepository
from chalicelib.persistence.mentorship_stats import DynamoMentorshipStatsSource
from chalicelib.persistence.messages import DynamoMessageRepository
from chalicelib.persistence.models import bind_models
from chalicelib.persistence.organisation_catalogue import DynamoOrganisationCatalogue
from chalicelib.persistence.organisations import DynamoOrganisationRepository
from chalicelib.persistence.people import CognitoPeopleDirectory
from chalicelib.persistence.people_stats import DynamoPeopleSource
from chalicelib.persistence.personal_data import DynamoOwnedItems
from chalicelib.persistence.profiles import DynamoProfileRepository
from chalicelib.persistence.safety import DynamoBlockRepository, DynamoReportRepository
from chalicelib.persistence.snapshots import S3SnapshotStore
from chalicelib.privacy.deletion import DeletionStores
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


@lru_cache(maxsize=1)
def aws_session() -> boto3.session.Session:
    return boto3.session.Session(region_name=get_settings().region)


@lru_cache(maxsize=1)
def match_list_repository() -> DynamoMatchListRepository:
    _bound()
    return DynamoMatchListRepository()


@lru_cache(maxsize=1)
def snapshot_store() -> S3SnapshotStore:
    settings = get_settings()
    return S3SnapshotStore(aws_session().client("s3"), settings.snapshot_bucket, settings.snapshot_key)


def exclusion_source() -> ExclusionSource:
    return journey_exclusions()


@lru_cache(maxsize=1)
def index_cache() -> IndexCache:
    return IndexCache(snapshot_store(), profile_repository(), exclusion_source(), match_config(get_settings()))


def match_stores() -> MatchStores:
    return MatchStores(
        profiles=profile_repository(), lists=match_list_repository(), accounts=account_repository(),
        organisations=organisation_repository(), source=exclusion_source(), cache=index_cache(),
    )


# ---- invitations, the sign-up gate and administration (issue 5)


@lru_cache(maxsize=1)
def cognito_client():
    return aws_session().client("cognito-idp")


@lru_cache(maxsize=1)
def directory() -> CognitoDirectory:
    return CognitoDirectory(cognito_client(), get_settings().user_pool_id)


@lru_cache(maxsize=1)
def invitation_stores() -> InvitationStores:
    _bound()
    settings = get_settings()
    rule = RateLimit(settings.invitation_failure_limit, timedelta(seconds=settings.invitation_failure_window_seconds))
    return InvitationStores(DynamoInvitationRepository(), DynamoMembershipRepository(), organisation_repository(),
                            DynamoAttemptLog(), rule)


def person_gate(who: Principal) -> PersonGate:
    stores = invitation_stores()
    return PersonGate(who.user_id, who.username, directory(), stores.memberships, stores.organisations,
                      lenient_without_pool=get_settings().stage != "prod")


@lru_cache(maxsize=1)
def organisation_catalogue() -> DynamoOrganisationCatalogue:
    _bound()
    return DynamoOrganisationCatalogue()


@lru_cache(maxsize=1)
def audit_log() -> DynamoAuditLog:
    _bound()
    return DynamoAuditLog()


def suspension_source() -> DynamoAccountRepository:
    """Who is suspended (``suspended_ids()``), for the matching code and the admin pages."""
    return account_repository()


@lru_cache(maxsize=1)
def people_source() -> DynamoPeopleSource:
    _bound()
    return DynamoPeopleSource()


def mentorship_stats_source() -> MentorshipStatsSource:
    return DynamoMentorshipStatsSource(profile_repository(), report_repository())


# ---- the mentorship journey: requests, messages, notifications, blocks, reports, privacy (issue 4)


@lru_cache(maxsize=1)
def mentorship_repository() -> DynamoMentorshipRepository:
    _bound()
    return DynamoMentorshipRepository(get_settings().region)


@lru_cache(maxsize=1)
def message_repository() -> DynamoMessageRepository:
    _bound()
    return DynamoMessageRepository()


@lru_cache(maxsize=1)
def block_repository() -> DynamoBlockRepository:
    _bound()
    return DynamoBlockRepository()


@lru_cache(maxsize=1)
def report_repository() -> DynamoReportRepository:
    _bound()
    return DynamoReportRepository()


@lru_cache(maxsize=1)
def people_directory() -> CognitoPeopleDirectory:
    return CognitoPeopleDirectory(cognito_client(), get_settings().user_pool_id)


@lru_cache(maxsize=1)
def email_sender() -> EmailSender:
    return sender_for(get_settings(), lambda: aws_session().client("ses"))


def journey_stores() -> JourneyStores:
    notifier = Notifier(email_sender(), people_directory(), profile_repository(), get_settings().site_url)
    return JourneyStores(mentorship_repository(), message_repository(), profile_repository(), block_repository(),
                         report_repository(), people_directory(), notifier)


def journey_exclusions() -> MentorshipExclusions:
    """Who is kept apart by the journey (open mentorships, recent declines, blocks): an ExclusionSource."""
    return MentorshipExclusions(mentorship_repository(), block_repository())


def deletion_stores() -> DeletionStores:
    _bound()
    return DeletionStores(journey_stores(), DynamoOwnedItems(), account_repository())


def reset() -> None:
    """Forget every cached collaborator (tests switch stacks and settings)."""
    for value in list(globals().values()):
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()
