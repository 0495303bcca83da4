"""The recompute image compiles, at build, every numba specialisation its handlers run.

If a handler needed one the build did not compile, every cold start in AWS would pay the JIT (15 s
and more) again. Two fresh processes list the signatures each numba function was compiled (or
loaded from the cache) for: one runs infra/recompute/warm_numba_cache.py, one runs what the
hourly recompute (a first run, and one from the last run's lists) and a recompute_shard Lambda run on a realistic generated population.
"""

import json
import subprocess
import sys

from tests.conftest import REPO

SIGNATURES = """
import json, sys, types
import chalicelib.matching.digestkernel, chalicelib.matching.heaps, chalicelib.matching.kernel
from numba.core.registry import CPUDispatcher
modules = (chalicelib.matching.digestkernel, chalicelib.matching.heaps, chalicelib.matching.kernel)
print(json.dumps({f"{m.__name__}.{name}": sorted(str(s) for s in value.signatures)
                  for m in modules for name, value in vars(m).items() if isinstance(value, CPUDispatcher)}))
"""
WARM = "import infra.recompute.warm_numba_cache as warm; warm.warm()\n" + SIGNATURES
HANDLERS = """
from bench.population import edited, generate
from chalicelib.matching import WHOLE, ListDigests, MatchConfig, Shard, compute_shard, merge_outcomes
from chalicelib.matching.snapshot import Snapshot
population = generate(2_000, 7)
snapshot = Snapshot.build(population.profiles, MatchConfig())
exclusions = snapshot.excluded_pairs(population.exclusions)
first = compute_shard(snapshot, exclusions, ListDigests.empty(), WHOLE, "numba")   # the hourly invocation
sum(1 for _ in first.changed)
_, digests = merge_outcomes(snapshot, [first])                                      # an hour later, from its lists
later = Snapshot.build(edited(population, 0.05, 7)[0].profiles, MatchConfig())
second = compute_shard(later, later.excluded_pairs(population.exclusions), digests, WHOLE, "numba")
sum(1 for _ in second.changed)
for number in range(3):                                                             # recompute_shard, 3 shards
    outcome = compute_shard(snapshot, exclusions, ListDigests.empty(), Shard(number, 3), "numba")
    sum(1 for _ in outcome.changed)
""" + SIGNATURES


def signatures(code: str) -> dict[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_image_compiles_every_kernel_the_recompute_handlers_run():
    warmed, needed = signatures(WARM), signatures(HANDLERS)
    assert any(needed.values()), "the handlers ran no numba kernel: is the engine numba?"
    missing = {name: sorted(set(sigs) - set(warmed.get(name, []))) for name, sigs in needed.items()}
    assert {name: sigs for name, sigs in missing.items() if sigs} == {}
