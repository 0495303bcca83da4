"""The measurements, each run in its own process (python -m bench.worker) so that peak memory
is the task's own and the API's query code runs without numba or scipy loaded."""

import sys
import time
from pathlib import Path

import numpy as np

from bench.measure import (
    Stopwatch,
    patched,
    peak_rss_mb,
    percentiles,
    progress,
    read_json,
    rss_mb,
)
from bench.population import generate
from bench.samples import Plan, ordered_ids, pick, watched_lists

INDEX_FILE = "index.bin"


def _entry(match) -> list:
    return [match.user_id, match.score, list(match.shared_skills), list(match.shared_interests),
            list(match.shared_professions)]


def _warm_numba() -> float:
    """JIT-compile (or load from cache) the kernel on a tiny population; returns seconds."""
    from chalicelib.matching import compute_all_lists

    began = time.perf_counter()
    list(compute_all_lists(generate(300, seed=1).profiles, engine="numba"))
    return time.perf_counter() - began


def recompute(plan: Plan, workdir: Path) -> dict:
    """compute_all_lists over everyone, consumed in full; the index it hands over is saved."""
    from chalicelib.matching import MatchIndex, compute_all_lists
    from chalicelib.matching import recompute as module
    from chalicelib.matching.snapshot import Snapshot

    warm = _warm_numba()
    population = generate(plan.size, plan.seed)
    watched = watched_lists(population.profiles, plan)
    before = rss_mb()
    progress(f"population ready ({before:.0f} MB resident); recomputing every list")
    engine, build = Stopwatch(), Stopwatch()
    saved: dict[str, MatchIndex] = {}
    kept: dict[str, dict] = {"mentee": {}, "mentor": {}}
    entries = 0

    make_passes = module.make_passes

    def timed_passes(*args, **kwargs):
        passes = make_passes(*args, **kwargs)
        passes.forward, passes.reverse = engine.wrap(passes.forward), engine.wrap(passes.reverse)
        return passes

    began, cpu = time.perf_counter(), time.process_time()
    with patched(module, "make_passes", timed_passes), patched(Snapshot, "build", build.wrap(Snapshot.build)):
        for user_id, role, ranked in compute_all_lists(population.profiles, population.exclusions,
                                                       on_index=lambda index: saved.setdefault("index", index)):
            entries += len(ranked)
            if user_id in watched[role]:
                kept[role][user_id] = [_entry(m) for m in ranked]
    total, total_cpu = time.perf_counter() - began, time.process_time() - cpu
    peak = peak_rss_mb()
    data = saved["index"].to_bytes()
    (workdir / INDEX_FILE).write_bytes(data)
    snapshot = saved["index"].snapshot
    return {
        "seconds": total, "engine_seconds": engine.seconds + build.seconds, "kernel_seconds": engine.seconds,
        "snapshot_seconds": build.seconds, "materialise_seconds": total - engine.seconds - build.seconds,
        "cpu_seconds": total_cpu, "engine_cpu_seconds": engine.cpu_seconds + build.cpu_seconds,
        "jit_warmup_seconds": warm, "entries": entries, "rss_before_mb": before, "peak_rss_mb": peak,
        "mentees": snapshot.mentees.n, "available_mentors": snapshot.mentors.n,
        "index_bytes": len(data), "lists": kept,
    }


def queries(plan: Plan, workdir: Path) -> dict:
    """Instant queries with the API's code path: MatchIndex.from_bytes, numpy only."""
    from chalicelib.matching import MatchIndex, mentees_gaining

    population = generate(plan.size, plan.seed)
    began = time.perf_counter()
    index = MatchIndex.from_bytes((workdir / INDEX_FILE).read_bytes())
    load = time.perf_counter() - began
    progress(f"index loaded in {load:.1f} s; timing queries")
    by_id = {p.user_id: p for p in population.profiles}
    mentees, mentors = ordered_ids(population.profiles)
    skip_mentors, skip_mentees = _exclusions_by_user(population.exclusions)
    timings = {}
    for name, people, call in (
        ("forward", pick(mentees, plan.latency_queries, plan.seed + 2),
         lambda p: index.mentors_for(p, skip_mentors.get(p.user_id, ()))),
        ("reverse", pick(mentors, plan.latency_queries, plan.seed + 3),
         lambda p: index.mentees_for(p, skip_mentees.get(p.user_id, ()))),
        ("gaining", pick(mentors, plan.latency_queries, plan.seed + 4),
         lambda p: mentees_gaining(index, p, skip_mentees.get(p.user_id, ()))),
    ):
        timings[name] = percentiles([_timed(call, by_id[uid]) for uid in people])
    loaded = sorted({"numba", "scipy", "llvmlite", "sparse_dot_topn"} & set(sys.modules))
    checks = _reference_checks(plan, workdir, population, index, skip_mentors, skip_mentees)
    return {"load_seconds": load, "latency": timings, "heavy_modules_loaded": loaded, "checks": checks,
            "peak_rss_mb": peak_rss_mb()}


