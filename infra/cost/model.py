"""The running-cost model: measured journeys x stated behaviour x published prices, per service.

Pure: every input is passed in (prices-eu-west-2.json, measured.json, assumptions.json, facts read
from the packaged template), so it is testable and `make cost` only prints it. A ``Design`` names
the choices the model was used to make (and can show the way they were before).
"""

import math
from dataclasses import dataclass, field
from typing import Any

from chalicelib.matching.ranking import NUMPY_BELOW

HOURS = 720


@dataclass(frozen=True)
class Design:
    cognito_plan: str = "LITE"  # LITE | ESSENTIALS (Cognito's default for new pools) | PLUS (threat protection)
    edge: str = "cheapest"  # payg (WAF + CloudFront billed apart) | cheapest (or a CloudFront flat-rate plan)
    kernel_cache: bool = True  # the recompute image carries the compiled kernel
    api: str = "REST"  # REST (what Chalice makes) | HTTP
    linkedin_federated: bool = True  # LinkedIn through Cognito's OIDC federation (federated MAUs)
    free_tier: bool = True  # the always-free tiers of a dedicated account


@dataclass(frozen=True)
class TemplateFacts:
    """What the packaged template makes that bills by the month."""

    alarm_metrics: int
    dashboards: int
    custom_metrics: int
    waf_rules: int
    tables: int
    # The sharded recompute (RecomputeStateMachine): the hourly schedule starts it from shard_from
    # people (RecomputeShardFrom), in shards of people_per_shard, every sharded_every_hours hours
    # (RecomputeShardedEveryHours); 0: the template has none.
    shard_from: int = 0
    people_per_shard: int = 0
    sharded_every_hours: int = 1


@dataclass
class Inputs:
    prices: dict[str, Any]
    measured: dict[str, Any]
    assumptions: dict[str, Any]
    facts: TemplateFacts
    usd_to_gbp: float = field(init=False)

    def __post_init__(self) -> None:
        self.usd_to_gbp = float(self.prices["usd_to_gbp"]["value"])

    def price(self, name: str) -> Any:
        return self.prices["prices"][name]["value"]


@dataclass(frozen=True)
class Usage:
    """A month's use at one scale."""

    people: int
    active: float
    visits: float
    api_requests: float
    rru: float
    wru: float
    emails: float
    pages: float
    reply_bytes: float
    profile_changes: float


def monthly_usage(people: int, active_share: float, inputs: Inputs) -> Usage:
    a, journeys = inputs.assumptions, inputs.measured["journeys"]
    active = people * active_share
    rates = {name: active * per for name, per in a["journeys_per_active_person_per_month"].items()}
    rates["sign_up"] = people * a["new_people_share_per_month"]
    totals = {"api": 0.0, "rru": 0.0, "wru": 0.0, "emails": 0.0, "pages": 0.0, "bytes": 0.0}
    for name, per_month in rates.items():
        journey = journeys[name]
        runs = per_month / journey["runs"]
        aws = journey["aws"]
        totals["api"] += runs * journey["api_requests"]
        totals["rru"] += runs * aws.get("dynamodb:RRU", 0.0)
        totals["wru"] += runs * aws.get("dynamodb:WRU", 0.0)
        totals["emails"] += runs * aws.get("ses:emails", 0.0)
        totals["pages"] += runs * journey["pages"]
        totals["bytes"] += runs * journey["reply_bytes"]
    totals["emails"] *= 1 + a["emails_per_request_from_housekeeping"]
    return Usage(people, active, rates["visit"] + rates["sign_up"], totals["api"], totals["rru"], totals["wru"],
                 totals["emails"], totals["pages"], totals["bytes"], active * a["profile_changes_per_active_person_per_month"])


# ---------------------------------------------------------------- the services


