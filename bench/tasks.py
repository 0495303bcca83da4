"""The measurements, each run in its own process (python -m bench.worker) so that peak memory
is the task's own and the API's query code runs without numba or scipy loaded."""

import math
import sys
import time
from pathlib import Path

import numpy as np

from bench.measure import Stopwatch, patched, peak_rss_mb, percentiles, progress, read_json, rss_mb
from bench.population import edited, generate
from bench.samples import Plan, ordered_ids, pick, watched_lists

INDEX_FILE, DIGESTS_FILE = "index.bin", "digests.bin"
HOURLY_CHANGE = 0.01  # share of people whose profile changed in an hour


def _entry(match) -> list:
    return [match.user_id, match.score, list(match.shared_skills), list(match.shared_interests),
            list(match.shared_professions)]


def warm_numba() -> float:
    """JIT-compile (or load from numba's cache) every kernel the recompute runs, as the recompute
    image does at build (a first run, the next hour's from its lists, a shard); returns seconds."""
    from infra.recompute.warm_numba_cache import warm

    began = time.perf_counter()
    warm()
    return time.perf_counter() - began


class TimedRun:
    """compute_shard with its parts timed: snapshot build, ranking (kernel), digests, building lists."""

    def __init__(self) -> None:
        self.snapshot, self.ranking, self.digests, self.lists = Stopwatch(), Stopwatch(), Stopwatch(), Stopwatch()

    def run(self, profiles: list, exclusions, previous, keep=lambda uid, role: False):
        """`profiles` is emptied once the snapshot is built: the job reads every profile once, builds
        the snapshot and drops them (prepare), so holding them through the run would overstate its memory."""
        from chalicelib.matching import WHOLE, compute_shard, merge_outcomes, shards
        from chalicelib.matching.model import DEFAULT_CONFIG
        from chalicelib.matching.snapshot import Snapshot

        with patched(shards, "rank_lists", self.ranking.wrap(shards.rank_lists)), \
                patched(shards, "rank_since", self.ranking.wrap(shards.rank_since)), \
                patched(shards, "_digests", self.digests.wrap(shards._digests)):
            snapshot = self.snapshot.wrap(Snapshot.build)(profiles, DEFAULT_CONFIG)
            profiles.clear()
            outcome = compute_shard(snapshot, snapshot.excluded_pairs(exclusions), previous, WHOLE)
            del previous  # the job's previous run is an argument of compute_shard only (run_shard_of)
            kept, sizes = self.lists.wrap(_consume)(outcome.changed, keep)
        return snapshot, outcome, kept, sizes, merge_outcomes(snapshot, [outcome])

    def figures(self, prefix: str = "") -> dict:
        parts = {"snapshot": self.snapshot, "kernel": self.ranking, "digests": self.digests, "lists": self.lists}
        return {**{f"{prefix}{name}_seconds": watch.seconds for name, watch in parts.items()},
                **{f"{prefix}{name}_cpu_seconds": watch.cpu_seconds for name, watch in parts.items()}}


def _consume(changed, keep) -> tuple[dict, list[int]]:
    """Build every changed list (as the service would before writing it); keep the watched ones."""
    from chalicelib.match_lists.domain import encode_entries

    kept: dict[str, dict] = {"mentee": {}, "mentor": {}}
    sizes = []
    for uid, role, matches in changed:
        sizes.append(len(encode_entries(matches)) + 120)  # the item: entries, plus keys and time (an upper estimate)
        if keep(uid, role):
            kept[role][uid] = [_entry(m) for m in matches]
    return kept, sizes


def recompute(plan: Plan, workdir: Path) -> dict:
    """The first run: every list is new, so every list is built; the index and digests are saved."""
    from chalicelib.matching import ListDigests, MatchIndex

    warm = warm_numba()
    population = generate(plan.size, plan.seed)
    watched = watched_lists(population.profiles, plan)
    before = rss_mb()
    progress(f"population ready ({before:.0f} MB resident); recomputing every list")
    timed = TimedRun()
    began, cpu = time.perf_counter(), time.process_time()
    snapshot, outcome, kept, sizes, (published, digests) = timed.run(
        population.profiles, population.exclusions, ListDigests.empty(), lambda uid, role: uid in watched[role])
    total, total_cpu = time.perf_counter() - began, time.process_time() - cpu
    data = MatchIndex(published).to_bytes()
    (workdir / INDEX_FILE).write_bytes(data)
    (workdir / DIGESTS_FILE).write_bytes(digests.to_bytes())
    return {
        "seconds": total, "cpu_seconds": total_cpu, **timed.figures(), "jit_warmup_seconds": warm,
        "entries": int(sum(sizes)), "lists": len(sizes), "rss_before_mb": before, "peak_rss_mb": peak_rss_mb(),
        "mentees": snapshot.mentees.n, "available_mentors": snapshot.mentors.n, "index_bytes": len(data),
        "digests_bytes": (workdir / DIGESTS_FILE).stat().st_size,
        "candidate_pairs": outcome.candidate_pairs, "scored_pairs": outcome.scored_pairs, "kept": kept,
    }


