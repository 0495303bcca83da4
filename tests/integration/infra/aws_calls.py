"""What an entry point really asks of AWS, as IAM sees it, and what a role's policy allows.

``AwsCallRecorder`` wraps botocore's one way out (``BaseClient._make_api_call``; PynamoDB goes
through it too) and keeps every call made while it records. ``iam_requests`` turns those calls
into the (IAM action, resource ARN) pairs IAM would authorise, in production's names (the prod
table prefix, the template's user pool, snapshot bucket and SES identity). ``RolePolicy`` reads a
role of the packaged template, with its intrinsic functions resolved for a made-up account, and
answers whether it allows one such pair.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from botocore.client import BaseClient

REGION = "eu-west-2"
ACCOUNT = "123456789012"
PARTITION = "aws"

# Cognito user-pool calls that IAM does not authorise (the client id or the user's own tokens do).
COGNITO_PUBLIC = {
    "InitiateAuth", "RespondToAuthChallenge", "RevokeToken", "GlobalSignOut", "AssociateSoftwareToken",
    "VerifySoftwareToken", "SetUserMFAPreference", "GetUser", "SignUp", "ConfirmSignUp",
}
TRANSACT_ACTIONS = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem",
                    "ConditionCheck": "ConditionCheckItem"}


@dataclass(frozen=True)
class Call:
    service: str
    operation: str
    params: dict[str, Any]


@dataclass
class AwsCallRecorder:
    calls: list[Call] = field(default_factory=list)
    recording: bool = False

    @contextmanager
    def installed(self, monkeypatch) -> Iterator[AwsCallRecorder]:
        original = BaseClient._make_api_call
        recorder = self

        def recorded(client: BaseClient, operation_name: str, api_params: dict[str, Any]) -> Any:
            if recorder.recording:
                service = client.meta.service_model.service_name
                recorder.calls.append(Call(service, operation_name, dict(api_params)))
            return original(client, operation_name, api_params)

        monkeypatch.setattr(BaseClient, "_make_api_call", recorded)
        yield self

    @contextmanager
    def record(self) -> Iterator[list[Call]]:
        """Record the calls made inside the block (returned list filled when the block ends)."""
        start = len(self.calls)
        self.recording = True
        made: list[Call] = []
        try:
            yield made
        finally:
            self.recording = False
            made.extend(self.calls[start:])


@dataclass(frozen=True)
class ProdNames:
    """How a test run's resources are called in production."""

    test_table_prefix: str
    user_pool_arn: str
    snapshot_bucket: str  # the prod bucket name
    test_snapshot_bucket: str
    ses_identity: str  # the SES identity (domain or address) prod sends from

    def table_arn(self, test_table_name: str) -> str:
        base = test_table_name.removeprefix(self.test_table_prefix)
        return f"arn:{PARTITION}:dynamodb:{REGION}:{ACCOUNT}:table/mentor-match-prod-{base}"


def iam_requests(calls: Iterable[Call], names: ProdNames) -> set[tuple[str, str]]:
    """The (action, resource ARN) pairs IAM checks for these calls."""
    found: set[tuple[str, str]] = set()
    for call in calls:
        found |= set(_requests_of(call, names))
    return found


def _requests_of(call: Call, names: ProdNames) -> Iterator[tuple[str, str]]:
    params = call.params
    if call.service == "dynamodb":
        yield from _dynamodb(call.operation, params, names)
    elif call.service == "cognito-idp":
        if call.operation not in COGNITO_PUBLIC:
            yield f"cognito-idp:{call.operation}", names.user_pool_arn
    elif call.service == "s3":
        yield from _s3(call.operation, params, names)
    elif call.service == "ses":
        yield f"ses:{call.operation}", f"arn:{PARTITION}:ses:{REGION}:{ACCOUNT}:identity/{names.ses_identity}"
    elif call.service == "stepfunctions":  # StartExecution, ListExecutions: on the state machine
        yield f"states:{call.operation}", params["stateMachineArn"]
    elif call.service == "lambda" and call.operation == "Invoke":
        name = params["FunctionName"]
        yield "lambda:InvokeFunction", name if name.startswith("arn:") else \
            f"arn:{PARTITION}:lambda:{REGION}:{ACCOUNT}:function:{name}"
    else:
        yield f"{call.service}:{call.operation}", "*"


