"""From a sharded run measured here to a 6-million-person recompute on AWS Lambda: wall time and cost.

Prices and the runs a month are the cost model's (infra/cost/prices-eu-west-2.json, each with its
source and date; assumptions.json), and so is the count of Step Functions transitions a run makes
(infra/cost/model.py), so `make bench` and `make cost` price a sharded run alike. Always-free tiers
are not applied here: this is the run's own price.
"""

import json
import math
from pathlib import Path

from infra.cost.model import state_transitions_per_run

COST = Path(__file__).resolve().parents[1] / "infra" / "cost"
PRICES = {name: price["value"] for name, price in
          json.loads((COST / "prices-eu-west-2.json").read_text())["prices"].items()}
LAMBDA_GB_SECOND = PRICES["lambda_gb_second"]
LAMBDA_REQUEST = PRICES["lambda_request"]
STATE_TRANSITION = PRICES["step_functions_transition"]
LAMBDA_MEMORY_GB = 10.0  # every recompute step is a 10,240 MB Lambda (infra/template.json)
LAMBDA_VCPUS = 6  # what a 10,240 MB Lambda gets
RUNS_PER_MONTH = json.loads((COST / "assumptions.json").read_text())["recompute_runs_per_month"]  # hourly
TARGET_PEOPLE = 6_000_000


def extrapolate(measured: dict, concurrency: int, every_hours: int = 1) -> dict:
    """Scale the measured steps to TARGET_PEOPLE with the same people per shard.

    Assumptions, stated so they can be checked: a shard's work grows with the people it is ranked
    against (its own people per shard stay the same), so it is the measured one times
    TARGET_PEOPLE / measured people; prepare and publish grow linearly; a Lambda vCPU does what one
    core of this machine does and the kernel's threads scale to LAMBDA_VCPUS; the DynamoDB scan of
    every profile (prepare) and the list writes are not measured here and not included. A month has
    RUNS_PER_MONTH / every_hours runs (RECOMPUTE_SHARDED_EVERY_HOURS).
    """
    scale = TARGET_PEOPLE / measured["people"]
    shards = math.ceil(TARGET_PEOPLE / measured["people_per_shard"])
    shard_cpu = measured["shard_cpu_seconds_mean"] * scale
    shard_wall = shard_cpu / LAMBDA_VCPUS + measured["shard_load_seconds_mean"] * scale
    base = measured["baseline_rss_mb"]
    shard_memory = base + (measured["shard_peak_rss_mb_max"] - base) * scale
    prepare, publish = measured["prepare_seconds"] * scale, measured["publish_seconds"] * scale
    waves = math.ceil(shards / concurrency)
    gb_seconds = (prepare + shards * shard_wall + publish) * LAMBDA_MEMORY_GB
    transitions = state_transitions_per_run(shards)
    cost = gb_seconds * LAMBDA_GB_SECOND + (shards + 2) * LAMBDA_REQUEST + transitions * STATE_TRANSITION
    return {
        "people": TARGET_PEOPLE, "shards": shards, "concurrency": concurrency,
        "shard_seconds_on_lambda": shard_wall, "shard_peak_memory_mb": shard_memory,
        "prepare_seconds": prepare, "publish_seconds": publish,
        "wall_seconds": prepare + waves * shard_wall + publish,
        "gb_seconds": gb_seconds, "cost_per_run_usd": cost,
        "every_hours": every_hours, "cost_per_month_usd": cost * RUNS_PER_MONTH / every_hours,
        "fits_in_a_lambda": shard_memory < LAMBDA_MEMORY_GB * 1024 and shard_wall < 900,
    }
