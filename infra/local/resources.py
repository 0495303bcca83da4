"""Stand the AWS resources up on the local emulator from the same definitions AWS uses.

Tables come from the PynamoDB models; the user pool, its client and the admins group take
the Properties of the CloudFormation in infra/template.json (CloudFormation in moto skips
Cognito, so boto3 makes them). Properties that only make sense in AWS (OAuth callbacks,
the LinkedIn provider, deletion protection) are dropped here.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import boto3

from chalicelib.adapters.dynamo.tables import TABLES, bind_tables
from chalicelib.settings import Settings

TEMPLATE = Path(__file__).resolve().parents[1] / "template.json"

# CloudFormation property name -> boto3 parameter name, where they differ.
POOL_RENAMES = {"UserPoolName": "PoolName"}
POOL_AWS_ONLY = {"DeletionProtection", "UserPoolTags", "EmailConfiguration", "LambdaConfig", "UserPoolAddOns",
                 "UserPoolTier", "EnabledMfas"}
CLIENT_AWS_ONLY = {
    "UserPoolId", "CallbackURLs", "LogoutURLs", "SupportedIdentityProviders", "AllowedOAuthFlows",
    "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient", "DefaultRedirectURI",
}


@dataclass(frozen=True)
class LocalResources:
    user_pool_id: str
    user_pool_client_id: str


def template_properties(logical_id: str) -> dict:
    resources = json.loads(TEMPLATE.read_text())["Resources"]
    return dict(resources[logical_id]["Properties"])


def user_pool_arguments(pool_name: str) -> dict:
    props = template_properties("UserPool")
    args = {POOL_RENAMES.get(key, key): value for key, value in props.items() if key not in POOL_AWS_ONLY}
    args["PoolName"] = pool_name
    return args


def client_arguments(pool_id: str) -> dict:
    props = template_properties("UserPoolClient")
    args = {key: value for key, value in props.items() if key not in CLIENT_AWS_ONLY}
    args.update(UserPoolId=pool_id, ClientName="mentor-match-local-site")
    return args


def create_tables(settings: Settings) -> None:
    bind_tables(settings)
    for model in TABLES.values():
        if not model.exists():
            model.create_table(wait=True, billing_mode="PAY_PER_REQUEST")


def create_user_pool(cognito) -> LocalResources:
    pool_name = "mentor-match-local"
    existing = [p for p in cognito.list_user_pools(MaxResults=60)["UserPools"] if p["Name"] == pool_name]
    if existing:
        pool_id = existing[0]["Id"]
    else:
        pool_id = cognito.create_user_pool(**user_pool_arguments(pool_name))["UserPool"]["Id"]
        # EnabledMfas is CloudFormation's; the API sets it with its own call.
        mfas = template_properties("UserPool").get("EnabledMfas", [])
        cognito.set_user_pool_mfa_config(
            UserPoolId=pool_id, MfaConfiguration=template_properties("UserPool")["MfaConfiguration"],
            SoftwareTokenMfaConfiguration={"Enabled": "SOFTWARE_TOKEN_MFA" in mfas})
    clients = cognito.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
    if clients:
        client_id = clients[0]["ClientId"]
    else:
        client_id = cognito.create_user_pool_client(**client_arguments(pool_id))["UserPoolClient"]["ClientId"]
    group = template_properties("AdminsGroup")
    groups = cognito.list_groups(UserPoolId=pool_id)["Groups"]
    if not any(g["GroupName"] == group["GroupName"] for g in groups):
        cognito.create_group(
            UserPoolId=pool_id, GroupName=group["GroupName"], Description=group.get("Description", "")
        )
    return LocalResources(user_pool_id=pool_id, user_pool_client_id=client_id)


def create_all(settings: Settings, sender: str) -> LocalResources:
    """Create every local resource (idempotent) and return the ids the API needs."""
    create_tables(settings)
    session = boto3.session.Session(region_name=settings.region)
    resources = create_user_pool(session.client("cognito-idp"))
    session.client("ses").verify_email_identity(EmailAddress=sender)
    s3 = session.client("s3")
    buckets = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
    if settings.snapshot_bucket not in buckets:
        s3.create_bucket(
            Bucket=settings.snapshot_bucket,
            CreateBucketConfiguration={"LocationConstraint": settings.region},
        )
    return resources