def lambda_cost(u: Usage, inputs: Inputs, design: Design) -> float:
    a, median = inputs.assumptions, inputs.measured["api_seconds_median"]
    api_seconds = u.api_requests * median * a["api_lambda_ms_per_request_factor"] \
        + u.visits * a["cold_start_share_of_visits"] * a["api_cold_start_seconds"]
    authorizer = u.visits * a["authorizer_invocations_per_visit"]
    gb_seconds = (api_seconds * a["api_memory_gb"] + authorizer * a["authorizer_ms"] / 1000 * a["authorizer_memory_gb"]
                  + recompute_runs(u.people, inputs) * recompute_seconds(u, inputs, design) * a["recompute_memory_gb"]
                  + skipped_schedules(u.people, inputs) * a["recompute_handler_overhead_seconds"] * a["recompute_memory_gb"]
                  + a["housekeeping_runs_per_month"] * a["housekeeping_seconds"] * a["housekeeping_memory_gb"])
    invocations = u.api_requests + authorizer + a["housekeeping_runs_per_month"] \
        + recompute_runs(u.people, inputs) * recompute_invocations(u.people, inputs.facts) \
        + skipped_schedules(u.people, inputs) \
        + u.people * a["new_people_share_per_month"]
    if design.free_tier:
        gb_seconds = max(0.0, gb_seconds - inputs.price("lambda_free_gb_seconds"))
        invocations = max(0.0, invocations - inputs.price("lambda_free_requests"))
    return gb_seconds * inputs.price("lambda_gb_second") + invocations * inputs.price("lambda_request")


def engine_seconds(people: int, inputs: Inputs) -> float:
    """The engine's seconds ranking everyone at this size (make coldstart: a fresh process)."""
    return _interpolated(people, inputs.measured["recompute_engine_seconds"])


def hourly_engine_seconds(people: int, inputs: Inputs) -> float:
    """The engine's seconds of an hourly run from the last run's lists (matching/incremental.py; make
    bench's hourly run, 1% of profiles edited), never more than ranking everyone."""
    return min(engine_seconds(people, inputs), _interpolated(people, inputs.measured["recompute_hourly_seconds"]))


def _interpolated(people: int, measured: dict[str, float]) -> float:
    """Seconds at this size, interpolated (log-log) between the measured sizes."""
    points = sorted((int(size), float(seconds)) for size, seconds in measured.items())
    if people <= points[0][0]:
        return points[0][1]
    for (n0, s0), (n1, s1) in zip(points, points[1:], strict=False):
        if people <= n1:
            slope = math.log(s1 / s0) / math.log(n1 / n0)
            return s0 * (people / n0) ** slope
    (n0, s0), (n1, s1) = points[-2], points[-1]
    return s1 * (people / n1) ** (math.log(s1 / s0) / math.log(n1 / n0))


def lists_changed_per_run(u: Usage, inputs: Inputs) -> float:
    measured = inputs.measured["recompute"]["summary"]
    per_change = measured["lists_changed"]  # one profile change, measured
    total_lists = measured["lists"] / measured["profiles"] * u.people
    return min(total_lists, u.profile_changes / recompute_runs(u.people, inputs) * per_change)


def recompute_runs(people: int, inputs: Inputs) -> float:
    """Recomputes a month: every hour in one invocation; from RecomputeShardFrom people, a sharded run
    every RecomputeShardedEveryHours hours."""
    hourly = inputs.assumptions["recompute_runs_per_month"]
    return hourly / max(inputs.facts.sharded_every_hours, 1) if recompute_shards(people, inputs.facts) else hourly


def skipped_schedules(people: int, inputs: Inputs) -> float:
    """Hourly invocations a month that find no sharded run due (each only reads the population)."""
    return inputs.assumptions["recompute_runs_per_month"] - recompute_runs(people, inputs)


def recompute_shards(people: int, facts: TemplateFacts) -> int:
    """Shards of an hourly run at this size: 0 below RecomputeShardFrom (one invocation, no state machine)."""
    if not facts.shard_from or people < facts.shard_from:
        return 0
    return max(1, math.ceil(people / facts.people_per_shard))


def state_transitions_per_run(shards: int) -> int:
    """Standard-workflow transitions of one sharded run: prepare, the Map, an iteration and a task per
    shard, publish, the end (retries add more; not counted)."""
    return 2 + 2 * shards + 2 if shards else 0


def recompute_invocations(people: int, facts: TemplateFacts) -> int:
    """Lambda invocations of one hourly run: the schedule's, plus prepare, each shard and publish."""
    shards = recompute_shards(people, facts)
    return 1 + (shards + 2 if shards else 0)