def _timed(call, person) -> float:
    began = time.perf_counter()
    call(person)
    return time.perf_counter() - began


def _exclusions_by_user(exclusions):
    mentors, mentees = {}, {}
    for mentee, mentor in exclusions:
        mentors.setdefault(mentee, set()).add(mentor)
        mentees.setdefault(mentor, set()).add(mentee)
    return mentors, mentees


def _reference_checks(plan, workdir, population, index, skip_mentors, skip_mentees) -> dict:
    """The plain reference against both the recomputed lists and the index's queries."""
    from tests.unit.matching import reference

    recomputed = read_json(workdir / "recompute.json")["lists"]
    mentees, mentors = ordered_ids(population.profiles)
    n_mentees, n_mentors = plan.reference_users
    people, exclusions = population.profiles, population.exclusions
    by_id = {p.user_id: p for p in people}
    same = {"recompute": 0, "queries": 0, "checked": 0}
    progress("checking sampled users against the plain reference (slow loops)")
    for role, ids, ref, query, skips in (
        ("mentee", pick(mentees, n_mentees, plan.seed), reference.mentors_for, index.mentors_for, skip_mentors),
        ("mentor", pick(mentors, n_mentors, plan.seed + 1), reference.mentees_for, index.mentees_for, skip_mentees),
    ):
        for uid in ids:
            expected = [list(e[:2]) + [list(t) for t in e[2:]] for e in ref(by_id[uid], people, exclusions)]
            same["checked"] += 1
            same["recompute"] += recomputed[role][uid] == expected
            same["queries"] += [_entry(m) for m in query(by_id[uid], skips.get(uid, ()))] == expected
    return same


def baselines(plan: Plan, workdir: Path) -> dict:
    """scipy blocked exact (sampled blocks, extrapolated) and sparse_dot_topn skills top-20."""
    import numba

    from bench.baselines import orientations, scipy_sample, topn_skills

    population = generate(plan.size, plan.seed)
    forward, reverse = orientations(population.profiles, population.exclusions)
    progress("sparse_dot_topn skills top-20")
    threads = numba.get_num_threads()
    cpu = time.process_time()
    topn_seconds, topn_rows = topn_skills(forward, plan.topn_fraction, threads, plan.seed)
    topn_cpu = time.process_time() - cpu
    progress("scipy blocked exact score, sampled blocks")
    weights, out = (0.60, 0.25, 0.15), {}
    for name, side, seed in (("forward", forward, plan.seed), ("reverse", reverse, plan.seed + 1)):
        per_query, lists = scipy_sample(side, weights, 20, plan.scipy_blocks, seed)
        out[name] = {"seconds_per_query": per_query, "queries": len(side.query_ids), "sampled": len(lists),
                     "estimate_seconds": per_query * len(side.query_ids), "lists": lists}
    return {
        "topn_seconds_measured": topn_seconds, "topn_rows": topn_rows, "topn_threads": threads,
        "topn_fraction": plan.topn_fraction, "topn_seconds": topn_seconds / plan.topn_fraction,
        "topn_cpu_seconds": topn_cpu / plan.topn_fraction,
        "scipy": out, "scipy_seconds": sum(v["estimate_seconds"] for v in out.values()),
        "peak_rss_mb": peak_rss_mb(), "mentees": len(forward.query_ids), "mentors": len(forward.target_ids),
        "mean_wanted": float(np.diff(forward.dims[0][0].indptr).mean()),
    }


TASKS = {"recompute": recompute, "queries": queries, "baselines": baselines}
