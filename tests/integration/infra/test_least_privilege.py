"""Each Lambda's role in the packaged template: enough for what the function really does, and no more.

Two checks per function, both on `chalice package --stage prod --merge-template` output:
- enough: the function's own journey runs against moto while every AWS call is recorded; each
  call, as the (IAM action, resource) pair production would check, must be allowed by its role;
- no more: what the role grants must equal the reviewed table ``GRANTS`` below, so any widening
  (a new action, table, index, bucket or identity) fails here until it is reviewed and written down.
And for every role: no wildcard actions, no "*" resource, no managed policies, only Lambda may
assume it (the recompute state machine's: only Step Functions, and its "journey" is a real run of
the packaged definition on moto's interpreter), and it writes only its own log group.
"""

import io
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import boto3
import pytest
from botocore.client import BaseClient
from chalice.test import Client
from moto.core.config import default_user_config
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl

from app import app
from chalicelib import bootstrap
from chalicelib.adapters.cognito import CognitoSignIn
from chalicelib.bootstrap import services
from chalicelib.invitations import service as invitation_service
from chalicelib.match_lists.recompute import run_recompute
from chalicelib.mentorships import service as mentorship_service
from chalicelib.settings import reset_settings
from infra.local.resources import client_arguments
from tests.integration.infra.aws_calls import (
    AwsCallRecorder,
    Call,
    ProdNames,
    Resolver,
    RolePolicy,
    iam_requests,
)
from tests.integration.journey import Journey, Member

PARAMETERS = {
    "SiteUrl": "https://mentor-match.example.gov.uk", "EmailSenderIdentity": "mentor-match.example.gov.uk",
    "EmailFrom": "no-reply@mentor-match.example.gov.uk", "RecomputeImageUri": "image", "SiteCertificateArn": "",
    "OriginVerifySecret": "secret", "WebAclArn": "", "ThreatProtection": "OFF",
}
POOL = "arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_TESTPOOL"
SES = "arn:aws:ses:eu-west-2:123456789012:identity/mentor-match.example.gov.uk"
SNAPSHOTS = "arn:aws:s3:::mentor-match-prod-snapshots-123456789012"
RUN_PARTS = f"{SNAPSHOTS}/matching/runs/*"  # a sharded run's input and shard outcomes, until it is published
DIGESTS = f"{SNAPSHOTS}/matching/snapshot-digests.arrays"
STATE_MACHINE = "arn:aws:states:eu-west-2:123456789012:stateMachine:mentor-match-prod-recompute"


def function(logical_id: str) -> str:
    return f"arn:aws:lambda:eu-west-2:123456789012:function:{logical_id}-physical-id"


def table(name: str, index: str = "") -> str:
    arn = f"arn:aws:dynamodb:eu-west-2:123456789012:table/mentor-match-prod-{name}"
    return f"{arn}/index/{index}" if index else arn


def log_group(name: str) -> str:
    return f"arn:aws:logs:eu-west-2:123456789012:log-group:/aws/lambda/mentor-match-prod-{name}:*"


def logs(name: str) -> set[tuple[str, str]]:
    return {("logs:CreateLogStream", log_group(name)), ("logs:PutLogEvents", log_group(name))}


def grant(actions: str, *resources: str) -> set[tuple[str, str]]:
    return {(f"{action}", resource) for action in actions.split() for resource in resources}


def api_tables(actions_by_table: dict[str, str]) -> set[tuple[str, str]]:
    return {(f"dynamodb:{action}", table(name)) for name, actions in actions_by_table.items()
            for action in actions.split()}

