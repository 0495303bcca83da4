"""`make cost`: what Mentor Match costs a month on AWS, from the packaged template, measured journeys
and AWS's published eu-west-2 prices.

    python -m infra.cost [--active-share 0.3] [--linkedin-share 0.3] [--template build/sam.json] [--markdown]

Inputs: infra/cost/prices-eu-west-2.json (prices, with their source and date), measured.json (what
`make cost-measure` counted on the local stack), assumptions.json (how often people do each journey),
and the packaged template (alarms, dashboards, WAF rules, tables, and from which size and in which
shards the sharded recompute's state machine runs).
"""

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from infra.cost.model import Design, Inputs, TemplateFacts, costs

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCALES = (1_300, 7_000, 100_000, 520_000)
IDLE_PEOPLE = 1_300
GOALS_GBP = {7_000: 10.0, 520_000: 1_500.0}
CUSTOM_METRICS = 6  # chalicelib/metrics.py METRICS, each with the Stage dimension only (EMF)


def template_facts(template: dict, edge: dict) -> TemplateFacts:
    resources = template["Resources"].values()
    alarm_metrics = sum(
        sum(1 for m in r["Properties"].get("Metrics", []) if "MetricStat" in m) or 1
        for r in resources if r["Type"] == "AWS::CloudWatch::Alarm")
    return TemplateFacts(
        alarm_metrics=alarm_metrics,
        dashboards=sum(1 for r in resources if r["Type"] == "AWS::CloudWatch::Dashboard"),
        custom_metrics=CUSTOM_METRICS,
        waf_rules=len(edge["Resources"]["WebAcl"]["Properties"]["Rules"]),
        tables=sum(1 for r in resources if r["Type"] == "AWS::DynamoDB::Table"),
        **shard_plan(template),
    )


def shard_plan(template: dict) -> dict[str, int]:
    """From which size, in which shards and how often the schedule runs the sharded recompute (the
    parameters' defaults), if the template has its state machine."""
    machines = [r for r in template["Resources"].values()
                if r["Type"] in ("AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine")]
    if not machines:
        return {}
    parameters = template.get("Parameters", {})
    return {"shard_from": int(parameters["RecomputeShardFrom"]["Default"]),
            "people_per_shard": int(parameters["RecomputePeoplePerShard"]["Default"]),
            "sharded_every_hours": int(parameters.get("RecomputeShardedEveryHours", {}).get("Default", 1))}


def load_inputs(template_path: Path, active_share: float | None, linkedin_share: float | None) -> Inputs:
    assumptions = json.loads((HERE / "assumptions.json").read_text())
    if linkedin_share is not None:
        assumptions["linkedin_share"] = linkedin_share
    if active_share is not None:
        assumptions["active_share"] = active_share
    facts = template_facts(json.loads(template_path.read_text()), json.loads((REPO / "infra" / "edge.json").read_text()))
    return Inputs(json.loads((HERE / "prices-eu-west-2.json").read_text()), json.loads((HERE / "measured.json").read_text()),
                  assumptions, facts)


def gbp(usd: float, inputs: Inputs) -> str:
    value = usd * inputs.usd_to_gbp
    return f"£{value:,.2f}" if value < 100 else f"£{value:,.0f}"


def table(inputs: Inputs, design: Design) -> str:
    share = inputs.assumptions["active_share"]
    columns = [costs(n, share, inputs, design) for n in SCALES] + [costs(IDLE_PEOPLE, 0.0, inputs, design)]
    heads = [f"{n:,} people" for n in SCALES] + [f"idle ({IDLE_PEOPLE:,}, none active)"]
    lines = ["| service | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    for service in columns[0][0]:
        lines.append(f"| {service} | " + " | ".join(gbp(c[service], inputs) for c, _ in columns) + " |")
    lines.append("| **total a month** | " + " | ".join(f"**{gbp(sum(c.values()), inputs)}**" for c, _ in columns) + " |")
    lines.append("| edge pricing | " + " | ".join(plan for _, plan in columns) + " |")
    return "\n".join(lines)


CHANGES = (
    ("Cognito feature plan", "Essentials (the default for a new pool)", {"cognito_plan": "ESSENTIALS"}, "Lite (UserPoolTier)"),
    ("CloudFront + WAF", "pay as you go (web ACL $5 + $1 a rule, a month)", {"edge": "payg"},
     "the cheapest of that and a CloudFront flat-rate plan (web ACL included)"),
    ("recompute kernel", "compiled on every cold start (~15 s at 10 GB)", {"kernel_cache": False},
     "compiled at image build (cache loaded, ~1 s)"),
    ("API Gateway", "REST API (what Chalice makes; kept)", {}, "HTTP API, for comparison", {"api": "HTTP"}),
    ("LinkedIn sign-in", "Cognito OIDC federation (federated MAUs, 50 free)", {},
     "signed in through the API as user-pool users (proposal for issue 8)", {"linkedin_federated": False}),
)


def before_after(inputs: Inputs, design: Design) -> str:
    share = inputs.assumptions["active_share"]
    lines = ["| change | before | after | 7,000 before → after | 520,000 before → after | idle before → after |",
             "|---|---|---|---:|---:|---:|"]
    for change in CHANGES:
        name, before_text, before_fields, after_text = change[:4]
        after_fields = change[4] if len(change) > 4 else {}
        before, after = replace(design, **before_fields), replace(design, **after_fields)
        cells = []
        for people, active in ((7_000, share), (520_000, share), (IDLE_PEOPLE, 0.0)):
            b = sum(costs(people, active, inputs, before)[0].values())
            a = sum(costs(people, active, inputs, after)[0].values())
            cells.append(f"{gbp(b, inputs)} → {gbp(a, inputs)}")
        lines.append(f"| {name} | {before_text} | {after_text} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def goals(inputs: Inputs, design: Design) -> list[str]:
    share = inputs.assumptions["active_share"]
    found = []
    for people, goal in GOALS_GBP.items():
        total = sum(costs(people, share, inputs, design)[0].values()) * inputs.usd_to_gbp
        found.append(f"{people:,} people: {'within' if total <= goal else 'OVER'} the £{goal:,.0f} goal (£{total:,.2f})")
    return found


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m infra.cost", description=__doc__.splitlines()[0])
    parser.add_argument("--active-share", type=float, help="share of people active in a month (default: assumptions.json)")
    parser.add_argument("--linkedin-share", type=float, help="share of active people signing in with LinkedIn")
    parser.add_argument("--template", type=Path, default=REPO / "build" / "sam.json")
    parser.add_argument("--no-free-tier", action="store_true", help="an account whose always-free tiers are used up")
    args = parser.parse_args(argv)
    if not args.template.exists():
        raise SystemExit(f"{args.template} is missing: run make package (make cost does)")
    inputs = load_inputs(args.template, args.active_share, args.linkedin_share)
    design = Design(free_tier=not args.no_free_tier)
    a = inputs.assumptions
    print(f"Mentor Match on AWS, eu-west-2, a month (prices {inputs.prices['compiled']}, journeys measured "
          f"{inputs.measured['measured_on']}; {a['active_share']:.0%} of people active, {a['linkedin_share']:.0%} of "
          f"them with LinkedIn; £1 = ${1 / inputs.usd_to_gbp:.2f}; always-free tiers "
          f"{'applied' if design.free_tier else 'not applied'})\n")
    print(table(inputs, design))
    print("\nDesign choices the model made (totals a month):\n")
    print(before_after(inputs, design))
    print("\n" + "\n".join(goals(inputs, design)))


if __name__ == "__main__":
    main(sys.argv[1:])