def hourly(plan: Plan, workdir: Path) -> dict:
    """An hour later, 1% of profiles changed: the whole recompute up to the changed lists, and their writes."""
    from chalicelib.matching import ListDigests

    warm_numba()
    population, edits = edited(generate(plan.size, plan.seed), HOURLY_CHANGE, plan.seed)
    progress(f"{edits:,} profiles edited; recomputing from the last run's lists and digests")
    timed = TimedRun()
    began, cpu = time.perf_counter(), time.process_time()
    _, outcome, _, sizes, (_, digests) = timed.run(population.profiles, population.exclusions,
                                                   ListDigests.from_bytes((workdir / DIGESTS_FILE).read_bytes()))
    total, total_cpu = time.perf_counter() - began, time.process_time() - cpu
    # Read again, after the timed run: the job drops the last run's digests once ranked, and so does
    # the run above (its peak memory must not hold them), but the lists to delete are counted from them.
    gone = len(ListDigests.from_bytes((workdir / DIGESTS_FILE).read_bytes()).gone(digests))
    began = time.perf_counter()
    stored = len(digests.to_bytes())  # what publishing saves for the next run (then uploaded: not timed here)
    return {
        "digests_bytes": stored, "digests_to_bytes_seconds": time.perf_counter() - began,
        "seconds": total, "cpu_seconds": total_cpu, **timed.figures(), "edited_people": edits,
        "lists_changed": outcome.changed_count, "lists_deleted": gone,
        "write_units": int(sum(math.ceil(size / 1024) for size in sizes)) + gone, "peak_rss_mb": peak_rss_mb(),
    }


def queries(plan: Plan, workdir: Path) -> dict:
    """Instant queries with the API's code path: MatchIndex.from_bytes, numpy only."""
    from chalicelib.matching import MatchIndex, mentees_gaining

    population = generate(plan.size, plan.seed)
    data = (workdir / INDEX_FILE).read_bytes()
    began = time.perf_counter()
    index = MatchIndex.from_bytes(data)
    load = time.perf_counter() - began
    progress(f"index loaded in {load:.2f} s; timing queries")
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

    recomputed = read_json(workdir / "recompute.json")["kept"]
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
    progress("the engine on sparse_dot_topn's problem: mentee lists by the skills score alone")
    skills_only = _skills_only(population, forward, plan)
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
        "skills_only": skills_only,
        "scipy": out, "scipy_seconds": sum(v["estimate_seconds"] for v in out.values()),
        "peak_rss_mb": peak_rss_mb(), "mentees": len(forward.query_ids), "mentors": len(forward.target_ids),
        "mean_wanted": float(np.diff(forward.dims[0][0].indptr).mean()),
    }


SKILLS_ONLY = (1.0, 0.0, 0.0)  # the score's weights when only the skills count


def _skills_only(population, forward, plan: Plan) -> dict:
    """The numba kernel on the problem sparse_dot_topn solves: every mentee's 20 best mentors by
    the skills alone (Jaccard, weights 1, 0, 0), no mentor lists; the grade rule and the excluded
    pairs still apply. Shows how much of engine/topn is the kernel and how much the fuller work
    (three dimensions, both directions). Its lists are checked against scipy's on sampled blocks."""
    from bench.baselines import scipy_sample
    from chalicelib.matching.kernel import KernelPasses
    from chalicelib.matching.model import DEFAULT_CONFIG
    from chalicelib.matching.passes import make_pass
    from chalicelib.matching.snapshot import Snapshot

    warm_numba()
    snapshot = Snapshot.build(list(population.profiles), DEFAULT_CONFIG)
    spec = make_pass(snapshot, True, snapshot.excluded_pairs(population.exclusions))
    rows, k = np.arange(snapshot.mentees.n, dtype=np.int64), snapshot.config.k
    began, cpu = time.perf_counter(), time.process_time()
    ranks, scores = KernelPasses(spec, SKILLS_ONLY).rank(rows, k)
    seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - cpu
    _, expected = scipy_sample(forward, SKILLS_ONLY, k, plan.scipy_blocks, plan.seed)
    sampled = snapshot.mentees.rows_of_ranks(snapshot.ranks_of(expected))  # scipy's rows: every mentee
    same = 0
    for row, entries in zip(sampled.tolist(), expected.values(), strict=True):
        got = [(snapshot.user_id(int(r)), float(s)) for r, s in zip(ranks[row], scores[row], strict=True) if r >= 0]
        same += got == [(target, float(score)) for target, score in entries]
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "same": same, "compared": len(expected)}


TASKS = {"recompute": recompute, "hourly": hourly, "queries": queries, "baselines": baselines}