# The reviewed ceiling: role -> every (action, resource) it may have. Widen only with a reason.
GRANTS: dict[str, set[tuple[str, str]]] = {
    # The sign-up gate runs on public input: it reads an invitation by its code hash and the
    # organisations (their domains). A first LinkedIn sign-in is linked to the account with the same
    # verified email (found by email; its standing read first). It never writes a table, never reads
    # memberships or profiles, never deletes or disables anyone, never sends email. It counts the
    # recent guesses of invitation codes (the abuse limits) and records an unknown code as one more.
    "PreSignUpRole": logs("pre-sign-up")
    | grant("dynamodb:GetItem", table("invitations"), table("organisations"), table("accounts"))
    | grant("dynamodb:Query dynamodb:PutItem", table("attempts"))
    | grant("dynamodb:Scan", table("organisations"))
    | grant("cognito-idp:ListUsers cognito-idp:AdminLinkProviderForUser", POOL),
    # The token authorizer checks signatures against the pool's public keys (HTTPS, no IAM).
    "BearerRole": logs("bearer"),
    # The recompute reads every profile and who is kept apart, writes match lists and the snapshot.
    # From RecomputeShardFrom people it starts the sharded recompute instead, unless one is running.
    "RecomputeRole": logs("recompute")
    | grant("dynamodb:Scan", table("profiles"), table("pairs"), table("loads"), table("blocks"))
    | grant("dynamodb:BatchWriteItem", table("matches"))
    | grant("s3:GetObject s3:PutObject", f"{SNAPSHOTS}/matching/*")
    | grant("s3:ListBucket", SNAPSHOTS)
    | grant("states:ListExecutions states:StartExecution", STATE_MACHINE),
    # The sharded recompute (design: Scale). Prepare reads what the single run reads and saves the
    # run's input for the shards; it writes no list and no published object.
    "RecomputePrepareRole": logs("recompute_prepare")
    | grant("dynamodb:Scan", table("profiles"), table("pairs"), table("loads"), table("blocks"))
    | grant("s3:PutObject", RUN_PARTS),
    # A shard reads the run's input and the last published digests, writes its changed lists and
    # saves its outcome; it reads no table, and cannot publish or delete anything.
    "RecomputeShardRole": logs("recompute_shard")
    | grant("s3:GetObject", RUN_PARTS, DIGESTS)
    | grant("s3:ListBucket", SNAPSHOTS)
    | grant("s3:PutObject", RUN_PARTS)
    | grant("dynamodb:BatchWriteItem", table("matches")),
    # Publish (only after every shard succeeded): deletes the lists of people who left, writes the
    # snapshot the API reads and the digests, then forgets the run's parts.
    "RecomputePublishRole": logs("recompute_publish")
    | grant("s3:GetObject", RUN_PARTS, DIGESTS)
    | grant("s3:ListBucket", SNAPSHOTS)
    | grant("s3:PutObject", f"{SNAPSHOTS}/matching/snapshot.npz", DIGESTS)
    | grant("s3:DeleteObject", RUN_PARTS)
    | grant("dynamodb:BatchWriteItem", table("matches")),
    # Step Functions runs the three steps and nothing else (unqualified ARNs: no versions or aliases).
    "RecomputeStateMachineRole": grant("lambda:InvokeFunction", function("RecomputePrepare"),
                                       function("RecomputeShard"), function("RecomputePublish")),
    # Housekeeping: waiting requests by age; expiring one is a transaction over the request, its
    # pair and the mentee's load; reminders read the mentor's email and name and send one email.
    "MentorshipHousekeepingRole": logs("mentorship-housekeeping")
    | grant("dynamodb:Query", table("mentorships", "pending-by-age"))
    | grant("dynamodb:UpdateItem", table("mentorships"), table("pairs"), table("loads"))
    | grant("dynamodb:GetItem dynamodb:BatchGetItem", table("profiles"))
    | grant("cognito-idp:AdminGetUser cognito-idp:ListUsers", POOL)
    | grant("ses:SendEmail", SES),
    # The API serves every feature, table by table, with only the actions its code uses: no
    # DescribeTable, no table or index management, no Scan but of what the admin figures count.
    "ApiHandlerRole": logs("api")
    | api_tables({
        "profiles": "GetItem BatchGetItem PutItem Query Scan BatchWriteItem ConditionCheckItem",
        "organisations": "GetItem PutItem Scan",
        "accounts": "GetItem BatchGetItem PutItem UpdateItem",  # UpdateItem: the time of a sign-out everywhere
        "mentorships": "GetItem PutItem UpdateItem ConditionCheckItem Scan",
        "pairs": "GetItem UpdateItem DeleteItem",
        "loads": "GetItem BatchGetItem UpdateItem DeleteItem",
        "messages": "PutItem Query BatchWriteItem",
        "blocks": "GetItem BatchGetItem PutItem DeleteItem Query",  # both directions of a pair in one read
        "reports": "PutItem BatchGetItem BatchWriteItem UpdateItem Scan",
        "matches": "GetItem Query BatchWriteItem",  # the recompute writes others' lists; saving a profile, mine
        "invitations": "GetItem PutItem UpdateItem Scan",
        "memberships": "GetItem PutItem Query BatchWriteItem",
        "attempts": "PutItem Query BatchWriteItem",
        "audit": "PutItem Query",
        "search": "GetItem Query BatchWriteItem",  # mentors and names found without a scan
    })
    | grant("dynamodb:Query", table("profiles", "by-updated-day"), table("invitations", "by-invitation-id"),
            table("mentorships", "by-mentee"), table("mentorships", "by-mentor"), table("blocks", "by-blocked"),
            table("reports", "by-reporter"), table("reports", "by-reported"), table("reports", "by-month"))
    | grant("s3:GetObject", f"{SNAPSHOTS}/matching/*")
    | grant("s3:ListBucket", SNAPSHOTS)
    # AdminListGroupsForUser: an administrator's membership of admins is checked against the pool
    # (removal in the console takes effect within a minute, not at the token's expiry).
    | grant("cognito-idp:AdminGetUser cognito-idp:AdminListGroupsForUser cognito-idp:ListUsers "
            "cognito-idp:AdminDeleteUser cognito-idp:AdminDisableUser cognito-idp:AdminEnableUser cognito-idp:AdminUserGlobalSignOut", POOL)
    | grant("ses:SendEmail", SES),
}
# Not a function's: API Gateway's account-wide CloudWatch role, which writes the access log only.
API_GATEWAY_LOGGING = grant("logs:CreateLogStream logs:DescribeLogStreams logs:PutLogEvents",
                            "arn:aws:logs:eu-west-2:123456789012:log-group:/aws/apigateway/mentor-match-prod-access:*") \
    | grant("logs:DescribeLogGroups", "arn:aws:logs:eu-west-2:123456789012:log-group:*")