def _dynamodb(operation: str, params: dict[str, Any], names: ProdNames) -> Iterator[tuple[str, str]]:
    if operation == "TransactWriteItems":
        for item in params["TransactItems"]:
            (kind, body), = item.items()
            yield f"dynamodb:{TRANSACT_ACTIONS[kind]}", names.table_arn(body["TableName"])
    elif operation == "TransactGetItems":
        for item in params["TransactItems"]:
            yield "dynamodb:GetItem", names.table_arn(item["Get"]["TableName"])
    elif operation in ("BatchGetItem", "BatchWriteItem"):
        for table in params["RequestItems"]:
            yield f"dynamodb:{operation}", names.table_arn(table)
    else:
        arn = names.table_arn(params["TableName"])
        if params.get("IndexName"):
            arn = f"{arn}/index/{params['IndexName']}"
        yield f"dynamodb:{operation}", arn


def _s3(operation: str, params: dict[str, Any], names: ProdNames) -> Iterator[tuple[str, str]]:
    bucket = names.snapshot_bucket if params.get("Bucket") == names.test_snapshot_bucket else params.get("Bucket")
    if operation in ("GetObject", "HeadObject"):
        yield "s3:GetObject", f"arn:{PARTITION}:s3:::{bucket}/{params['Key']}"
        # A missing object is 404 only with ListBucket; without it S3 says 403 (the code expects 404).
        yield "s3:ListBucket", f"arn:{PARTITION}:s3:::{bucket}"
    elif operation in ("PutObject", "DeleteObject"):
        yield f"s3:{operation}", f"arn:{PARTITION}:s3:::{bucket}/{params['Key']}"
    elif operation == "DeleteObjects":  # IAM checks s3:DeleteObject for each key
        for item in params["Delete"]["Objects"]:
            yield "s3:DeleteObject", f"arn:{PARTITION}:s3:::{bucket}/{item['Key']}"
    elif operation in ("ListObjectsV2", "ListObjects"):
        yield "s3:ListBucket", f"arn:{PARTITION}:s3:::{bucket}"
    else:
        yield f"s3:{operation}", f"arn:{PARTITION}:s3:::{bucket}"


# ---------------------------------------------------------------- the packaged template's roles


