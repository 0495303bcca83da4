"""The production CloudFormation: what `chalice package --merge-template infra/template.json` makes.

The real `chalice package --stage prod` runs once per session. It runs on a copy of exactly what
Chalice ships (app.py, chalicelib/, .chalice/*.json) without requirements.txt: dependencies change
only deployment.zip, never the template, and downloading them would make this test slow and
networked. The merged template is then checked with cfn-lint, against the PynamoDB models, and
against what the local stack (infra/local/resources.py) takes from infra/template.json.
"""

import json
from pathlib import Path

import botocore.session
import pytest
from botocore.validate import ParamValidator
from cfnlint.api import ManualArgs, lint_file
from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection, KeysOnlyProjection, LocalSecondaryIndex
from pynamodb.models import Model

from chalicelib.adapters.dynamo.tables import TABLES
from infra.local import resources as local_stack

REPO = Path(__file__).resolve().parents[3]
TEMPLATE = REPO / "infra" / "template.json"
SETTINGS_SOURCE = REPO / "chalicelib" / "settings.py"
REGION = "eu-west-2"
ACCOUNT = "123456789012"
TABLE_PREFIX = "mentor-match-prod-"
# cfn-lint warnings the template keeps on purpose: rule id -> why (see infra/README.md).
ACCEPTED_WARNINGS: dict[str, str] = {}
GATEWAY_RESPONSES = ("UNAUTHORIZED", "ACCESS_DENIED", "MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX", "DEFAULT_5XX")


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def source() -> dict:
    return json.loads(TEMPLATE.read_text())


@pytest.fixture(scope="module")
def lint_matches(packaged) -> list:
    return lint_file(packaged, ManualArgs(regions=[REGION]))


# ---------------------------------------------------------------- helpers


def key_set(key_schema: list[dict]) -> frozenset:
    return frozenset((key["AttributeName"], key["KeyType"]) for key in key_schema)


def projection(spec: dict) -> tuple:
    return spec["ProjectionType"], frozenset(spec.get("NonKeyAttributes", ()))


def indexes(index_list: list[dict]) -> dict:
    return {
        index["IndexName"]: (key_set(index["KeySchema"]), projection(index["Projection"]))
        for index in index_list
    }


def model_table_shape(model: type[Model]) -> dict:
    """What the model declares, in CloudFormation's vocabulary, with order removed."""
    schema = model._get_schema()
    return {
        "KeySchema": key_set(schema["key_schema"]),
        "AttributeDefinitions": frozenset(
            (a["AttributeName"], a["AttributeType"]) for a in schema["attribute_definitions"]
        ),
        "GlobalSecondaryIndexes": indexes(
            [{"IndexName": i["index_name"], "KeySchema": i["key_schema"], "Projection": i["projection"]}
             for i in schema["global_secondary_indexes"]]
        ),
        "LocalSecondaryIndexes": indexes(
            [{"IndexName": i["index_name"], "KeySchema": i["key_schema"], "Projection": i["projection"]}
             for i in schema["local_secondary_indexes"]]
        ),
    }


def cfn_table_shape(properties: dict) -> dict:
    return {
        "KeySchema": key_set(properties["KeySchema"]),
        "AttributeDefinitions": frozenset(
            (a["AttributeName"], a["AttributeType"]) for a in properties["AttributeDefinitions"]
        ),
        "GlobalSecondaryIndexes": indexes(properties.get("GlobalSecondaryIndexes", [])),
        "LocalSecondaryIndexes": indexes(properties.get("LocalSecondaryIndexes", [])),
    }


def tables(template: dict) -> dict[str, tuple[str, dict]]:
    """TableName -> (logical id, resource) for every DynamoDB table in the template."""
    return {
        resource["Properties"]["TableName"]: (logical_id, resource)
        for logical_id, resource in template["Resources"].items()
        if resource.get("Type") == "AWS::DynamoDB::Table"
    }


def intrinsic_paths(value, path: str = "") -> list[str]:
    """Where a CloudFormation intrinsic function (Ref, Fn::*, Condition) sits inside value."""
    if isinstance(value, dict):
        found = [f"{path}/{key}" for key in value if key == "Ref" or key.startswith("Fn::") or key == "Condition"]
        return found + [p for key, item in value.items() for p in intrinsic_paths(item, f"{path}/{key}")]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in intrinsic_paths(item, f"{path}[{index}]")]
    return []