PASSWORD = "Long-Password-2026"
READ_ONLY = {"user_id", "created_at", "updated_at"}
WRITE_ACTIONS = ("Put", "Update", "Delete", "BatchWrite", "Create", "Admin", "Send", "Set", "Add", "Remove")


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def roles(merged) -> dict[str, RolePolicy]:
    resolver = Resolver(merged, PARAMETERS)
    return {logical_id: RolePolicy.of(merged, logical_id, resolver)
            for logical_id, resource in merged["Resources"].items() if resource["Type"] == "AWS::IAM::Role"}


@pytest.fixture
def recorder(monkeypatch):
    with AwsCallRecorder().installed(monkeypatch) as recorder:
        yield recorder


@pytest.fixture
def prod_names(aws) -> ProdNames:
    settings = services().settings
    return ProdNames(test_table_prefix=settings.table_prefix, user_pool_arn=POOL,
                     snapshot_bucket="mentor-match-prod-snapshots-123456789012",
                     test_snapshot_bucket=settings.snapshot_bucket,
                     ses_identity=PARAMETERS["EmailSenderIdentity"])


def refused(role: RolePolicy, requests: set[tuple[str, str]]) -> list[str]:
    return sorted(f"{action} {arn}" for action, arn in requests if not role.allows(action, arn))


# ---------------------------------------------------------------- no more than reviewed


def test_every_role_in_the_package_is_reviewed(roles):
    assert set(roles) == {*GRANTS, "ApiGatewayLoggingRole"}, "a new function needs its role reviewed here"


def test_api_gateway_may_only_write_the_access_log(merged, roles):
    assert roles["ApiGatewayLoggingRole"].grants() == API_GATEWAY_LOGGING
    assert roles["ApiGatewayLoggingRole"].managed_policies == ()
    trust = merged["Resources"]["ApiGatewayLoggingRole"]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert [s["Principal"] for s in trust] == [{"Service": "apigateway.amazonaws.com"}]


@pytest.mark.parametrize("role", sorted(GRANTS))
def test_a_role_grants_exactly_what_was_reviewed(roles, role):
    granted = roles[role].grants()
    assert sorted(granted - GRANTS[role]) == [], "widened: review and add to GRANTS with a reason"
    assert sorted(GRANTS[role] - granted) == [], "narrowed: take it out of GRANTS too"


