"""The composition root: every service, built once per Lambda container from ``Settings``.

``Adapters`` is the outside world, one adapter per aggregate; ``assemble`` wires the features'
services over any set of adapters (the AWS ones here, in-memory ones in the tests); ``services()``
is the container's one copy, made on first use (settings are read lazily: Chalice applies a
stage's environment only while a call runs). Routes, schedules, triggers, the admin CLI and the
local stack all take their services from here.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

import boto3

from chalicelib.accounts.admins import AdminMembership
from chalicelib.accounts.mfa import AdminMfaCheck
from chalicelib.accounts.ports import AccountRepository, Directory
from chalicelib.adapters.cognito import CognitoDirectory, CognitoSignIn
from chalicelib.adapters.cognito_links import CognitoUserPools
from chalicelib.adapters.dynamo.accounts import DynamoAccountRepository
from chalicelib.adapters.dynamo.attempts import DynamoAttemptLog
from chalicelib.adapters.dynamo.audit import DynamoAuditLog
from chalicelib.adapters.dynamo.blocks import DynamoBlockRepository
from chalicelib.adapters.dynamo.invitations import DynamoInvitationRepository, DynamoMembershipRepository
from chalicelib.adapters.dynamo.match_lists import DynamoMatchListRepository
from chalicelib.adapters.dynamo.mentorships import DynamoMentorshipRepository
from chalicelib.adapters.dynamo.messages import DynamoMessageRepository
from chalicelib.adapters.dynamo.organisations import DynamoOrganisationRepository
from chalicelib.adapters.dynamo.personal_data import DynamoOwnedItems
from chalicelib.adapters.dynamo.profiles import DynamoProfileRepository
from chalicelib.adapters.dynamo.reports import DynamoReportRepository
from chalicelib.adapters.dynamo.search import DynamoMentorSearchIndex, DynamoNameIndex
from chalicelib.adapters.dynamo.tables import bind_tables
from chalicelib.adapters.dynamo.usage import DynamoMentorshipStatsSource, DynamoPeopleSource
from chalicelib.adapters.email import sender_for
from chalicelib.adapters.hosted_ui import HostedUiTokens
from chalicelib.adapters.s3_snapshots import S3SnapshotStore
from chalicelib.adapters.step_functions import StepFunctionsRecomputeStarter
from chalicelib.audit.ports import AuditLog
from chalicelib.auth import TokenVerifier
from chalicelib.federation.ports import UserPools
from chalicelib.federation.service import FederatedGate, LinkingStores
from chalicelib.gate.service import CHECKS_SLOW_DOWN, PersonGate, SignUpCheckStores
from chalicelib.invitations.ports import InvitationRepository, MembershipRepository
from chalicelib.invitations.ratelimit import SLOW_DOWN, CodeGuard
from chalicelib.invitations.service import InvitationStores
from chalicelib.limits.domain import Limit
from chalicelib.limits.ports import EventLog
from chalicelib.limits.service import ActionLimits
from chalicelib.match_lists.index_cache import IndexCache
from chalicelib.match_lists.ports import MatchListRepository, ShardedRunStarter, SnapshotStore
from chalicelib.match_lists.recompute import RecomputeStores, ShardPlan
from chalicelib.match_lists.service import MatchStores
from chalicelib.matching import MatchConfig
from chalicelib.mentor_search.ports import MentorSearchIndex
from chalicelib.mentor_search.service import IndexFacts, SearchStores, keep_listed
from chalicelib.mentorships.exclusions import MentorshipExclusions
from chalicelib.mentorships.ports import (
    BlockRepository,
    MentorshipRepository,
    MessageRepository,
    ReportRepository,
)
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.moderation.service import ModerationStores
from chalicelib.notifications.notifier import Notifier
from chalicelib.notifications.ports import EmailSender
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.privacy.deletion import DeletionStores
from chalicelib.privacy.ports import OwnedItems
from chalicelib.privacy.requests import RequestStores
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.names import name_keys
from chalicelib.profiles.ports import NameIndex, ProfileRepository
from chalicelib.sessions.ports import SignInProvider
from chalicelib.settings import Settings, get_settings
from chalicelib.triggers import SignUpStores
from chalicelib.usage.ports import MentorshipStatsSource, PeopleSource

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_ses import SESClient
    from mypy_boto3_stepfunctions import SFNClient


@dataclass(frozen=True)
class Adapters:
    """The outside world behind the features' ports."""

    profiles: ProfileRepository
    organisations: OrganisationRepository
    accounts: AccountRepository
    directory: Directory
    audit: AuditLog
    invitations: InvitationRepository
    memberships: MembershipRepository
    attempts: EventLog
    mentorships: MentorshipRepository
    messages: MessageRepository
    blocks: BlockRepository
    reports: ReportRepository
    match_lists: MatchListRepository
    snapshots: SnapshotStore
    owned_items: OwnedItems
    people_figures: PeopleSource
    request_figures: MentorshipStatsSource
    email: EmailSender
    sign_in: SignInProvider
    user_pools: UserPools
    mentor_search: MentorSearchIndex
    names: NameIndex
    recompute_starter: ShardedRunStarter | None = None  # None (local): the schedule never shards


