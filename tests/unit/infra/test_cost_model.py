"""The running-cost model (infra/cost): its arithmetic, and the goals at the measured figures."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from infra.cost import __main__ as cost_cli
from infra.cost.model import (
    Design,
    Inputs,
    TemplateFacts,
    cognito_cost,
    costs,
    edge_cost,
    engine_seconds,
    hourly_engine_seconds,
    monthly_usage,
    recompute_invocations,
    recompute_seconds,
    recompute_shards,
    state_transitions_per_run,
)

HERE = Path(cost_cli.__file__).resolve().parent
FACTS = TemplateFacts(alarm_metrics=7, dashboards=1, custom_metrics=6, waf_rules=3, tables=14)


@pytest.fixture
def inputs() -> Inputs:
    return Inputs(json.loads((HERE / "prices-eu-west-2.json").read_text()), json.loads((HERE / "measured.json").read_text()),
                  json.loads((HERE / "assumptions.json").read_text()), FACTS)


def total_gbp(people: int, share: float, inputs: Inputs, design: Design | None = None) -> float:
    return sum(costs(people, share, inputs, design or Design())[0].values()) * inputs.usd_to_gbp


def test_the_goals_hold_at_the_measured_journeys_and_stated_behaviour(inputs):
    share = inputs.assumptions["active_share"]
    assert total_gbp(7_000, share, inputs) <= 10
    assert total_gbp(520_000, share, inputs) <= 1_500
    assert total_gbp(1_300, 0.0, inputs) < 1  # idle: nearly nothing


def test_every_price_names_its_source_and_says_whether_it_was_confirmed(inputs):
    for name, price in inputs.prices["prices"].items():
        assert "confirmed" in price and ("source" in price), name
        if price["confirmed"]:
            assert price.get("found"), f"{name}: a confirmed price says when it was found"


def test_the_lite_plan_bills_only_above_its_free_ten_thousand_in_two_bands(inputs):
    design = Design(linkedin_federated=False)
    usage = monthly_usage(10_000, 1.0, inputs)
    assert cognito_cost(usage, inputs, design) == 0
    usage = monthly_usage(150_000, 1.0, inputs)
    assert cognito_cost(usage, inputs, design) == pytest.approx(90_000 * 0.0055 + 50_000 * 0.0046)


def test_federated_linkedin_members_are_billed_above_fifty_whatever_the_plan(inputs):
    usage = monthly_usage(1_000, 1.0, inputs)  # 1,000 active, 30% LinkedIn
    assert cognito_cost(usage, inputs, Design()) == pytest.approx((300 - 50) * 0.015)
    assert cognito_cost(usage, inputs, Design(linkedin_federated=False)) == 0


def test_threat_protection_puts_every_active_person_on_plus(inputs):
    usage = monthly_usage(1_000, 1.0, inputs)
    assert cognito_cost(usage, inputs, Design(cognito_plan="PLUS", linkedin_federated=False)) == pytest.approx(20.0)


def test_the_edge_takes_a_flat_rate_plan_only_when_it_fits_and_is_cheaper(inputs):
    small = monthly_usage(1_300, 0.3, inputs)
    assert edge_cost(small, inputs, Design())[1] == "flat-rate Free"
    assert edge_cost(small, inputs, Design(edge="payg"))[0]["WAF"] >= 5 + 3
    large = monthly_usage(520_000, 0.3, inputs)
    assert edge_cost(large, inputs, Design())[1] == "pay as you go"


def test_more_activity_costs_more_and_the_free_tier_only_lowers_it(inputs):
    assert total_gbp(100_000, 0.6, inputs) > total_gbp(100_000, 0.3, inputs)
    assert total_gbp(7_000, 0.3, inputs, Design(free_tier=False)) >= total_gbp(7_000, 0.3, inputs)


def test_template_facts_are_counted_from_the_template():
    template = {"Resources": {
        "A": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Metrics": [{"MetricStat": {}}, {"MetricStat": {}},
                                                                           {"Expression": "a + b"}]}},
        "B": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "Errors"}},
        "D": {"Type": "AWS::CloudWatch::Dashboard", "Properties": {}},
        "T": {"Type": "AWS::DynamoDB::Table", "Properties": {}}}}
    edge = {"Resources": {"WebAcl": {"Properties": {"Rules": [{}, {}, {}]}}}}
    facts = cost_cli.template_facts(template, edge)
    assert (facts.alarm_metrics, facts.dashboards, facts.waf_rules, facts.tables) == (3, 1, 3, 1)
    assert (facts.shard_from, facts.people_per_shard) == (0, 0)  # no state machine: never sharded
    with_machine = {"Resources": {**template["Resources"], "S": {"Type": "AWS::StepFunctions::StateMachine"}},
                    "Parameters": {"RecomputeShardFrom": {"Default": 1_000_000},
                                   "RecomputePeoplePerShard": {"Default": 250_000},
                                   "RecomputeShardedEveryHours": {"Default": "4"}}}
    facts = cost_cli.template_facts(with_machine, edge)
    assert (facts.shard_from, facts.people_per_shard, facts.sharded_every_hours) == (1_000_000, 250_000, 4)


def test_the_sharded_recompute_costs_only_from_the_size_the_schedule_starts_it(inputs):
    sharded = replace(inputs, facts=replace(FACTS, shard_from=1_000_000, people_per_shard=250_000))
    share = inputs.assumptions["active_share"]
    for people in (1_300, 7_000, 520_000):  # below RecomputeShardFrom: one invocation, as without a state machine
        assert costs(people, share, sharded, Design()) == costs(people, share, inputs, Design())
        assert costs(people, share, sharded, Design())[0]["Step Functions"] == 0.0
    assert recompute_shards(2_000_000, sharded.facts) == 8 and recompute_invocations(2_000_000, sharded.facts) == 11
    assert state_transitions_per_run(8) == 20
    at_6m = costs(6_000_000, share, sharded, Design())[0]
    # 24 shards, 52 transitions an hour: 37,440 a month, 4,000 of them free
    assert at_6m["Step Functions"] == pytest.approx((52 * 720 - 4_000) * 0.025e-3)
    assert at_6m["Lambda"] > costs(6_000_000, share, inputs, Design())[0]["Lambda"]  # more invocations, overheads


def test_sharded_runs_every_few_hours_cost_a_fraction_and_smaller_populations_nothing_less(inputs):
    share = inputs.assumptions["active_share"]
    hourly = replace(inputs, facts=replace(FACTS, shard_from=1_000_000, people_per_shard=250_000))
    four_hourly = replace(inputs, facts=replace(hourly.facts, sharded_every_hours=4))
    assert costs(520_000, share, four_hourly, Design()) == costs(520_000, share, hourly, Design())  # one invocation
    every_hour, every_four = costs(6_000_000, share, hourly, Design())[0], costs(6_000_000, share, four_hourly, Design())[0]
    assert every_four["Step Functions"] == pytest.approx((52 * 180 - 4_000) * 0.025e-3)  # 180 runs a month
    # A quarter of the runs (each writing more changed lists), and the hours between only read the
    # population: most of the recompute's Lambda bill goes; the API's stays.
    a = inputs.assumptions
    usage = monthly_usage(6_000_000, share, hourly)
    recompute_lambda = (a["recompute_runs_per_month"] * recompute_seconds(usage, hourly, Design())
                        * a["recompute_memory_gb"] * inputs.price("lambda_gb_second"))
    saved = every_hour["Lambda"] - every_four["Lambda"]
    assert 0.6 * recompute_lambda < saved < 0.75 * recompute_lambda


def test_the_table_has_every_scale_the_idle_column_and_a_total(inputs):
    printed = cost_cli.table(inputs, Design())
    for head in ("1,300 people", "7,000 people", "100,000 people", "520,000 people", "idle", "**total a month**"):
        assert head in printed
    assert replace(Design(), api="HTTP").api == "HTTP"


def test_an_hourly_run_is_priced_at_what_it_ranks_again_and_a_sharded_run_at_ranking_everyone(inputs):
    share = inputs.assumptions["active_share"]
    usage = monthly_usage(520_000, share, inputs)
    sharded = replace(inputs, facts=replace(FACTS, shard_from=500_000, people_per_shard=250_000))
    one_run = recompute_seconds(usage, inputs, Design())
    assert hourly_engine_seconds(520_000, inputs) == pytest.approx(inputs.measured["recompute_hourly_seconds"]["520000"])
    assert hourly_engine_seconds(520_000, inputs) < one_run < engine_seconds(520_000, inputs)  # not ranking everyone
    assert recompute_seconds(usage, sharded, Design()) > engine_seconds(520_000, inputs)  # shards rank everyone
    assert hourly_engine_seconds(1_300, inputs) <= engine_seconds(1_300, inputs)  # never more than ranking everyone


def test_re_measuring_the_journeys_keeps_the_engine_series_it_does_not_measure():
    """make cost-measure rewrites measured.json; the engine's series come from make coldstart and make
    bench, and make cost cannot price a recompute without them."""
    from infra.cost.measure import OUT, with_engine_series

    before = json.loads(OUT.read_text())
    fresh = {"seconds": 1.0, "recompute": {"rru": 1.0}, "journeys": {}}
    written = with_engine_series(before, fresh)
    for key in ("recompute_engine_seconds", "recompute_engine_note", "recompute_hourly_seconds", "recompute_hourly_note"):
        assert written[key] == before[key]
    assert written["recompute"] == {"rru": 1.0} and written["seconds"] == 1.0  # the new figures win
    assert "api_seconds_p95" not in written  # what it measures and did not find is not carried over
