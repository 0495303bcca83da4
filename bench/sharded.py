"""The sharded recompute at national scale (python -m bench --sizes 2000000): the state machine's
three steps, each in a process of its own as each is a Lambda of its own, with shards of the size
the deployment uses (RECOMPUTE_PEOPLE_PER_SHARD); per step time, CPU and peak memory, and the 6M
extrapolation (cost.py). Like the first hourly run after deploying, every list is new."""

import math
import time
from pathlib import Path

from bench.measure import Stopwatch, patched, peak_rss_mb, progress, rss_mb
from bench.population import generate
from bench.samples import Plan

INPUT_FILE = "input.bin"


def sharded_from() -> int:
    """The population from which the schedule runs the sharded path (RECOMPUTE_SHARD_FROM)."""
    from chalicelib.settings import load_settings

    return load_settings().recompute_shard_from


def people_per_shard() -> int:
    from chalicelib.settings import load_settings

    return load_settings().recompute_people_per_shard


def every_hours() -> int:
    """How often the schedule starts a sharded run (RECOMPUTE_SHARDED_EVERY_HOURS)."""
    from chalicelib.settings import load_settings

    return load_settings().recompute_sharded_every_hours


def shard_count(size: int) -> int:
    return max(1, math.ceil(size / people_per_shard()))


def prepare(plan: Plan, workdir: Path) -> dict:
    """Step 1: the run's snapshot and exclusions (the population stands in for the profile scan)."""
    from chalicelib.matching import ShardInput
    from chalicelib.matching.model import DEFAULT_CONFIG
    from chalicelib.matching.snapshot import Snapshot

    baseline = rss_mb()
    population = generate(plan.size, plan.seed)
    progress(f"{plan.size:,} people generated; building the run's snapshot")
    began, cpu = time.perf_counter(), time.process_time()
    snapshot = Snapshot.build(population.profiles, DEFAULT_CONFIG)
    data = ShardInput(snapshot, snapshot.excluded_pairs(population.exclusions), {}).to_bytes()
    seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - cpu
    (workdir / INPUT_FILE).write_bytes(data)
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "input_mb": len(data) / 1e6, "peak_rss_mb": peak_rss_mb(),
            "baseline_rss_mb": baseline, "mentees": snapshot.mentees.n, "mentors": snapshot.mentors.n}


def shard(plan: Plan, workdir: Path, number: int, of: int) -> dict:
    """Step 2, one shard: load the run's input, rank the shard's lists, digest them, build them."""
    from chalicelib.matching import ListDigests, Shard, ShardInput, compute_shard, shards
    from chalicelib.matching.ranking import rank_lists  # noqa: F401  (imported here to time numba apart)

    began = time.perf_counter()
    import chalicelib.matching.kernel  # noqa: F401  (numba and the cached kernel, as a cold Lambda loads them)

    import_seconds = time.perf_counter() - began
    began = time.perf_counter()
    run = ShardInput.from_bytes((workdir / INPUT_FILE).read_bytes())
    load = time.perf_counter() - began
    ranking, digests, lists = Stopwatch(), Stopwatch(), Stopwatch()
    began, cpu = time.perf_counter(), time.process_time()
    with patched(shards, "rank_lists", ranking.wrap(shards.rank_lists)), \
            patched(shards, "_digests", digests.wrap(shards._digests)):
        outcome = compute_shard(run.snapshot, run.exclusions, ListDigests.empty(), Shard(number, of))
        built = lists.wrap(lambda: sum(1 for _ in outcome.changed))()
    seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - cpu
    (workdir / f"shard-{number}.bin").write_bytes(outcome.to_bytes())
    return {"shard": number, "of": of, "import_seconds": import_seconds, "load_seconds": load, "seconds": seconds,
            "cpu_seconds": cpu_seconds, "kernel_seconds": ranking.seconds, "digests_seconds": digests.seconds,
            "lists_seconds": lists.seconds, "lists_cpu_seconds": lists.cpu_seconds, "lists": built,
            "candidate_pairs": outcome.candidate_pairs, "scored_pairs": outcome.scored_pairs,
            "peak_rss_mb": peak_rss_mb()}


def publish(plan: Plan, workdir: Path, of: int) -> dict:
    """Step 3: merge every shard's outcome; the published index and digests."""
    from chalicelib.matching import MatchIndex, ShardInput, ShardOutcome, merge_outcomes

    began = time.perf_counter()
    run = ShardInput.from_bytes((workdir / INPUT_FILE).read_bytes())
    outcomes = [ShardOutcome.from_bytes((workdir / f"shard-{n}.bin").read_bytes()) for n in range(of)]
    snapshot, digests = merge_outcomes(run.snapshot, outcomes)
    index = MatchIndex(snapshot).to_bytes()
    return {"seconds": time.perf_counter() - began, "index_mb": len(index) / 1e6,
            "digests_mb": len(digests.to_bytes()) / 1e6, "peak_rss_mb": peak_rss_mb()}


