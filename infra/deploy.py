"""Deploy Mentor Match to AWS, or take it down: `make deploy STAGE=prod`, `make destroy STAGE=prod`.

    python -m infra.deploy deploy  --stage prod --parameters ../prod-parameters.json [--dry-run]
    python -m infra.deploy destroy --stage prod [--dry-run]

Deploy, in order (README.md, "Running it on AWS", says what each needs):
1. bootstrap stack in the stage's region (infra/bootstrap.json): artifacts bucket, ECR repository;
2. edge stack in us-east-1 (infra/edge.json): the CloudFront web ACL -> WebAclArn;
3. the recompute image (infra/recompute/Dockerfile), built and pushed once per commit (docker);
4. `chalice package` (make package), the Lambda zip uploaded, the template's CodeUri pointed at it;
5. the main stack, through a change set (SAM transform), with the parameters file's values plus
   WebAclArn, RecomputeImageUri and OriginVerifySecret (made on the first deployment, then kept);
6. the site: frontend/dist and /config.json (from the stack's outputs) to the site bucket, then a
   CloudFront invalidation.
Destroy deletes the main, edge and bootstrap stacks. What holds people's data is kept (tables,
user pool, snapshot and log buckets: DeletionPolicy Retain); the script says what remains.

The parameters file is JSON {"SiteUrl": ..., "EmailSenderIdentity": ..., ...}; keep it outside the
repository (it holds the LinkedIn client secret). Credentials come from the usual AWS variables.
"""

import argparse
import hashlib
import json
import mimetypes
import secrets
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BUILD = REPO / "build"
SITE = REPO / "frontend" / "dist"
EDGE_REGION = "us-east-1"
REQUIRED = ("SiteUrl", "EmailSenderIdentity", "EmailFrom", "LinkedInClientId", "LinkedInClientSecret", "HelpEmail")
NO_CACHE = ("text/html", "application/json")


@dataclass
class Plan:
    """What a run does (printed by --dry-run) and the AWS calls it makes when not dry."""

    dry_run: bool
    steps: list[str] = field(default_factory=list)

    def step(self, text: str, action: Callable[[], Any] | None = None) -> Any:
        self.steps.append(text)
        print(("[dry run] " if self.dry_run else "") + text, flush=True)
        return None if self.dry_run or action is None else action()


def stack_names(stage: str) -> dict[str, str]:
    return {"bootstrap": f"mentor-match-{stage}-bootstrap", "edge": f"mentor-match-{stage}-edge",
            "main": f"mentor-match-{stage}"}


def main_parameters(given: dict[str, str], web_acl_arn: str, image_uri: str, stack_exists: bool) -> list[dict]:
    """CloudFormation parameters of the main stack: OriginVerifySecret is made once, then kept."""
    missing = [name for name in REQUIRED if not given.get(name)]
    if missing:
        raise SystemExit(f"The parameters file must set {', '.join(missing)} (README.md, Running it on AWS).")
    values = {**given, "WebAclArn": web_acl_arn, "RecomputeImageUri": image_uri}
    parameters = [{"ParameterKey": key, "ParameterValue": str(value)} for key, value in sorted(values.items())]
    if stack_exists:
        parameters.append({"ParameterKey": "OriginVerifySecret", "UsePreviousValue": True})
    else:
        parameters.append({"ParameterKey": "OriginVerifySecret", "ParameterValue": secrets.token_urlsafe(48)})
    return parameters


def point_code_at(template: dict, bucket: str, key: str) -> int:
    """Every zip function's CodeUri -> the uploaded package; returns how many were changed."""
    changed = 0
    for resource in template["Resources"].values():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function" and properties.get("CodeUri") == "./deployment.zip":
            properties["CodeUri"] = f"s3://{bucket}/{key}"
            changed += 1
    return changed


def content_headers(path: Path) -> dict[str, str]:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    cache = "no-cache" if kind in NO_CACHE else "public, max-age=3600"
    return {"ContentType": kind, "CacheControl": cache}


def site_config(outputs: dict[str, str], region: str) -> dict[str, Any]:
    """/config.json for the site, from the main stack's outputs (its "oauth" as infra/README.md describes)."""
    return {"apiUrl": "/api", "region": region, "userPoolId": outputs["UserPoolId"],
            "userPoolClientId": outputs["UserPoolClientId"],
            "oauth": {"enabled": True, "authority": f"https://cognito-idp.{region}.amazonaws.com/{outputs['UserPoolId']}",
                      "domain": outputs["HostedUiUrl"], "clientId": outputs["UserPoolClientId"],
                      "redirectUri": outputs["OAuthRedirectUri"], "signOutUri": outputs["OAuthSignOutUri"],
                      "identityProvider": "LinkedIn", "scope": "openid email profile"},
            # the "Get help" contact route administrators set (the HelpEmail, HelpPhone, HelpHours parameters)
            "help": {"email": outputs["HelpEmail"], "phone": outputs.get("HelpPhone", ""),
                     "hours": outputs.get("HelpHours", "")}}


