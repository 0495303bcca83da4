"""Compile the recompute's numba kernels once, at image build, into NUMBA_CACHE_DIR.

    NUMBA_CACHE_DIR=/opt/numba-cache NUMBA_CPU_NAME=generic python infra/recompute/warm_numba_cache.py

Runs what the image's handlers run, with engine="numba", on a small made-up population: the hourly
recompute's one shard of everyone (the fused pass that ranks both directions at once; then the
next hour's, from its lists: incremental.py) and a shard
of a sharded run (the recompute_shard Lambda: one pass per direction for its rows), each with the
list digests. That compiles every kernel specialisation they use (uint8 counters: no profile has
256 tags in one dimension; the schema caps them far lower; tests/unit/infra/test_warm_numba_cache.py
checks the handlers need nothing more). NUMBA_CPU_NAME=generic makes the cache valid on any x86-64
CPU, so Lambda's machines load it instead of compiling again (numba keys its cache by CPU name and
features). Prints how long the compile took.
"""

import time

from chalicelib.matching import WHOLE, ListDigests, MatchConfig, Shard, compute_shard, merge_outcomes
from chalicelib.matching.model import MatchProfile
from chalicelib.matching.snapshot import Snapshot

GRADES = ("AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1")
TAGS = tuple(f"tag-{n}" for n in range(40))
# The hourly single invocation, and one shard of two as the recompute_shard Lambda runs it.
SHARDS = (WHOLE, Shard(0, 2))


def tags(i: int, offset: int, count: int) -> frozenset[str]:
    return frozenset(TAGS[(i * 7 + offset + j * 3) % len(TAGS)] for j in range(count))


def population(n: int, changed: range = range(0)) -> list[MatchProfile]:
    """n people; those in `changed` offer other skills."""
    return [MatchProfile(
        user_id=f"user-{i:05d}", roles=frozenset({"mentor", "mentee"} if i % 3 else {"mentee"}),
        grade=GRADES[i % len(GRADES)], skills_offered=tags(i, 1 if i in changed else 0, 4), skills_wanted=tags(i, 5, 3),
        interests=tags(i, 11, 3), professions=tags(i, 17, 1), mentor_capacity=3, accepting_requests=True)
        for i in range(n)]


def warm() -> int:
    """Run every shape of the recompute the handlers run; the number of lists built."""
    snapshot = Snapshot.build(population(600), MatchConfig())
    exclusions = snapshot.excluded_pairs([("user-00001", "user-00002")])
    lists = 0
    for shard in SHARDS:
        outcome = compute_shard(snapshot, exclusions, ListDigests.empty(), shard, "numba")
        lists += sum(1 for _ in outcome.changed)
        if shard == WHOLE:  # and the next hour's run, from this run's lists, after some people changed
            _, digests = merge_outcomes(snapshot, [outcome])
            later = Snapshot.build(population(600, changed=range(0, 600, 10)), MatchConfig())
            again = compute_shard(later, later.excluded_pairs([("user-00001", "user-00003")]), digests, WHOLE, "numba")
            lists += sum(1 for _ in again.changed)
    return lists


def main() -> None:
    started = time.perf_counter()
    lists = warm()
    print(f"numba kernels compiled and cached in {time.perf_counter() - started:.1f} s ({lists} lists)")


if __name__ == "__main__":
    main()