@pytest.mark.parametrize("role", sorted(GRANTS))
def test_no_role_has_wildcard_actions_star_resources_or_managed_policies(roles, role):
    policy = roles[role]
    assert policy.managed_policies == ()
    for action, resource in policy.grants():
        assert "*" not in action, action
        assert resource != "*", f"{action} on every resource"
        if any(verb in action.split(":")[1] for verb in WRITE_ACTIONS):
            assert not resource.endswith(":*") or action.startswith("logs:"), f"{action} on {resource}"


@pytest.mark.parametrize("role", sorted(GRANTS))
def test_only_lambda_may_assume_a_role(merged, role):
    # ... but the state machine's, which only Step Functions may assume
    service = "states.amazonaws.com" if role == "RecomputeStateMachineRole" else "lambda.amazonaws.com"
    document = merged["Resources"][role]["Properties"]["AssumeRolePolicyDocument"]
    principals = [s["Principal"] for s in document["Statement"] if s["Effect"] == "Allow"]
    assert principals == [{"Service": service}]


def test_the_pre_sign_up_role_cannot_write_or_send_anything(roles):
    role = roles["PreSignUpRole"]
    for action in ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"):
        assert not role.allows(action, table("invitations"))
    assert not role.allows("dynamodb:GetItem", table("memberships"))
    assert not role.allows("dynamodb:GetItem", table("profiles"))
    assert not role.allows("cognito-idp:AdminDeleteUser", POOL)
    assert not role.allows("cognito-idp:AdminDisableUser", POOL)
    assert not role.allows("ses:SendEmail", SES)


def test_email_is_sent_only_as_the_one_identity_and_from_address(merged, roles):
    other = "arn:aws:ses:eu-west-2:123456789012:identity/someone-else.example.com"
    for name in ("ApiHandlerRole", "MentorshipHousekeepingRole"):
        assert roles[name].allows("ses:SendEmail", SES)
        assert not roles[name].allows("ses:SendEmail", other)
        conditions = [s.condition for s in roles[name].statements if "ses:SendEmail" in s.actions]
        assert conditions == [{"StringEquals": {"ses:FromAddress": PARAMETERS["EmailFrom"]}}]


# ---------------------------------------------------------------- enough for the real journeys


def invoke(name: str, payload: dict) -> object:
    with Client(app) as client:
        return client.lambda_.invoke(name, payload).payload


def scheduled_event() -> dict:
    with Client(app) as client:
        return client.events.generate_cw_event(source="aws.events", detail_type="Scheduled Event",
                                               detail={}, resources=[])


def test_the_pre_sign_up_trigger_needs_only_its_role(roles, recorder, prod_names, aws):
    now = datetime.now(UTC)
    code = invitation_service.create_invitation({"organisation_id": "hm-revenue-customs", "max_uses": 5},
                                                "admin-1", services().invitations, now)["code"]
    aws.client.admin_create_user(UserPoolId=aws.id, Username="linked.person@dwp.gov.uk", MessageAction="SUPPRESS",
                                 UserAttributes=[{"Name": "email", "Value": "linked.person@dwp.gov.uk"},
                                                 {"Name": "email_verified", "Value": "true"}])
    linkedin = {"triggerSource": "PreSignUp_ExternalProvider", "userName": "linkedin_abc123XYZ"}
    events = [
        {"triggerSource": "PreSignUp_SignUp", "request": {"userAttributes": {"email": "a.person@dwp.gov.uk"}}},
        {"triggerSource": "PreSignUp_SignUp", "request": {"userAttributes": {"email": "someone@example.com"},
                                                          "clientMetadata": {"invitation": code}}},
        {**linkedin, "request": {"userAttributes": {"email": "linked@example.com", "email_verified": "true"},
                                 "validationData": {"invitation": code}}},
        # a first LinkedIn sign-in with the email of a password account: linked to it (one person, one account)
        {**linkedin, "request": {"userAttributes": {"email": "linked.person@dwp.gov.uk", "email_verified": "true"}}},
        # a guessed invitation code counts as a guess (written to the attempts table) and is refused
        {"triggerSource": "PreSignUp_SignUp", "request": {"userAttributes": {"email": "guess@example.com"},
                                                          "clientMetadata": {"invitation": "not-a-real-code"}}},
    ]
    with recorder.record() as calls:
        for event in events:
            try:
                invoke("pre_sign_up", {**event, "userPoolId": aws.id})
            except Exception as error:  # the emulator has no AdminLinkProviderForUser; the call is recorded
                assert ("admin_link_provider_for_user" in str(error) or "Already found an entry" in str(error)
                        or event["request"]["userAttributes"]["email"] == "guess@example.com"), error
    requests = iam_requests(calls, prod_names)
    assert ("cognito-idp:AdminLinkProviderForUser", POOL) in requests, "the linking journey did not link"
    assert refused(roles["PreSignUpRole"], requests) == []