def git_sha() -> str:
    return subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def site_files(root: Path) -> Iterable[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


class Aws:
    """The few AWS calls deploy makes (boto3 made lazily, so --dry-run needs no credentials)."""

    def __init__(self, region: str):
        import boto3

        self.session, self.region = boto3.session.Session(region_name=region), region

    def client(self, service: str, region: str | None = None) -> Any:
        return self.session.client(service, region_name=region or self.region)

    def stack_outputs(self, name: str, region: str | None = None) -> dict[str, str] | None:
        try:
            stack = self.client("cloudformation", region).describe_stacks(StackName=name)["Stacks"][0]
        except self.client("cloudformation", region).exceptions.ClientError:
            return None
        if stack["StackStatus"] == "REVIEW_IN_PROGRESS":
            return None
        return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}

    def deploy_stack(self, name: str, template_url_or_body: dict[str, str], parameters: list[dict],
                     region: str | None = None) -> dict[str, str]:
        """Create or update through a change set (works for SAM templates too); returns the outputs."""
        cfn = self.client("cloudformation", region)
        exists = self.stack_outputs(name, region) is not None
        change_set = f"deploy-{secrets.token_hex(4)}"
        cfn.create_change_set(StackName=name, ChangeSetName=change_set, ChangeSetType="UPDATE" if exists else "CREATE",
                              Parameters=parameters, **template_url_or_body,
                              Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
        try:
            cfn.get_waiter("change_set_create_complete").wait(StackName=name, ChangeSetName=change_set)
        except Exception:
            reason = cfn.describe_change_set(StackName=name, ChangeSetName=change_set).get("StatusReason", "")
            if "didn't contain changes" in reason or "No updates" in reason:
                cfn.delete_change_set(StackName=name, ChangeSetName=change_set)
                return self.stack_outputs(name, region) or {}
            raise
        cfn.execute_change_set(StackName=name, ChangeSetName=change_set)
        waiter = "stack_update_complete" if exists else "stack_create_complete"
        cfn.get_waiter(waiter).wait(StackName=name, WaiterConfig={"Delay": 15, "MaxAttempts": 240})
        return self.stack_outputs(name, region) or {}


def deploy(stage: str, region: str, parameters_file: Path | None, plan: Plan) -> None:
    names = stack_names(stage)
    given = json.loads(parameters_file.read_text()) if parameters_file else {}
    aws = None if plan.dry_run else Aws(region)
    boot = plan.step(f"bootstrap stack {names['bootstrap']} in {region} (infra/bootstrap.json)", aws and (
        lambda: aws.deploy_stack(names["bootstrap"], {"TemplateBody": (REPO / "infra/bootstrap.json").read_text()},
                                 [{"ParameterKey": "Stage", "ParameterValue": stage}])))
    edge = plan.step(f"edge stack {names['edge']} in {EDGE_REGION}: the web ACL (infra/edge.json)", aws and (
        lambda: aws.deploy_stack(names["edge"], {"TemplateBody": (REPO / "infra/edge.json").read_text()},
                                 [{"ParameterKey": "Stage", "ParameterValue": stage}], EDGE_REGION)))
    boot, edge = boot or {"ArtifactsBucketName": "<artifacts>", "RecomputeRepositoryUri": "<repo>"}, edge or {
        "WebAclArn": "<web acl>"}
    image = f"{boot['RecomputeRepositoryUri']}:{git_sha()}"
    plan.step(f"recompute image {image} (docker build + push, skipped when the tag exists)",
              aws and (lambda: push_image(aws, image)))
    plan.step("chalice package --stage prod --merge-template infra/template.json build/",
              lambda: subprocess.run(["make", "package"], cwd=REPO, check=True))
    key = f"lambda/{sha256_of(BUILD / 'deployment.zip')}.zip" if (BUILD / "deployment.zip").exists() else "lambda/<sha>.zip"
    plan.step(f"upload build/deployment.zip to s3://{boot['ArtifactsBucketName']}/{key}; CodeUri points there",
              aws and (lambda: aws.client("s3").upload_file(str(BUILD / "deployment.zip"), boot["ArtifactsBucketName"], key)))
    outputs = plan.step(f"main stack {names['main']} in {region} (change set, SAM transform)", aws and (
        lambda: deploy_main(aws, names["main"], boot["ArtifactsBucketName"], key, given, edge["WebAclArn"], image)))
    plan.step("site: make site, frontend/dist and /config.json to the site bucket, CloudFront invalidation",
              aws and (lambda: publish_site(aws, outputs or {}, region)))


def deploy_main(aws: Aws, name: str, bucket: str, key: str, given: dict[str, str], web_acl: str, image: str) -> dict:
    template = json.loads((BUILD / "sam.json").read_text())
    if point_code_at(template, bucket, key) == 0:
        raise SystemExit("build/sam.json has no zip function to point at the package: has chalice changed?")
    body_key = f"templates/{name}-{secrets.token_hex(6)}.json"
    aws.client("s3").put_object(Bucket=bucket, Key=body_key, Body=json.dumps(template).encode())
    url = f"https://{bucket}.s3.{aws.region}.amazonaws.com/{body_key}"
    exists = aws.stack_outputs(name) is not None
    return aws.deploy_stack(name, {"TemplateURL": url}, main_parameters(given, web_acl, image, exists))


def push_image(aws: Aws, image: str) -> None:
    import base64

    repository, tag = image.rsplit(":", 1)
    ecr = aws.client("ecr")
    found = ecr.batch_get_image(repositoryName=repository.split("/", 1)[1], imageIds=[{"imageTag": tag}])["images"]
    if found:
        return
    token = ecr.get_authorization_token()["authorizationData"][0]
    user, password = base64.b64decode(token["authorizationToken"]).decode().split(":", 1)
    subprocess.run(["docker", "login", "--username", user, "--password-stdin", token["proxyEndpoint"]],
                   input=password, text=True, check=True)
    subprocess.run(["docker", "build", "--platform", "linux/amd64", "-f", "infra/recompute/Dockerfile", "-t", image, "."],
                   cwd=REPO, check=True)
    subprocess.run(["docker", "push", image], check=True)


def publish_site(aws: Aws, outputs: dict[str, str], region: str) -> None:
    subprocess.run(["make", "site"], cwd=REPO, check=True)
    s3, bucket = aws.client("s3"), outputs["SiteBucketName"]
    wanted = {str(path.relative_to(SITE)).replace("\\", "/"): path for path in site_files(SITE)}
    for key, path in wanted.items():
        s3.upload_file(str(path), bucket, key, ExtraArgs=content_headers(path))
    s3.put_object(Bucket=bucket, Key="config.json", Body=json.dumps(site_config(outputs, region)).encode(),
                  ContentType="application/json", CacheControl="no-cache")
    stale = [o["Key"] for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
             for o in page.get("Contents", []) if o["Key"] not in wanted and o["Key"] != "config.json"]
    for start in range(0, len(stale), 1000):
        s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in stale[start:start + 1000]]})
    aws.client("cloudfront").create_invalidation(
        DistributionId=outputs["DistributionId"],
        InvalidationBatch={"Paths": {"Quantity": 1, "Items": ["/*"]}, "CallerReference": secrets.token_hex(8)})