@dataclass(frozen=True, eq=False)
class Services:
    """What the entry points call: the features' stores wired over one set of adapters."""

    settings: Settings
    adapters: Adapters

    @cached_property
    def tokens(self) -> TokenVerifier:
        return TokenVerifier(self.settings)

    @cached_property
    def admins(self) -> AdminMembership:
        return AdminMembership(self.adapters.directory, self.settings.admin_check_seconds)

    @cached_property
    def match_config(self) -> MatchConfig:
        s = self.settings
        return MatchConfig(skills_weight=s.skills_weight, interests_weight=s.interests_weight,
                           professions_weight=s.professions_weight, k=s.match_k)

    @cached_property
    def exclusions(self) -> MentorshipExclusions:
        """Who is kept apart by the journey: the match lists' ``ExclusionSource``."""
        return MentorshipExclusions(self.adapters.mentorships, self.adapters.blocks)

    @cached_property
    def index_cache(self) -> IndexCache:
        return IndexCache(self.adapters.snapshots, self.adapters.profiles, self.exclusions, self.match_config)

    @cached_property
    def matches(self) -> MatchStores:
        a = self.adapters
        return MatchStores(profiles=a.profiles, lists=a.match_lists, accounts=a.accounts, organisations=a.organisations,
                           source=self.exclusions, cache=self.index_cache, facts=IndexFacts(a.mentor_search))

    @cached_property
    def search(self) -> SearchStores:
        a = self.adapters
        return SearchStores(a.mentor_search, a.profiles, a.accounts, a.organisations, self.exclusions)

    @cached_property
    def recompute(self) -> RecomputeStores:
        a, s = self.adapters, self.settings
        plan = ShardPlan(s.recompute_shard_from, s.recompute_people_per_shard, s.recompute_shards,
                         s.recompute_sharded_every_hours)
        return RecomputeStores(a.profiles, self.exclusions, a.match_lists, a.snapshots, self.match_config, plan,
                               a.recompute_starter)

    @cached_property
    def journey(self) -> JourneyStores:
        a = self.adapters
        notifier = Notifier(a.email, a.directory, a.profiles, self.settings.site_url)
        return JourneyStores(a.mentorships, a.messages, a.profiles, a.blocks, a.reports, a.directory, notifier,
                             a.accounts, self.action_limits)

    @cached_property
    def invitations(self) -> InvitationStores:
        a, s = self.adapters, self.settings
        window = timedelta(seconds=s.invitation_failure_window_seconds)
        guard = CodeGuard(Limit(s.invitation_failure_limit, window, SLOW_DOWN),
                          Limit(s.invitation_address_limit, window, SLOW_DOWN))
        return InvitationStores(a.invitations, a.memberships, a.organisations, a.attempts, guard)

    @cached_property
    def sign_up_checks(self) -> SignUpCheckStores:
        a, s = self.adapters, self.settings
        window = timedelta(seconds=s.invitation_failure_window_seconds)
        return SignUpCheckStores(a.organisations, a.attempts,
                                 Limit(s.sign_up_check_address_limit, window, CHECKS_SLOW_DOWN))

    @cached_property
    def moderation(self) -> ModerationStores:
        a = self.adapters
        return ModerationStores(a.profiles, a.names, a.directory, a.accounts, a.reports, a.organisations)

    @cached_property
    def deletion(self) -> DeletionStores:
        return DeletionStores(self.journey, self.adapters.owned_items, self.adapters.accounts)

    @cached_property
    def federated_gate(self) -> FederatedGate:
        """The sign-up gate for someone LinkedIn has just opened an account for (at the code exchange)."""
        return FederatedGate(self.adapters.directory, self.adapters.profiles, self.invitations)

    def sign_up(self, pool_id: str) -> SignUpStores:
        """What the PreSignUp trigger needs, for the pool its event names."""
        pools = self.adapters.user_pools
        linking = LinkingStores(pools.directory(pool_id), self.adapters.accounts, pools.linker(pool_id),
                                self.settings.identity_providers)
        return SignUpStores(self.invitations, linking)

    def index_profile(self, profile: Profile) -> None:
        """After a save: the indexes that find people (mentors by skill and more; anyone by name) follow it."""
        keep_listed(profile, self.adapters.mentor_search)
        self.adapters.names.replace(profile.user_id, name_keys(profile))

    @cached_property
    def admin_mfa(self) -> AdminMfaCheck:
        return AdminMfaCheck(self.adapters.directory, self.settings.admin_mfa_cache_seconds)

    @cached_property
    def data_requests(self) -> RequestStores:
        return RequestStores(self.deletion, self.adapters.audit, self.adapters.organisations)

    @cached_property
    def action_limits(self) -> ActionLimits:
        return ActionLimits(self.adapters.attempts)

    def person_gate(self, user_id: str, username: str) -> PersonGate:
        """The sign-up gate for one signed-in person."""
        a = self.adapters
        return PersonGate(user_id, username, a.directory, a.memberships, a.organisations)