def test_the_housekeeping_schedule_needs_only_its_role(roles, recorder, prod_names, journey: Journey):
    mentor = journey.mentor("Ben Okafor", capacity=4)
    for days in (31, 24, 8):
        mentee = journey.mentee()
        when = datetime.now(UTC) - timedelta(days=days)
        mentorship_service.request_mentorship(mentee.user_id, {"mentor_id": mentor.user_id, "message": "hello"},
                                              services().journey, when)
    with recorder.record() as calls:
        summary = invoke("mentorship_housekeeping", scheduled_event())
    assert summary == {"expired": 1, "reminded": 1, "nudged": 1}
    assert refused(roles["MentorshipHousekeepingRole"], iam_requests(calls, prod_names)) == []


def test_the_recompute_needs_only_its_role(roles, recorder, prod_names, journey: Journey):
    mentor, mentee = journey.mentor("Ben Okafor"), journey.mentee("Priya Shah")
    journey.call(mentee, "POST", "/blocks", {"user_id": journey.mentor().user_id}, expect=201)
    made = journey.ask(mentee, mentor)
    journey.call(mentor, "POST", f"/mentorships/{made['mentorship_id']}/accept", expect=200)
    with recorder.record() as first_run:
        first = invoke("recompute", scheduled_event())
    journey.call(journey.people[-1], "DELETE", "/me", expect=204)  # a list to delete on the next run
    with recorder.record() as second_run:
        second = invoke("recompute", scheduled_event())
    assert first["lists"] > 0 and second["lists_changed"] > 0
    requests = iam_requests([*first_run, *second_run], prod_names)
    assert refused(roles["RecomputeRole"], requests) == []


class StepFunctionsRun:
    """Calls by the role that makes them, while moto's Step Functions interpreter runs the packaged
    state machine: its Lambda invocations are the state machine role's, and each runs the step's
    handler here (moto cannot run Lambda code), whose own calls are that function's role's.
    ``crash_once``: shard numbers that fail once after doing their work, as a Lambda killed
    before it returns would (Step Functions retries them)."""

    def __init__(self, merged: dict, resolver: Resolver, crash_once: set[int]) -> None:
        self.handlers = {resolver.attribute(name, "Arn"): (name, merged["Resources"][name]["Properties"]
                                                           ["ImageConfig"]["Command"][0].split(".", 1)[1])
                         for name in ("RecomputePrepare", "RecomputeShard", "RecomputePublish")}
        self.crash_once, self.steps = set(crash_once), []
        self.by_role: dict[str, list[Call]] = {}
        self.local = threading.local()

    def install(self, monkeypatch) -> None:
        original = BaseClient._make_api_call
        run = self

        def routed(client: BaseClient, operation: str, params: dict) -> object:
            service = client.meta.service_model.service_name
            if service == "lambda" and operation == "Invoke":
                run.by_role.setdefault("RecomputeStateMachineRole", []).append(Call(service, operation, dict(params)))
                return run.invoke(params["FunctionName"], json.loads(params.get("Payload") or b"{}"))
            role = getattr(run.local, "role", None)
            if role:  # the test's own calls (polling the execution) are nobody's role
                run.by_role.setdefault(role, []).append(Call(service, operation, dict(params)))
            return original(client, operation, params)

        monkeypatch.setattr(BaseClient, "_make_api_call", routed)

    @contextmanager
    def acting_as(self, role: str) -> Iterator[None]:
        before = getattr(self.local, "role", None)
        self.local.role = role
        try:
            yield
        finally:
            self.local.role = before

    def invoke(self, arn: str, event: dict) -> dict:
        logical_id, handler = self.handlers[arn]
        self.steps.append((handler, event.get("shard")))
        try:
            with self.acting_as(f"{logical_id}Role"):
                result = invoke(handler, event)
            if event.get("shard") in self.crash_once:
                self.crash_once.discard(event["shard"])
                raise RuntimeError("killed before returning")
            return {"StatusCode": 200, "Payload": io.BytesIO(json.dumps(result).encode())}
        except Exception as error:  # what Lambda answers for a function that failed
            body = {"errorType": type(error).__name__, "errorMessage": str(error)}
            return {"StatusCode": 200, "FunctionError": "Unhandled", "Payload": io.BytesIO(json.dumps(body).encode())}