def recompute_seconds(u: Usage, inputs: Inputs, design: Design) -> float:
    """Seconds of 10 GB Lambda one hourly run takes, over all its invocations. A sharded run does the same
    engine work split over its shards (each ranks its people against everyone), and pays the handler
    overhead per step and the kernel load per shard on top."""
    a = inputs.assumptions
    kernel = a["recompute_kernel_cache_load_seconds"] if design.kernel_cache else a["recompute_kernel_compile_seconds_before"]
    kernel = kernel if u.people >= NUMPY_BELOW else 0.0  # engine "auto" takes numpy below it: no kernel at all
    shards = recompute_shards(u.people, inputs.facts)
    steps = recompute_invocations(u.people, inputs.facts)
    # One invocation ranks again only what changed since the last run; a sharded run ranks everyone.
    engine = engine_seconds(u.people, inputs) if shards else hourly_engine_seconds(u.people, inputs)
    return (steps * a["recompute_handler_overhead_seconds"] + max(shards, 1) * kernel + engine
            + u.people / a["recompute_scan_people_per_second"] + lists_changed_per_run(u, inputs) / 2000)


def dynamodb_cost(u: Usage, inputs: Inputs, design: Design) -> float:
    rec = inputs.measured["recompute"]
    per_person_scan = rec["rru"] / rec["summary"]["profiles"]
    per_list_write = rec["wru"] / max(rec["summary"]["lists_changed"], 1)
    runs = recompute_runs(u.people, inputs)
    rru = u.rru + runs * (u.people * per_person_scan + 1)
    wru = u.wru + runs * lists_changed_per_run(u, inputs) * per_list_write
    gb = stored_gb(u.people, inputs)
    storage = max(0.0, gb - inputs.price("dynamodb_free_storage_gb")) if design.free_tier else gb
    return (rru * inputs.price("dynamodb_rru") + wru * inputs.price("dynamodb_wru")
            + storage * inputs.price("dynamodb_storage_gb") + gb * inputs.price("dynamodb_pitr_gb"))


def stored_gb(people: int, inputs: Inputs) -> float:
    per_person = inputs.measured["storage"]["bytes_per_person"]
    measured_people = inputs.measured["storage"]["people"]
    fixed = per_person.get("organisations", 0.0) * measured_people  # organisations do not grow with people
    grows = sum(v for k, v in per_person.items() if k != "organisations")
    return (fixed + grows * people) / 1e9


def cognito_cost(u: Usage, inputs: Inputs, design: Design) -> float:
    federated = u.active * inputs.assumptions["linkedin_share"] if design.linkedin_federated else 0.0
    direct = u.active - federated
    cost = max(0.0, federated - inputs.price("cognito_federated_free_mau")) * inputs.price("cognito_federated_mau")
    if design.cognito_plan == "PLUS":
        return cost + u.active * inputs.price("cognito_plus_mau")
    if design.cognito_plan == "ESSENTIALS":
        return cost + max(0.0, direct - inputs.price("cognito_essentials_free_mau")) * inputs.price("cognito_essentials_mau")
    tier1 = min(max(0.0, direct - inputs.price("cognito_lite_free_mau")), 90_000)
    tier2 = max(0.0, direct - 100_000)
    return cost + tier1 * inputs.price("cognito_lite_mau_to_100k") + tier2 * inputs.price("cognito_lite_mau_to_1m")


def api_gateway_cost(u: Usage, inputs: Inputs, design: Design) -> float:
    rate = inputs.price("apigw_rest_request" if design.api == "REST" else "apigw_http_request")
    return u.api_requests * rate * inputs.price("london_uplift_apigw")


def edge_traffic(u: Usage, inputs: Inputs) -> tuple[float, float]:
    """(requests, GB) through CloudFront: API calls, pages and config.json, a first view's assets per visit."""
    first = inputs.measured["first_page_view"]
    requests = u.api_requests + 2 * u.pages + u.visits * first["requests"]
    gigabytes = (u.reply_bytes + u.pages * first["html_bytes"] + u.visits * first["bytes"]) / 1e9
    return requests, gigabytes


def payg_edge(u: Usage, inputs: Inputs, design: Design) -> dict[str, float]:
    requests, gigabytes = edge_traffic(u, inputs)
    functions = u.pages
    if design.free_tier:
        requests_billed = max(0.0, requests - inputs.price("cloudfront_free_requests"))
        gb_billed = max(0.0, gigabytes - inputs.price("cloudfront_free_gb"))
        functions = max(0.0, functions - inputs.price("cloudfront_free_function_invocations"))
    else:
        requests_billed, gb_billed = requests, gigabytes
    cloudfront = requests_billed * inputs.price("cloudfront_https_request") + gb_billed * inputs.price(
        "cloudfront_data_out_gb") + functions * inputs.price("cloudfront_function_invocation")
    waf = inputs.price("waf_web_acl_month") + inputs.facts.waf_rules * inputs.price("waf_rule_month") \
        + requests * inputs.price("waf_request")
    return {"CloudFront": cloudfront, "WAF": waf}


