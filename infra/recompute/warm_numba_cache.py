"""Compile the recompute's numba kernel once, at image build, into NUMBA_CACHE_DIR.

    NUMBA_CACHE_DIR=/opt/numba-cache NUMBA_CPU_NAME=generic python infra/recompute/warm_numba_cache.py

Runs the exact engine (engine="numba") on a small made-up population, which compiles every
kernel specialisation the recompute uses (uint8 counters: no profile has 256 tags in one
dimension; the schema caps them far lower). NUMBA_CPU_NAME=generic makes the cache valid on
any x86-64 CPU, so Lambda's machines load it instead of compiling again (numba keys its cache
by CPU name and features). Prints how long the compile took.
"""

import time

from chalicelib.matching import MatchConfig, compute_all_lists
from chalicelib.matching.model import MatchProfile

GRADES = ("AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1")
TAGS = tuple(f"tag-{n}" for n in range(40))


def tags(i: int, offset: int, count: int) -> frozenset[str]:
    return frozenset(TAGS[(i * 7 + offset + j * 3) % len(TAGS)] for j in range(count))


def population(n: int) -> list[MatchProfile]:
    return [MatchProfile(
        user_id=f"user-{i:05d}", roles=frozenset({"mentor", "mentee"} if i % 3 else {"mentee"}),
        grade=GRADES[i % len(GRADES)], skills_offered=tags(i, 0, 4), skills_wanted=tags(i, 5, 3),
        interests=tags(i, 11, 3), professions=tags(i, 17, 1), mentor_capacity=3, accepting_requests=True)
        for i in range(n)]


def main() -> None:
    started = time.perf_counter()
    lists = list(compute_all_lists(population(600), [("user-00001", "user-00002")], MatchConfig(), "numba"))
    print(f"numba kernel compiled and cached in {time.perf_counter() - started:.1f} s ({len(lists)} lists)")


if __name__ == "__main__":
    main()