def test_the_sharded_recompute_needs_only_its_roles(merged, roles, prod_names, journey: Journey, monkeypatch):
    """The schedule starts the packaged state machine (run by moto's Step Functions interpreter) once
    the population reaches RecomputeShardFrom; prepare, every shard (one killed once and retried) and
    publish each need only their role, and Step Functions only its own."""
    mentors = [journey.mentor("Ben Okafor"), journey.mentor(), journey.mentor(capacity=1)]
    mentees = [journey.mentee("Priya Shah"), *(journey.mentee() for _ in range(5))]
    journey.call(mentees[0], "POST", "/blocks", {"user_id": mentors[1].user_id}, expect=201)
    made = journey.ask(mentees[1], mentors[2])
    journey.call(mentors[2], "POST", f"/mentorships/{made['mentorship_id']}/accept", expect=200)
    resolver = Resolver(merged, {**PARAMETERS, "RecomputeMaxConcurrency": "1"})  # the handlers share one process
    machine = merged["Resources"]["RecomputeStateMachine"]["Properties"]
    monkeypatch.setitem(default_user_config["stepfunctions"], "execute_state_machine", True)
    sfn = boto3.client("stepfunctions", region_name=journey.region)
    arn = sfn.create_state_machine(name=machine["StateMachineName"], roleArn="arn:aws:iam::123456789012:role/sm",
                                   definition=resolver.resolve(machine["DefinitionString"]))["stateMachineArn"]
    assert arn == STATE_MACHINE
    for name, value in {"RECOMPUTE_STATE_MACHINE_ARN": arn, "RECOMPUTE_SHARD_FROM": "9",
                        "RECOMPUTE_PEOPLE_PER_SHARD": "3"}.items():
        monkeypatch.setenv(name, value)
    reset_settings()
    bootstrap.reset()
    first = invoke("recompute", scheduled_event())  # no snapshot yet: below RecomputeShardFrom, one invocation
    assert "sharded" not in first and first["profiles"] == 9
    journey.call(journey.people[-1], "DELETE", "/me", expect=204)  # a list for publish to delete
    waits: list[float] = []
    monkeypatch.setattr(retrier_decl, "time", SimpleNamespace(sleep=waits.append))  # no 30 s retry waits here
    run = StepFunctionsRun(merged, resolver, crash_once={1})
    run.install(monkeypatch)

    with run.acting_as("RecomputeRole"):
        started = invoke("recompute", scheduled_event())
    assert started["sharded"] is True and started["people"] == 9
    for _ in range(600):
        execution = sfn.describe_execution(executionArn=started["run"])
        if execution["status"] != "RUNNING":
            break
        time.sleep(0.05)

    assert execution["status"] == "SUCCEEDED", execution
    assert run.steps == [("recompute_prepare", None), ("recompute_shard", 0), ("recompute_shard", 1),
                         ("recompute_shard", 1), ("recompute_shard", 2), ("recompute_publish", None)]
    assert waits == [30]  # the killed shard was retried once, after the definition's interval
    assert set(run.by_role) == {"RecomputeRole", "RecomputePrepareRole", "RecomputeShardRole",
                                "RecomputePublishRole", "RecomputeStateMachineRole"}
    for role, calls in run.by_role.items():
        assert refused(roles[role], iam_requests(calls, prod_names)) == [], role
    # What it published is what one invocation computes from the same data: nothing left to write.
    summary = run_recompute(services().recompute, datetime.now(UTC))
    assert (summary.profiles, summary.lists_changed) == (8, 0)
    leftovers = boto3.client("s3").list_objects_v2(Bucket=services().settings.snapshot_bucket, Prefix="matching/runs/")
    assert leftovers.get("KeyCount", 0) == 0


