"""make deploy / make destroy: the steps, in order, and the pure parts (no AWS here: --dry-run)."""

import pytest

from infra import deploy


def test_a_dry_run_deploy_makes_the_stacks_image_package_and_site_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(deploy, "git_sha", lambda: "abc123")
    parameters = tmp_path / "prod.json"
    parameters.write_text('{"SiteUrl": "https://mentor-match.example.gov.uk"}')
    plan = deploy.run(["deploy", "--stage", "prod", "--parameters", str(parameters), "--dry-run"])
    kinds = [step.split(" ")[0] for step in plan.steps]
    assert kinds == ["bootstrap", "edge", "recompute", "chalice", "upload", "main", "site:"]
    assert "us-east-1" in plan.steps[1]  # CloudFront's web ACLs live there
    assert plan.steps[2].endswith("(docker build + push, skipped when the tag exists)") and ":abc123 " in plan.steps[2]


def test_a_dry_run_destroy_deletes_the_stacks_and_says_what_data_is_kept():
    plan = deploy.run(["destroy", "--stage", "prod", "--dry-run"])
    assert [s for s in plan.steps if s.startswith("delete stack")] == [
        "delete stack mentor-match-prod in eu-west-2", "delete stack mentor-match-prod-edge in us-east-1",
        "delete stack mentor-match-prod-bootstrap in eu-west-2"]
    assert "DynamoDB table" in plan.steps[-1] and "user pool" in plan.steps[-1]


def test_only_the_packaged_stage_can_be_deployed():
    with pytest.raises(SystemExit, match="Only the prod stage"):
        deploy.run(["deploy", "--stage", "test", "--dry-run"])


GIVEN = {"SiteUrl": "https://mm.example.gov.uk", "EmailSenderIdentity": "mm.example.gov.uk",
         "EmailFrom": "no-reply@mm.example.gov.uk", "LinkedInClientId": "id", "LinkedInClientSecret": "secret",
         "HelpEmail": "mentor-match-help@example.gov.uk"}


def test_the_origin_secret_is_made_on_the_first_deployment_and_kept_after():
    first = {p["ParameterKey"]: p for p in deploy.main_parameters(GIVEN, "arn:acl", "repo:tag", stack_exists=False)}
    assert len(first["OriginVerifySecret"]["ParameterValue"]) >= 48
    again = {p["ParameterKey"]: p for p in deploy.main_parameters(GIVEN, "arn:acl", "repo:tag", stack_exists=True)}
    assert again["OriginVerifySecret"] == {"ParameterKey": "OriginVerifySecret", "UsePreviousValue": True}
    assert again["WebAclArn"]["ParameterValue"] == "arn:acl" and again["RecomputeImageUri"]["ParameterValue"] == "repo:tag"


def test_a_missing_parameter_is_named():
    with pytest.raises(SystemExit, match="EmailFrom"):
        deploy.main_parameters({k: v for k, v in GIVEN.items() if k != "EmailFrom"}, "", "", False)
    with pytest.raises(SystemExit, match="HelpEmail"):  # the Get help page needs a real contact route
        deploy.main_parameters({k: v for k, v in GIVEN.items() if k != "HelpEmail"}, "", "", False)


def test_only_zip_functions_are_pointed_at_the_uploaded_package():
    template = {"Resources": {
        "APIHandler": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "./deployment.zip"}},
        "Recompute": {"Type": "AWS::Serverless::Function", "Properties": {"PackageType": "Image"}},
        "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {}}}}
    assert deploy.point_code_at(template, "bucket", "lambda/x.zip") == 1
    assert template["Resources"]["APIHandler"]["Properties"]["CodeUri"] == "s3://bucket/lambda/x.zip"
    assert "CodeUri" not in template["Resources"]["Recompute"]["Properties"]


def test_pages_and_config_are_never_cached_and_assets_are(tmp_path):
    assert deploy.content_headers(tmp_path / "index.html")["CacheControl"] == "no-cache"
    assert deploy.content_headers(tmp_path / "config.json")["CacheControl"] == "no-cache"
    assert deploy.content_headers(tmp_path / "app.css") == {"ContentType": "text/css",
                                                             "CacheControl": "public, max-age=3600"}


def test_the_sites_config_comes_from_the_stacks_outputs():
    outputs = {"UserPoolId": "eu-west-2_x", "UserPoolClientId": "c", "HostedUiUrl": "https://mm.auth.eu-west-2.amazoncognito.com",
               "OAuthRedirectUri": "https://mm.example.gov.uk/auth/callback",
               "OAuthSignOutUri": "https://mm.example.gov.uk/sign-out", "HelpEmail": "help@mm.example.gov.uk",
               "HelpPhone": "", "HelpHours": "Monday to Friday"}
    config = deploy.site_config(outputs, "eu-west-2")
    assert config["help"] == {"email": "help@mm.example.gov.uk", "phone": "", "hours": "Monday to Friday"}
    assert config["apiUrl"] == "/api" and config["userPoolId"] == "eu-west-2_x" and "cognitoEndpoint" not in config
    assert config["oauth"]["authority"] == "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_x"
    assert config["oauth"]["domain"] == outputs["HostedUiUrl"] and config["oauth"]["enabled"] is True