# The services aws_adapters reaches through boto3 clients (DynamoDB goes through PynamoDB's one
# connection instead, tables.connection); the local stack makes their clients before it forks.
AwsService = Literal["cognito-idp", "s3", "ses", "stepfunctions"]
AWS_SERVICES: tuple[AwsService, ...] = get_args(AwsService)


class LazyClient:
    """A boto3 client made on first use: a cold start pays only for the clients its call needs."""

    def __init__(self, settings: Settings, service: AwsService):
        self._settings, self._service = settings, service
        self._client: Any = None  # Any: whichever client ``service`` names; every attribute is forwarded

    def __getattr__(self, name: str) -> Any:
        if self._client is None:
            self._client = aws_client(self._settings.region, self._settings.aws_endpoint_url, self._service)
        return getattr(self._client, name)


@cache
def aws_session(region: str) -> boto3.session.Session:
    """The process's one boto3 session for a region. A new session reads the service descriptions
    again for each client it makes (large JSON files: about 0.4 s of CPU for DynamoDB's, S3's and
    Cognito's together), so the process's clients (aws_client) and the CLI's are made from this one."""
    return boto3.session.Session(region_name=region)


@cache
def aws_client(region: str, endpoint_url: str, service: AwsService) -> Any:
    """The process's one client for a service, as DynamoDB has one connection (tables.connection):
    even from a session that has read the descriptions, a client costs 10-25 ms of CPU to make,
    which services built again after reset() (each integration test, each CLI command) paid for
    every client. Keyed by the endpoint (settings.aws_endpoint_url, which botocore reads from
    AWS_ENDPOINT_URL as it makes the client), so a process that moves to another emulator gets new
    clients. botocore's clients are safe to share between threads."""
    return aws_session(region).client(service)


def aws_adapters(settings: Settings) -> Adapters:
    """DynamoDB, Cognito, S3 and SES (or GOV.UK Notify), as the settings name them."""
    bind_tables(settings)
    clients = {service: LazyClient(settings, service) for service in AWS_SERVICES}
    profiles, reports = DynamoProfileRepository(), DynamoReportRepository()
    search, names = DynamoMentorSearchIndex(), DynamoNameIndex()
    # The casts: a LazyClient forwards every attribute to the client it makes, so it stands in for it.
    cognito = cast("CognitoIdentityProviderClient", clients["cognito-idp"])
    return Adapters(
        profiles=profiles, organisations=DynamoOrganisationRepository(), accounts=DynamoAccountRepository(),
        directory=CognitoDirectory(cognito, settings.user_pool_id),
        audit=DynamoAuditLog(), invitations=DynamoInvitationRepository(),
        memberships=DynamoMembershipRepository(), attempts=DynamoAttemptLog(),
        mentorships=DynamoMentorshipRepository(), messages=DynamoMessageRepository(),
        blocks=DynamoBlockRepository(), reports=reports, match_lists=DynamoMatchListRepository(),
        snapshots=S3SnapshotStore(cast("S3Client", clients["s3"]), settings.snapshot_bucket,
                                  settings.snapshot_key),
        owned_items=DynamoOwnedItems(others={"search-mentors": search.forget, "search-names": names.forget}),
        people_figures=DynamoPeopleSource(),
        request_figures=DynamoMentorshipStatsSource(profiles, reports),
        email=sender_for(settings, lambda: cast("SESClient", clients["ses"])),
        sign_in=CognitoSignIn(cognito, settings.user_pool_client_id, settings.user_pool_id,
                              HostedUiTokens(settings.hosted_ui_url, settings.user_pool_client_id)
                              if settings.hosted_ui_url else None),
        user_pools=CognitoUserPools(cognito),
        mentor_search=search, names=names,
        recompute_starter=_recompute_starter(settings, cast("SFNClient", clients["stepfunctions"])),
    )


def _recompute_starter(settings: Settings, client: "SFNClient") -> StepFunctionsRecomputeStarter | None:
    arn = settings.recompute_state_machine_arn
    return StepFunctionsRecomputeStarter(client, arn) if arn else None


def assemble(settings: Settings, adapters: Adapters) -> Services:
    return Services(settings, adapters)


def build(settings: Settings) -> Services:
    """The services over AWS, as the settings name it."""
    return assemble(settings, aws_adapters(settings))


_current: Services | None = None


def services() -> Services:
    """This container's services, built on first use from the environment's settings."""
    global _current
    if _current is None:
        _current = build(get_settings())
    return _current


def use(chosen: Services | None) -> None:
    """Serve these services from now on (the tests' in-memory build); None: build afresh on next use."""
    global _current
    _current = chosen


def reset() -> None:
    """Forget the built services (tests, the CLI and the local stack change the environment)."""
    use(None)