@dataclass
class Cast:
    """The people of the API tour, made (accounts, profiles, a password sign-in) before recording."""

    mentee: Member
    mentor: Member
    other: Member
    third: Member
    boss: Member
    cookie: str = ""


def cast_of_the_tour(journey: Journey) -> Cast:
    mentee, mentor, other = journey.mentee("Priya Shah"), journey.mentor("Ben Okafor", capacity=2), journey.mentor()
    boss_account = journey.accounts.add(admin=True)
    cast = Cast(mentee, mentor, other, journey.mentor(),
                Member(boss_account.user_id, boss_account.email, "Boss", boss_account.token))
    client = boto3.client("cognito-idp", region_name=journey.region)
    client_id = client.create_user_pool_client(**client_arguments(journey.pool_id))["UserPoolClient"]["ClientId"]
    current = services()
    sign_in = CognitoSignIn(client, client_id, journey.pool_id)
    bootstrap.use(replace(current, adapters=replace(current.adapters, sign_in=sign_in)))
    username = client.list_users(UserPoolId=journey.pool_id, Filter=f'email = "{mentee.email}"')["Users"][0]["Username"]
    client.admin_set_user_password(UserPoolId=journey.pool_id, Username=username, Password=PASSWORD, Permanent=True)
    return cast


def tour_of_the_api(journey: Journey, cast: Cast) -> None:
    """Every route group, as people and administrators use them."""
    mentee, mentor, other, boss = cast.mentee, cast.mentor, cast.other, cast.boss
    reply = journey.api.call("POST", "/session", json_body={"email": mentee.email, "password": PASSWORD})
    assert reply.status == 200, reply.body
    cookies = reply.headers["Set-Cookie"]
    cookie = "; ".join(c.split(";", 1)[0] for c in (cookies if isinstance(cookies, list) else [cookies]))
    assert journey.api.call("POST", "/session/refresh", headers={"Cookie": cookie}).status == 200
    for path in ("/health", "/organisations", "/vocabulary/skills?prefix=da"):
        assert journey.api.call("GET", path).status == 200, path
    profile = journey.call(mentee, "GET", "/me/profile", expect=200).body
    journey.call(mentee, "PUT", "/me/profile", {k: v for k, v in profile.items() if k not in READ_ONLY}, expect=200)
    journey.call(mentee, "GET", "/me/organisation", expect=200)
    journey.call(mentee, "GET", "/me/matches?as=mentee", expect=200)
    journey.call(mentor, "GET", "/me/matches?as=mentor", expect=200)
    journey.call(mentee, "GET", f"/profiles/{mentor.user_id}", expect=200)
    journey.call(mentee, "GET", "/mentors?skill=python", expect=200)
    journey.call(mentee, "GET", "/mentors", expect=200)
    assert journey.api.call("POST", "/sign-up/check", json_body={"email": "sam@dwp.gov.uk"}).status == 200
    # a refused check counts against the caller's address (the attempts table, like an unknown code)
    assert journey.api.call("POST", "/sign-up/check", json_body={"email": "sam@gmail.com"}).status == 403
    made = journey.ask(mentee, mentor)
    path = f"/mentorships/{made['mentorship_id']}"
    journey.call(mentor, "GET", "/mentorships", expect=200)
    journey.call(mentor, "POST", f"{path}/accept", expect=200)
    journey.call(mentee, "POST", f"{path}/messages", {"body": "Thank you"}, expect=201)
    journey.call(mentor, "GET", f"{path}/messages", expect=200)
    journey.call(mentee, "POST", f"{path}/end", expect=200)
    second = journey.ask(mentee, other)
    journey.call(other, "POST", f"/mentorships/{second['mentorship_id']}/decline", expect=200)
    third = journey.ask(mentee, cast.third)
    journey.call(mentee, "POST", f"/mentorships/{third['mentorship_id']}/withdraw", expect=200)
    journey.call(mentee, "POST", "/blocks", {"user_id": other.user_id}, expect=201)
    journey.call(mentee, "GET", "/blocks", expect=200)
    journey.call(mentee, "DELETE", f"/blocks/{other.user_id}", expect=204)
    journey.call(mentee, "POST", "/reports", {"user_id": other.user_id, "reason": "Rude"}, expect=201)
    created = journey.call(boss, "POST", "/invitations", {"organisation_id": "hm-revenue-customs", "max_uses": 3},
                           expect=201).body
    journey.call(boss, "GET", "/invitations", expect=200)
    assert journey.api.call("GET", f"/invitations/{created['code']}").status == 200
    assert journey.api.call("GET", "/invitations/not-a-real-code-at-all-000").status in (404, 410)
    journey.call(mentee, "POST", f"/invitations/{created['code']}/redeem", expect=200)
    journey.call(boss, "DELETE", f"/invitations/{created['id']}", expect=204)
    for admin_path in ("/admin/stats", "/admin/audit", "/admin/organisations"):
        journey.call(boss, "GET", admin_path, expect=200)
    organisation = {"id": "office-for-mentoring", "name": "Office for Mentoring", "kind": "arms-length body",
                    "abbreviation": "OfM", "domains": ["mentoring.gov.uk"]}
    journey.call(boss, "POST", "/organisations", organisation, expect=201)
    change = {key: value for key, value in organisation.items() if key != "id"}
    journey.call(boss, "PUT", "/organisations/office-for-mentoring", {**change, "name": "OfM"}, expect=200)
    journey.call(boss, "GET", "/admin/users?q=priya", expect=200)
    journey.call(boss, "GET", f"/admin/users/{other.user_id}", expect=200)
    journey.call(boss, "GET", "/admin/reports", expect=200)
    journey.call(boss, "POST", f"/admin/users/{other.user_id}/suspend", expect=200)
    journey.call(boss, "POST", f"/admin/users/{other.user_id}/reinstate", expect=200)
    journey.call(mentee, "GET", "/me/export", expect=200)
    assert journey.api.call("DELETE", "/session", mentee.token, headers={"Cookie": cookie}).status == 204
    # signing out everywhere refuses the access tokens issued before it: deleting needs a new sign-in's
    username = boto3.client("cognito-idp", region_name=journey.region).list_users(
        UserPoolId=journey.pool_id, Filter=f'email = "{mentee.email}"')["Users"][0]["Username"]
    signed_in_again = journey.accounts.tokens.mint(sub=mentee.user_id, username=username, iat=int(time.time()) + 1)
    assert journey.api.call("DELETE", "/me", signed_in_again).status == 204