def edge_cost(u: Usage, inputs: Inputs, design: Design) -> tuple[dict[str, float], str]:
    """CloudFront and WAF: pay as you go, or the cheapest flat-rate plan whose allowance fits."""
    payg = payg_edge(u, inputs, design)
    if design.edge == "payg":
        return payg, "pay as you go"
    requests, gigabytes = edge_traffic(u, inputs)
    for name, usd, max_requests, max_gb in inputs.price("cloudfront_flat_rate_plans"):
        if requests <= max_requests and gigabytes <= max_gb and usd < sum(payg.values()):
            return {"CloudFront": float(usd), "WAF": 0.0}, f"flat-rate {name}"
    return payg, "pay as you go"


def cloudwatch_cost(u: Usage, inputs: Inputs, design: Design, flat_rate: bool) -> float:
    a, facts = inputs.assumptions, inputs.facts
    per_request = inputs.measured["api_log_bytes_per_request"] + a["lambda_platform_log_bytes_per_invocation"] \
        + a["api_access_log_bytes_per_request"]
    ingested = (u.api_requests * per_request + 2 * recompute_runs(u.people, inputs) * 2000) / 1e9
    stored = ingested * a["log_retention_months"] * a["log_archive_ratio"]
    free = design.free_tier
    logs = max(0.0, ingested - (inputs.price("cloudwatch_free_logs_gb") if free else 0)) * inputs.price(
        "cloudwatch_logs_ingest_gb") + stored * inputs.price("cloudwatch_logs_store_gb")
    alarms = max(0, facts.alarm_metrics - (inputs.price("cloudwatch_free_alarm_metrics") if free else 0))
    dashboards = max(0, facts.dashboards - (inputs.price("cloudwatch_free_dashboards") if free else 0))
    metrics = max(0, facts.custom_metrics - (inputs.price("cloudwatch_free_custom_metrics") if free else 0))
    return logs + alarms * inputs.price("cloudwatch_alarm_metric") + dashboards * inputs.price(
        "cloudwatch_dashboard") + metrics * inputs.price("cloudwatch_custom_metric")


def s3_and_ecr_cost(u: Usage, inputs: Inputs) -> float:
    a, rec = inputs.assumptions, inputs.measured["recompute"]
    snapshot_bytes = rec["snapshot_bytes"] / rec["summary"]["profiles"] * u.people
    lists = rec["summary"]["lists"] / rec["summary"]["profiles"] * u.people
    requests, _ = edge_traffic(u, inputs)
    # The digests and stored lists keep a day of old versions (lifecycle rule ForgetOldDigestsAndStoredLists).
    digests = lists * a["digest_bytes_per_list"] * a["digest_versions_kept"]
    stored = (snapshot_bytes * a["snapshot_versions_kept"] + digests + a["site_bytes"]
              + requests * a["cloudfront_log_bytes_per_request"] * a["log_retention_months"]) / 1e9
    puts = 2 * recompute_runs(u.people, inputs) + requests / 1000  # snapshot, digests; CloudFront log files
    gets = u.visits * a["cold_start_share_of_visits"] + recompute_runs(u.people, inputs)
    return (stored * inputs.price("s3_storage_gb") + puts * inputs.price("s3_put") + gets * inputs.price("s3_get")
            + a["recompute_image_gb"] * inputs.price("ecr_storage_gb"))


def costs(people: int, active_share: float, inputs: Inputs, design: Design) -> tuple[dict[str, float], str]:
    """USD per service for a month at this scale, and the edge pricing chosen."""
    u = monthly_usage(people, active_share, inputs)
    edge, plan = edge_cost(u, inputs, design)
    runs = recompute_runs(people, inputs)
    transitions = state_transitions_per_run(recompute_shards(people, inputs.facts)) * runs
    return {
        "Cognito": cognito_cost(u, inputs, design),
        "API Gateway": api_gateway_cost(u, inputs, design),
        "Lambda": lambda_cost(u, inputs, design),
        "DynamoDB": dynamodb_cost(u, inputs, design),
        **edge,
        "CloudWatch": cloudwatch_cost(u, inputs, design, plan.startswith("flat")),
        "S3 + ECR": s3_and_ecr_cost(u, inputs),
        "SES": u.emails * inputs.price("ses_email"),
        "Step Functions": max(0.0, transitions - 4000) * inputs.price("step_functions_transition"),
    }, plan