class Resolver:
    """Resolves the intrinsic functions IAM policies use, for a made-up account and parameters."""

    def __init__(self, template: dict[str, Any], parameters: dict[str, str]):
        self.resources = template["Resources"]
        defaults = {name: str(p["Default"]) for name, p in template.get("Parameters", {}).items() if "Default" in p}
        self.parameters = {**defaults, **parameters}

    def resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if not isinstance(value, dict):
            return value
        if set(value) == {"Ref"}:
            return self.ref(value["Ref"])
        if set(value) == {"Fn::GetAtt"}:
            logical_id, attribute = value["Fn::GetAtt"]
            return self.attribute(logical_id, attribute)
        if set(value) == {"Fn::Sub"}:
            return self.sub(value["Fn::Sub"])
        if set(value) == {"Fn::Join"}:
            separator, parts = value["Fn::Join"]
            return separator.join(str(self.resolve(part)) for part in parts)
        return {key: self.resolve(item) for key, item in value.items()}

    def ref(self, name: str) -> str:
        pseudo = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": PARTITION,
                  "AWS::URLSuffix": "amazonaws.com", "AWS::StackName": "mentor-match-prod"}
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            return self.parameters[name]
        resource = self.resources[name]
        kind, properties = resource["Type"], resource.get("Properties", {})
        if kind == "AWS::DynamoDB::Table":
            return properties["TableName"]
        if kind == "AWS::S3::Bucket":
            return self.resolve(properties.get("BucketName", f"{name.lower()}-bucket"))
        if kind == "AWS::Logs::LogGroup":
            return properties["LogGroupName"]
        if kind == "AWS::Cognito::UserPool":
            return f"{REGION}_TESTPOOL"
        if kind == "AWS::StepFunctions::StateMachine":
            return f"arn:{PARTITION}:states:{REGION}:{ACCOUNT}:stateMachine:{properties['StateMachineName']}"
        return f"{name}-physical-id"

    def attribute(self, logical_id: str, attribute: str) -> str:
        kind = self.resources[logical_id]["Type"]
        name = self.ref(logical_id)
        arns = {
            "AWS::DynamoDB::Table": f"arn:{PARTITION}:dynamodb:{REGION}:{ACCOUNT}:table/{name}",
            "AWS::S3::Bucket": f"arn:{PARTITION}:s3:::{name}",
            "AWS::Logs::LogGroup": f"arn:{PARTITION}:logs:{REGION}:{ACCOUNT}:log-group:{name}:*",
            "AWS::Cognito::UserPool": f"arn:{PARTITION}:cognito-idp:{REGION}:{ACCOUNT}:userpool/{name}",
            "AWS::SNS::Topic": f"arn:{PARTITION}:sns:{REGION}:{ACCOUNT}:{logical_id}",
            "AWS::Serverless::Function": f"arn:{PARTITION}:lambda:{REGION}:{ACCOUNT}:function:{name}",
        }
        if attribute == "Arn" and kind in arns:
            return arns[kind]
        return f"{logical_id}.{attribute}"

    def sub(self, spec: Any) -> str:
        text, local = (spec, {}) if isinstance(spec, str) else (spec[0], spec[1])

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in local:
                return str(self.resolve(local[name]))
            if "." in name and not name.startswith("AWS::"):
                logical_id, attribute = name.split(".", 1)
                return self.attribute(logical_id, attribute)
            return self.ref(name)

        return re.sub(r"\$\{([^}!]+)\}", replace, text)


@dataclass(frozen=True)
class Statement:
    effect: str
    actions: tuple[str, ...]
    resources: tuple[str, ...]
    condition: dict[str, Any]

    def matches(self, action: str, arn: str) -> bool:
        return (any(fnmatch.fnmatchcase(action.lower(), a.lower()) for a in self.actions)
                and any(fnmatch.fnmatchcase(arn, r) for r in self.resources))


@dataclass(frozen=True)
class RolePolicy:
    role: str
    statements: tuple[Statement, ...]
    managed_policies: tuple[Any, ...]

    @classmethod
    def of(cls, template: dict[str, Any], role: str, resolver: Resolver) -> RolePolicy:
        """The role's inline policies and every AWS::IAM::Policy / RolePolicy resource attached to it."""
        properties = template["Resources"][role]["Properties"]
        documents = [policy["PolicyDocument"] for policy in properties.get("Policies", [])]
        for resource in template["Resources"].values():
            attached = resource.get("Properties", {})
            if (resource["Type"] == "AWS::IAM::Policy" and {"Ref": role} in attached.get("Roles", [])) or (
                    resource["Type"] == "AWS::IAM::RolePolicy" and attached.get("RoleName") == {"Ref": role}):
                documents.append(attached["PolicyDocument"])
        statements = []
        for document in documents:
            for raw in resolver.resolve(document)["Statement"]:
                statements.append(Statement(raw["Effect"], tuple(_as_list(raw["Action"])),
                                            tuple(_as_list(raw["Resource"])), raw.get("Condition", {})))
        return cls(role, tuple(statements), tuple(properties.get("ManagedPolicyArns", [])))

    def allows(self, action: str, arn: str) -> bool:
        allowed = any(s.effect == "Allow" and s.matches(action, arn) for s in self.statements)
        denied = any(s.effect == "Deny" and s.matches(action, arn) for s in self.statements)
        return allowed and not denied

    def grants(self) -> set[tuple[str, str]]:
        """Every (action, resource) the role's Allow statements name, as written."""
        return {(action, resource) for s in self.statements if s.effect == "Allow"
                for action in s.actions for resource in s.resources}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