def test_the_api_needs_only_its_role(roles, recorder, prod_names, journey: Journey):
    cast = cast_of_the_tour(journey)
    with recorder.record() as calls:
        tour_of_the_api(journey, cast)
    requests = iam_requests(calls, prod_names)
    assert refused(roles["ApiHandlerRole"], requests) == []


def test_the_recorder_and_the_role_check_can_fail(roles, prod_names):
    calls = [Call("dynamodb", "PutItem", {"TableName": f"{prod_names.test_table_prefix}profiles"})]
    assert refused(roles["PreSignUpRole"], iam_requests(calls, prod_names)) == [
        f"dynamodb:PutItem {table('profiles')}"]


def test_recorded_requests_name_prod_tables_indexes_and_the_pool(prod_names):
    calls = [
        Call("dynamodb", "Query", {"TableName": f"{prod_names.test_table_prefix}mentorships", "IndexName": "by-mentee"}),
        Call("dynamodb", "TransactWriteItems", {"TransactItems": [
            {"ConditionCheck": {"TableName": f"{prod_names.test_table_prefix}profiles"}},
            {"Update": {"TableName": f"{prod_names.test_table_prefix}loads"}}]}),
        Call("cognito-idp", "AdminGetUser", {}), Call("cognito-idp", "InitiateAuth", {}),
    ]
    assert iam_requests(calls, prod_names) == {
        ("dynamodb:Query", table("mentorships", "by-mentee")),
        ("dynamodb:ConditionCheckItem", table("profiles")), ("dynamodb:UpdateItem", table("loads")),
        ("cognito-idp:AdminGetUser", POOL),
    }


def test_json_of_the_reviewed_grants_is_printable():
    # The closing note and infra/README.md quote this table; keep it serialisable.
    assert json.dumps({role: sorted(map(list, grants)) for role, grants in GRANTS.items()})