def validate_boto3_call(operation: str, arguments: dict) -> str:
    """botocore's own check of a cognito-idp call's parameters (names, types, shapes); '' if valid."""
    model = botocore.session.get_session().get_service_model("cognito-idp")
    report = ParamValidator().validate(arguments, model.operation_model(operation).input_shape)
    return report.generate_report() if report.has_errors() else ""


def sub_account(value) -> str:
    """Resolve the one Fn::Sub shape the template uses for physical names: ${AWS::AccountId}."""
    if isinstance(value, dict):
        value = value["Fn::Sub"]
    return value.replace("${AWS::AccountId}", ACCOUNT).replace("${AWS::Region}", REGION)


# ---------------------------------------------------------------- cfn-lint


def test_cfn_lint_finds_no_errors_in_the_merged_template(lint_matches):
    errors = [f"{m.rule.id} {m.path_string}: {m.message}" for m in lint_matches if m.rule.id.startswith("E")]
    assert errors == []


def test_cfn_lint_warnings_are_only_the_accepted_ones(lint_matches):
    warnings = [f"{m.rule.id} {m.path_string}: {m.message}" for m in lint_matches
                if m.rule.id.startswith("W") and m.rule.id not in ACCEPTED_WARNINGS]
    assert warnings == []


def test_every_resource_the_template_overrides_is_one_chalice_emits(source, merged):
    overrides = [logical_id for logical_id, resource in source["Resources"].items() if "Type" not in resource]
    assert overrides, "the template should set the chalice function's environment"
    missing = [logical_id for logical_id in overrides if "Type" not in merged["Resources"][logical_id]]
    assert missing == [], f"chalice package no longer emits {missing}: the merge made half resources"


# ---------------------------------------------------------------- DynamoDB


@pytest.mark.parametrize("base_name", sorted(TABLES))
def test_every_model_has_a_table_with_the_models_keys_and_indexes(merged, base_name):
    model = TABLES[base_name]
    found = tables(merged)
    table_name = f"{TABLE_PREFIX}{base_name}"
    assert table_name in found, f"no AWS::DynamoDB::Table with TableName {table_name} for {model.__name__}"
    _, resource = found[table_name]
    assert cfn_table_shape(resource["Properties"]) == model_table_shape(model)


@pytest.mark.parametrize("base_name", sorted(TABLES))
def test_every_table_keeps_the_models_time_to_live_and_stream_settings(merged, base_name):
    model = TABLES[base_name]
    properties = tables(merged)[f"{TABLE_PREFIX}{base_name}"][1]["Properties"]
    ttl = model._ttl_attribute()
    expected_ttl = {"AttributeName": ttl.attr_name, "Enabled": True} if ttl else None
    assert properties.get("TimeToLiveSpecification") == expected_ttl
    stream_view = getattr(model.Meta, "stream_view_type", None)
    expected_stream = {"StreamViewType": stream_view} if stream_view else None
    assert properties.get("StreamSpecification") == expected_stream


def test_every_table_in_the_template_belongs_to_a_model(merged):
    modelled = {f"{TABLE_PREFIX}{base_name}" for base_name in TABLES}
    assert set(tables(merged)) <= modelled


def test_every_table_is_on_demand_recoverable_encrypted_and_kept_on_delete(merged):
    for table_name, (logical_id, resource) in tables(merged).items():
        properties = resource["Properties"]
        assert properties["BillingMode"] == "PAY_PER_REQUEST", table_name
        assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}, table_name
        assert properties["SSESpecification"]["SSEEnabled"] is True, table_name
        assert resource["DeletionPolicy"] == resource["UpdateReplacePolicy"] == "Retain", logical_id


def test_every_table_name_is_an_output(merged):
    outputs = [output["Value"] for output in merged["Outputs"].values()]
    missing = [logical_id for logical_id, _ in tables(merged).values() if {"Ref": logical_id} not in outputs]
    assert missing == []