def summarise(size: int, raw: dict, measured_shards: list[dict], of: int) -> dict:
    from bench.cost import extrapolate

    mean = lambda key: sum(s[key] for s in measured_shards) / len(measured_shards)  # noqa: E731
    measured = {
        "people": size, "people_per_shard": people_per_shard(), "shards": of, "shards_run": len(measured_shards),
        "prepare_seconds": raw["prepare"]["seconds"], "publish_seconds": raw["publish"]["seconds"],
        "shard_seconds_mean": mean("seconds"), "shard_cpu_seconds_mean": mean("cpu_seconds"),
        "shard_load_seconds_mean": mean("load_seconds"), "shard_import_seconds_mean": mean("import_seconds"),
        "shard_lists_seconds_mean": mean("lists_seconds"),
        "shard_peak_rss_mb_max": max(s["peak_rss_mb"] for s in measured_shards),
        "baseline_rss_mb": raw["prepare"]["baseline_rss_mb"],
        "pairs_skipped_share": 1 - sum(s["scored_pairs"] for s in measured_shards)
        / max(sum(s["candidate_pairs"] for s in measured_shards), 1),
        "prepare": raw["prepare"], "publish": raw["publish"], "shard_runs": measured_shards,
    }
    return {"size": size, "sharded": measured,
            "six_million": extrapolate(measured, concurrency=24, every_hours=every_hours()),
            "state_machine_concurrency_note": "RecomputeMaxConcurrency default (infra/template.json)",
            "shard_settings": {"people_per_shard": measured["people_per_shard"], "every_hours": every_hours()}}


def report(row: dict) -> str:
    m, x = row["sharded"], row["six_million"]
    lines = [
        f"Sharded recompute, {m['people']:,} people in {m['shards']} shards of {m['people_per_shard']:,}"
        f" ({m['shards_run']} run here; 2 threads each, one after another):",
        f"  prepare (snapshot of everyone): {m['prepare_seconds']:.1f} s, peak {m['prepare']['peak_rss_mb']:.0f} MB,"
        f" run input {m['prepare']['input_mb']:.0f} MB",
        *[f"  shard {s['shard']:>2}: {s['seconds']:.1f} s (CPU {s['cpu_seconds']:.1f} s; kernel {s['kernel_seconds']:.1f},"
          f" digests {s['digests_seconds']:.1f}, lists {s['lists_seconds']:.1f}; input load {s['load_seconds']:.1f},"
          f" numba import {s['import_seconds']:.1f}), peak {s['peak_rss_mb']:.0f} MB, {s['lists']:,} lists"
          for s in m["shard_runs"]],
        f"  publish: {m['publish_seconds']:.1f} s, peak {m['publish']['peak_rss_mb']:.0f} MB,"
        f" index {m['publish']['index_mb']:.0f} MB, digests {m['publish']['digests_mb']:.0f} MB",
        f"  pairs skipped by the bounds: {100 * m['pairs_skipped_share']:.2f}%",
        f"Extrapolated to {x['people']:,} people ({x['shards']} shards of {m['people_per_shard']:,},"
        f" {x['concurrency']} at once, 10 GB / 6 vCPU Lambdas; see bench/cost.py for the assumptions):",
        f"  per shard on Lambda ~{x['shard_seconds_on_lambda']:.0f} s and ~{x['shard_peak_memory_mb']:.0f} MB"
        f" ({'fits' if x['fits_in_a_lambda'] else 'does NOT fit'} a 10 GB, 15-minute Lambda);"
        f" prepare ~{x['prepare_seconds']:.0f} s, publish ~{x['publish_seconds']:.0f} s",
        f"  wall ~{x['wall_seconds'] / 60:.1f} min per recompute; {x['gb_seconds']:,.0f} GB-s;"
        f" ~${x['cost_per_run_usd']:.2f} per run, ~${x['cost_per_month_usd']:,.0f} per month"
        f" ({_how_often(x['every_hours'])}, RECOMPUTE_SHARDED_EVERY_HOURS)"
        " (Lambda and Step Functions only; DynamoDB scan and writes not included)",
    ]
    return "\n".join(lines)


def _how_often(every_hours: int) -> str:
    return "hourly" if every_hours == 1 else f"a run every {every_hours} hours"