def destroy(stage: str, region: str, plan: Plan) -> None:
    names = stack_names(stage)
    aws = None if plan.dry_run else Aws(region)
    outputs = (aws.stack_outputs(names["main"]) if aws else None) or {}
    plan.step("empty the site bucket (only the built site: it is rebuilt by deploy)",
              aws and outputs.get("SiteBucketName") and (lambda: empty_bucket(aws, outputs["SiteBucketName"])))
    for which, where in (("main", region), ("edge", EDGE_REGION), ("bootstrap", region)):
        plan.step(f"delete stack {names[which]} in {where}", aws and (lambda n=names[which], r=where: delete_stack(aws, n, r)))
    plan.step("kept (DeletionPolicy Retain; delete by hand only when the data may go): every DynamoDB table "
              "(deletion protection on), the user pool (deletion protection on), the snapshot bucket, the site "
              "and CloudFront log buckets")


def empty_bucket(aws: Aws, bucket: str) -> None:
    s3 = aws.client("s3")
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
        objects = [{"Key": v["Key"], "VersionId": v["VersionId"]}
                   for v in page.get("Versions", []) + page.get("DeleteMarkers", [])]
        if objects:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": objects})


def delete_stack(aws: Aws, name: str, region: str) -> None:
    cfn = aws.client("cloudformation", region)
    cfn.delete_stack(StackName=name)
    cfn.get_waiter("stack_delete_complete").wait(StackName=name, WaiterConfig={"Delay": 15, "MaxAttempts": 240})


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m infra.deploy", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("deploy", "destroy"))
    parser.add_argument("--stage", default="prod")
    parser.add_argument("--region", default="eu-west-2")
    parser.add_argument("--parameters", type=Path, help="JSON file of the main stack's parameters (deploy)")
    parser.add_argument("--dry-run", action="store_true", help="print the steps, call nothing")
    return parser.parse_args(argv)


def run(argv: list[str]) -> Plan:
    args = parse_args(argv)
    if args.stage != "prod":
        raise SystemExit("Only the prod stage is packaged (infra/template.json names its resources "
                         "mentor-match-prod-*); a second stage belongs in its own AWS account with STAGE=prod.")
    plan = Plan(dry_run=args.dry_run)
    if args.action == "deploy":
        if not args.dry_run and args.parameters is None:
            raise SystemExit("deploy needs --parameters FILE (make deploy STAGE=prod PARAMETERS=FILE)")
        deploy(args.stage, args.region, args.parameters, plan)
    else:
        destroy(args.stage, args.region, plan)
    return plan


if __name__ == "__main__":
    run(sys.argv[1:])