def test_the_schema_comparison_understands_range_keys_and_indexes():
    class ByOrganisation(GlobalSecondaryIndex):
        class Meta:
            index_name = "by-organisation"
            projection = IncludeProjection(["display_name", "grade"])

        organisation_id = UnicodeAttribute(hash_key=True)
        updated_at = UnicodeAttribute(range_key=True)

    class ByScore(LocalSecondaryIndex):
        class Meta:
            index_name = "by-score"
            projection = KeysOnlyProjection()

        owner_id = UnicodeAttribute(hash_key=True)
        score = NumberAttribute(range_key=True)

    class Example(Model):
        class Meta:
            table_name = "example"

        owner_id = UnicodeAttribute(hash_key=True)
        item_id = UnicodeAttribute(range_key=True)
        organisation_id = UnicodeAttribute()
        updated_at = UnicodeAttribute()
        score = NumberAttribute()
        by_organisation = ByOrganisation()
        by_score = ByScore()

    cloudformation = {  # deliberately in a different order from the model
        "AttributeDefinitions": [
            {"AttributeName": "score", "AttributeType": "N"},
            {"AttributeName": "updated_at", "AttributeType": "S"},
            {"AttributeName": "item_id", "AttributeType": "S"},
            {"AttributeName": "organisation_id", "AttributeType": "S"},
            {"AttributeName": "owner_id", "AttributeType": "S"},
        ],
        "KeySchema": [{"AttributeName": "item_id", "KeyType": "RANGE"},
                      {"AttributeName": "owner_id", "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": [{
            "IndexName": "by-organisation",
            "KeySchema": [{"AttributeName": "organisation_id", "KeyType": "HASH"},
                          {"AttributeName": "updated_at", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["grade", "display_name"]},
        }],
        "LocalSecondaryIndexes": [{
            "IndexName": "by-score",
            "KeySchema": [{"AttributeName": "owner_id", "KeyType": "HASH"},
                          {"AttributeName": "score", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"},
        }],
    }
    assert cfn_table_shape(cloudformation) == model_table_shape(Example)
    cloudformation["GlobalSecondaryIndexes"][0]["Projection"]["NonKeyAttributes"] = ["grade"]
    assert cfn_table_shape(cloudformation) != model_table_shape(Example)


# ---------------------------------------------------------------- Cognito and the local stack


def test_the_user_pool_properties_the_local_stack_uses_are_plain_literals(source):
    properties = source["Resources"]["UserPool"]["Properties"]
    used = {key: value for key, value in properties.items() if key not in local_stack.POOL_AWS_ONLY}
    assert intrinsic_paths(used) == []


def test_the_user_pool_client_properties_the_local_stack_uses_are_plain_literals(source):
    properties = source["Resources"]["UserPoolClient"]["Properties"]
    used = {key: value for key, value in properties.items() if key not in local_stack.CLIENT_AWS_ONLY}
    assert intrinsic_paths(used) == []


def test_the_admins_group_properties_the_local_stack_uses_are_plain_literals(source):
    properties = source["Resources"]["AdminsGroup"]["Properties"]
    assert properties["GroupName"] == "admins"
    used = {key: value for key, value in properties.items() if key != "UserPoolId"}
    assert intrinsic_paths(used) == []


def test_the_local_stack_builds_valid_boto3_calls_from_the_template():
    pool = local_stack.user_pool_arguments("mentor-match-local")
    client = local_stack.client_arguments("eu-west-2_example")
    group = local_stack.template_properties("AdminsGroup")
    group_call = {"UserPoolId": "eu-west-2_example", "GroupName": group["GroupName"],
                  "Description": group.get("Description", "")}
    assert validate_boto3_call("CreateUserPool", pool) == ""
    assert validate_boto3_call("CreateUserPoolClient", client) == ""
    assert validate_boto3_call("CreateGroup", group_call) == ""


def test_the_site_client_has_no_secret_and_signs_in_with_password_or_linkedin(merged):
    client = merged["Resources"]["UserPoolClient"]["Properties"]
    assert client["GenerateSecret"] is False
    assert set(client["ExplicitAuthFlows"]) == {
        "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"}
    assert {"Ref": "LinkedInIdentityProvider"} in client["SupportedIdentityProviders"]
    provider = merged["Resources"]["LinkedInIdentityProvider"]["Properties"]
    assert provider["ProviderName"] == "LinkedIn"
    assert provider["ProviderType"] == "OIDC"
    for secret in ("LinkedInClientId", "LinkedInClientSecret"):
        assert merged["Parameters"][secret]["NoEcho"] is True
        assert "Default" not in merged["Parameters"][secret]


def test_linkedin_is_openid_connect_with_the_verified_email_and_name_mapped_and_writable_by_the_client(merged):
    provider = merged["Resources"]["LinkedInIdentityProvider"]["Properties"]
    assert provider["ProviderDetails"]["oidc_issuer"] == "https://www.linkedin.com/oauth"
    assert provider["ProviderDetails"]["authorize_scopes"] == "openid profile email"
    mapped = {"email", "email_verified", "name", "given_name", "family_name", "picture"}
    assert provider["AttributeMapping"] == {name: name for name in mapped}
    client = merged["Resources"]["UserPoolClient"]["Properties"]
    # Cognito refuses a federated sign-in when the client cannot write an attribute the provider maps.
    assert mapped <= set(client["WriteAttributes"]) and mapped <= set(client["ReadAttributes"])
    assert client["AllowedOAuthFlows"] == ["code"] and client["AllowedOAuthFlowsUserPoolClient"] is True
    assert {"Fn::Sub": "${SiteUrl}/auth/callback"} in client["CallbackURLs"]
    assert {"Fn::Sub": "${SiteUrl}/sign-out"} in client["LogoutURLs"]
    api_environment = merged["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert "UserPoolDomain" in api_environment["HOSTED_UI_URL"]["Fn::Sub"]


# ---------------------------------------------------------------- API Gateway and Lambda


def test_api_gateway_errors_have_the_apis_json_error_shape(merged):
    body = merged["Resources"]["RestAPI"]["Properties"]["DefinitionBody"]
    responses = body["x-amazon-apigateway-gateway-responses"]
    assert set(GATEWAY_RESPONSES) <= set(responses)
    for response_type, response in responses.items():
        template = response["responseTemplates"]["application/json"]
        rendered = template.replace("$context.error.messageString", json.dumps("Some API Gateway message"))
        error = json.loads(rendered)["error"]
        assert set(error) == {"code", "message"}, response_type
        assert error["code"] and error["message"], response_type
    assert responses["UNAUTHORIZED"]["statusCode"] == "401"
    assert json.loads(responses["UNAUTHORIZED"]["responseTemplates"]["application/json"])["error"]["code"] \
        == "unauthorised"


def test_gateway_responses_are_not_separate_resources_that_sam_would_drop(merged):
    # SAM re-imports the API body in "overwrite" mode on every change, which removes gateway
    # responses made by separate AWS::ApiGateway::GatewayResponse resources (see infra/README.md).
    separate = [logical_id for logical_id, resource in merged["Resources"].items()
                if resource.get("Type") == "AWS::ApiGateway::GatewayResponse"]
    assert separate == []


def test_the_functions_are_told_their_tables_user_pool_client_and_snapshot_bucket(source, merged):
    api = merged["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert api["TABLE_PREFIX"] == TABLE_PREFIX
    assert api["COGNITO_USER_POOL_ID"] == {"Ref": "UserPool"}
    assert api["COGNITO_CLIENT_ID"] == {"Ref": "UserPoolClient"}
    assert api["SNAPSHOT_BUCKET"] == {"Ref": "SnapshotBucket"}
    assert api["MENTOR_MATCH_STAGE"] == "prod"  # chalice's own stage variables survive the merge
    authorizer = merged["Resources"]["Bearer"]["Properties"]["Environment"]["Variables"]
    assert authorizer["COGNITO_USER_POOL_ID"] == {"Ref": "UserPool"}
    assert authorizer["COGNITO_CLIENT_ID"] == {"Ref": "UserPoolClient"}
    settings_source = SETTINGS_SOURCE.read_text()
    ours = [name for function in ("APIHandler", "Bearer")
            for name in source["Resources"][function]["Properties"]["Environment"]["Variables"]]
    unread = [name for name in ours if f'"{name}"' not in settings_source]
    assert unread == [], "infra/template.json sets variables that chalicelib/settings.py never reads"


def test_the_site_and_the_api_share_one_cloudfront_origin(merged):
    config = merged["Resources"]["SiteDistribution"]["Properties"]["DistributionConfig"]
    api_behaviours = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    assert len(api_behaviours) == 1
    origins = {origin["Id"]: origin for origin in config["Origins"]}
    api_origin = origins[api_behaviours[0]["TargetOriginId"]]
    assert api_origin["DomainName"] == {"Fn::Sub": "${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}"}
    assert merged["Resources"]["RestAPI"]["Properties"]["StageName"] == "api"  # /api/x -> stage api, /x
    site_origin = origins[config["DefaultCacheBehavior"]["TargetOriginId"]]
    assert site_origin["OriginAccessControlId"] == {"Fn::GetAtt": ["SiteOriginAccessControl", "Id"]}
    assert "CustomErrorResponses" not in config, "they would replace the API's JSON 403/404 replies too"


@pytest.mark.parametrize("name,region", [("edge.json", "us-east-1"), ("bootstrap.json", "eu-west-2")])
def test_cfn_lint_finds_nothing_in_the_stacks_make_deploy_adds(name, region):
    matches = lint_file(REPO / "infra" / name, ManualArgs(regions=[region]))
    assert [f"{m.rule.id} {m.path_string}: {m.message}" for m in matches] == []


def test_the_web_acl_is_on_cloudfront_with_managed_rules_and_a_rate_limit():
    acl = json.loads((REPO / "infra" / "edge.json").read_text())["Resources"]["WebAcl"]["Properties"]
    assert acl["Scope"] == "CLOUDFRONT" and acl["DefaultAction"] == {"Allow": {}}
    groups = {r["Statement"]["ManagedRuleGroupStatement"]["Name"] for r in acl["Rules"]
              if "ManagedRuleGroupStatement" in r["Statement"]}
    assert groups == {"AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"}
    assert any("RateBasedStatement" in r["Statement"] and r["Action"] == {"Block": {}} for r in acl["Rules"])


def test_cloudfront_carries_the_web_acl_the_csp_and_the_origin_secret_and_logs_no_cookies(merged):
    config = merged["Resources"]["SiteDistribution"]["Properties"]["DistributionConfig"]
    assert config["WebACLId"] == {"Fn::If": ["HasWebAcl", {"Ref": "WebAclArn"}, {"Ref": "AWS::NoValue"}]}
    assert config["Logging"]["IncludeCookies"] is False  # the session cookie holds a refresh token
    behaviours = [config["DefaultCacheBehavior"], *config["CacheBehaviors"]]
    assert all(b["ResponseHeadersPolicyId"] == {"Ref": "SiteResponseHeadersPolicy"} for b in behaviours)
    api = next(o for o in config["Origins"] if o["Id"] == "api-gateway")
    assert api["OriginCustomHeaders"] == [{"HeaderName": "X-Origin-Verify", "HeaderValue": {"Ref": "OriginVerifySecret"}}]
    assert merged["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]["ORIGIN_VERIFY_SECRET"] == {
        "Ref": "OriginVerifySecret"}
    assert merged["Parameters"]["OriginVerifySecret"]["NoEcho"] is True


def test_the_api_stage_is_throttled_and_logs_access(merged):
    api = merged["Resources"]["RestAPI"]["Properties"]
    (settings,) = api["MethodSettings"]
    assert settings["ResourcePath"] == "/*" and settings["HttpMethod"] == "*"
    assert settings["ThrottlingRateLimit"] == {"Ref": "ApiRateLimit"}
    assert settings["ThrottlingBurstLimit"] == {"Ref": "ApiBurstLimit"}
    assert api["AccessLogSetting"]["DestinationArn"] == {"Fn::GetAtt": ["ApiAccessLogGroup", "Arn"]}
    assert "$context.requestId" in api["AccessLogSetting"]["Format"]


def test_every_log_group_has_a_retention(merged):
    groups = [r for r in merged["Resources"].values() if r["Type"] == "AWS::Logs::LogGroup"]
    assert groups and all(g["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"} for g in groups)


def test_administrators_need_totp_and_threat_protection_is_a_parameter_that_moves_the_pool_to_plus(merged):
    pool = merged["Resources"]["UserPool"]["Properties"]
    assert pool["MfaConfiguration"] == "OPTIONAL" and pool["EnabledMfas"] == ["SOFTWARE_TOKEN_MFA"]
    assert pool["UserPoolTier"] == {"Fn::If": ["ThreatProtectionOn", "PLUS", "LITE"]}
    assert merged["Parameters"]["ThreatProtection"]["Default"] == "OFF"
    assert merged["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]["ADMIN_MFA_REQUIRED"] == "true"
    client = merged["Resources"]["UserPoolClient"]["Properties"]
    assert client["EnableTokenRevocation"] is True  # DELETE /session revokes the refresh token


# ---------------------------------------------------------------- the sharded recompute

RECOMPUTE_FUNCTIONS = ("Recompute", "RecomputePrepare", "RecomputeShard", "RecomputePublish")


def state_machine_definition(merged: dict) -> dict:
    text, substitutions = merged["Resources"]["RecomputeStateMachine"]["Properties"]["DefinitionString"]["Fn::Sub"]
    assert set(substitutions) == {"MaxConcurrency"}
    return json.loads(text.replace("${MaxConcurrency}", "10"))


def test_every_recompute_step_runs_in_the_numba_image_with_a_whole_lambda(merged):
    for name in RECOMPUTE_FUNCTIONS:
        properties = merged["Resources"][name]["Properties"]
        assert properties["PackageType"] == "Image", name
        assert properties["ImageUri"] == {"Ref": "RecomputeImageUri"}, name
        assert (properties["MemorySize"], properties["Timeout"]) == (10240, 900), name
        assert properties["Environment"]["Variables"]["SNAPSHOT_BUCKET"] == {"Ref": "SnapshotBucket"}, name


def test_the_state_machine_maps_shards_with_bounded_concurrency_and_retries_then_publishes(merged):
    definition = state_machine_definition(merged)
    states = definition["States"]
    assert definition["StartAt"] == "Prepare" and states["Prepare"]["Next"] == "Shards"
    shards = states["Shards"]
    assert shards["Type"] == "Map" and shards["MaxConcurrency"] == 10 and shards["Next"] == "Publish"
    shard = shards["ItemProcessor"]["States"]["Shard"]
    assert shard["Parameters"]["FunctionName"] == "${RecomputeShard.Arn}"
    assert any("States.ALL" in rule["ErrorEquals"] for rule in shard["Retry"])
    assert "Catch" not in shards, "a failed shard must fail the run, so that nothing is published"
    assert states["Publish"]["Parameters"]["FunctionName"] == "${RecomputePublish.Arn}"
    assert states["Publish"]["End"] is True


def test_the_sizes_that_shard_default_alike_in_the_template_the_settings_and_the_bench(monkeypatch):
    """A deployment, `make recompute` and `make bench` switch to the sharded path at the same size, with
    shards of the same size, as often, unless someone sets them."""
    from bench import sharded
    from chalicelib.settings import Settings

    for name in ("RECOMPUTE_SHARD_FROM", "RECOMPUTE_PEOPLE_PER_SHARD", "RECOMPUTE_SHARDED_EVERY_HOURS"):
        monkeypatch.delenv(name, raising=False)
    parameters = json.loads(TEMPLATE.read_text())["Parameters"]
    assert parameters["RecomputeShardFrom"]["Default"] == Settings.recompute_shard_from == sharded.sharded_from()
    assert parameters["RecomputePeoplePerShard"]["Default"] == Settings.recompute_people_per_shard \
        == sharded.people_per_shard()
    assert int(parameters["RecomputeShardedEveryHours"]["Default"]) == Settings.recompute_sharded_every_hours \
        == sharded.every_hours() == 1
    monkeypatch.setenv("RECOMPUTE_SHARD_FROM", "5000")
    assert sharded.sharded_from() == 5000


def test_sharded_runs_every_few_hours_keep_the_missed_run_alarm_one_hour_behind(merged):
    """A deployment may start the sharded recompute less often than hourly; the alarm for a missed
    run then waits for that many hours and one more."""
    parameter = merged["Parameters"]["RecomputeShardedEveryHours"]
    allowed = [int(value) for value in parameter["AllowedValues"]]
    assert all(24 % hours == 0 for hours in allowed), "a run at UTC hours divisible by it: even gaps"
    after = merged["Mappings"]["RecomputeMissedAfter"]
    assert {int(hours): row["Hours"] for hours, row in after.items()} == {hours: hours + 1 for hours in allowed}
    alarm = merged["Resources"]["RecomputeMissedAlarm"]["Properties"]
    wait = {"Fn::FindInMap": ["RecomputeMissedAfter", {"Ref": "RecomputeShardedEveryHours"}, "Hours"]}
    assert (alarm["Period"], alarm["EvaluationPeriods"], alarm["DatapointsToAlarm"]) == (3600, wait, wait)
    assert max(after[str(hours)]["Hours"] for hours in allowed) * alarm["Period"] <= 86_400  # CloudWatch's limit
    variables = merged["Resources"]["Recompute"]["Properties"]["Environment"]["Variables"]
    assert variables["RECOMPUTE_SHARDED_EVERY_HOURS"] == {"Ref": "RecomputeShardedEveryHours"}


def test_the_schedule_is_told_the_state_machine_and_the_size_that_shards(merged):
    variables = merged["Resources"]["Recompute"]["Properties"]["Environment"]["Variables"]
    assert variables["RECOMPUTE_STATE_MACHINE_ARN"] == {"Ref": "RecomputeStateMachine"}
    assert variables["RECOMPUTE_SHARD_FROM"] == {"Ref": "RecomputeShardFrom"}
    settings_source = SETTINGS_SOURCE.read_text()
    told = {name for function in RECOMPUTE_FUNCTIONS
            for name in merged["Resources"][function]["Properties"]["Environment"]["Variables"]}
    unread = [name for name in told if f'"{name}"' not in settings_source
              and name not in ("NUMBA_CPU_NAME", "LOG_LEVEL", "MENTOR_MATCH_STAGE")]  # numba reads NUMBA_CPU_NAME itself
    assert unread == [], "the template sets variables that chalicelib/settings.py never reads"


def test_the_hourly_schedule_invokes_the_recompute_that_starts_the_state_machine(merged):
    # EventBridge invokes Recompute every hour; Recompute starts the state machine from RecomputeShardFrom
    # people (tests/integration/infra/test_least_privilege.py runs that path on moto's Step Functions).
    events = merged["Resources"]["Recompute"]["Properties"]["Events"]
    assert [e["Properties"]["Schedule"] for e in events.values() if e["Type"] == "Schedule"] == ["rate(1 hour)"]
    statements = merged["Resources"]["RecomputeRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    starts = [s for s in statements if "states:StartExecution" in s["Action"]]
    assert [s["Resource"] for s in starts] == [{"Ref": "RecomputeStateMachine"}]
    assert "RecomputeRunsPolicy" not in merged["Resources"], "each step's role is its own (test_least_privilege)"


def test_the_hourly_digests_keep_a_day_of_old_versions_and_snapshots_thirty_days(source, monkeypatch):
    from chalicelib.adapters.s3_snapshots import S3SnapshotStore
    from chalicelib.settings import load_settings

    monkeypatch.delenv("SNAPSHOT_KEY", raising=False)  # the template sets none: the default key
    key = load_settings().snapshot_key
    digests_key = S3SnapshotStore(None, "bucket", key)._digests_key  # type: ignore[arg-type]
    rules = source["Resources"]["SnapshotBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]
    whole_bucket = [rule for rule in rules if "Prefix" not in rule and "Filter" not in rule]
    assert [rule["NoncurrentVersionExpiration"]["NoncurrentDays"] for rule in whole_bucket] == [30]
    # The digests carry the last run's ranked lists (~200 MB at 520,000 people) and are rewritten hourly.
    digests = [rule for rule in rules if digests_key.startswith(rule.get("Prefix", "\0"))]
    assert [rule["NoncurrentVersionExpiration"]["NoncurrentDays"] for rule in digests] == [1]
    assert not key.startswith(digests[0]["Prefix"])  # the snapshot the API reads keeps its 30 days
