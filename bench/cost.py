"""From a sharded run measured here to a 6-million-person recompute on AWS Lambda: wall time and cost.

Prices: AWS on-demand, Europe (London) eu-west-2, x86, first pricing tier, as AWS publishes them at
https://aws.amazon.com/lambda/pricing/ (duration $0.0000166667 per GB-second, requests $0.20 per
million) and https://aws.amazon.com/step-functions/pricing/ (standard workflows, $0.025 per 1,000
state transitions). Recorded 2026-11-30 from AWS's published price list; this machine has no
internet access, so they were not re-read from the live pages that day: check them before quoting.
"""

import math

LAMBDA_GB_SECOND = 0.0000166667
LAMBDA_REQUEST = 0.20 / 1e6
STATE_TRANSITION = 0.025 / 1000
LAMBDA_MEMORY_GB = 10.0  # every recompute step is a 10,240 MB Lambda (infra/template.json)
LAMBDA_VCPUS = 6  # what a 10,240 MB Lambda gets
RUNS_PER_MONTH = 730  # hourly
TARGET_PEOPLE = 6_000_000


def extrapolate(measured: dict, concurrency: int) -> dict:
    """Scale the measured steps to TARGET_PEOPLE with the same people per shard.

    Assumptions, stated so they can be checked: a shard's work grows with the people it is ranked
    against (its own people per shard stay the same), so it is the measured one times
    TARGET_PEOPLE / measured people; prepare and publish grow linearly; a Lambda vCPU does what one
    core of this machine does and the kernel's threads scale to LAMBDA_VCPUS; the DynamoDB scan of
    every profile (prepare) and the list writes are not measured here and not included.
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
    transitions = 2 + 2 * shards + 2  # prepare, map + per shard iteration and task, publish, end
    cost = gb_seconds * LAMBDA_GB_SECOND + (shards + 2) * LAMBDA_REQUEST + transitions * STATE_TRANSITION
    return {
        "people": TARGET_PEOPLE, "shards": shards, "concurrency": concurrency,
        "shard_seconds_on_lambda": shard_wall, "shard_peak_memory_mb": shard_memory,
        "prepare_seconds": prepare, "publish_seconds": publish,
        "wall_seconds": prepare + waves * shard_wall + publish,
        "gb_seconds": gb_seconds, "cost_per_run_usd": cost, "cost_per_month_usd": cost * RUNS_PER_MONTH,
        "fits_in_a_lambda": shard_memory < LAMBDA_MEMORY_GB * 1024 and shard_wall < 900,
    }
