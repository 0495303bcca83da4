"""Where the numpy engine beats the numba kernel (python -m bench --crossover).

For each size, the whole recompute (compute_shard of everyone, every list built) in a fresh
process, as a Lambda starts: numpy alone, and numba including importing it and loading the
compiled kernel from numba's cache. Also the first JIT compile, with an empty cache (what a fresh
machine or a new image pays). ranking.NUMPY_BELOW is set from this.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (300, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000)
REPO = Path(__file__).resolve().parents[1]


def _one(engine: str, size: int, seed: int) -> float:
    from bench.population import generate
    from chalicelib.matching import WHOLE, ListDigests, compute_shard
    from chalicelib.matching.model import DEFAULT_CONFIG
    from chalicelib.matching.snapshot import Snapshot

    population = generate(size, seed)
    began = time.perf_counter()
    snapshot = Snapshot.build(population.profiles, DEFAULT_CONFIG)
    outcome = compute_shard(snapshot, snapshot.excluded_pairs(population.exclusions), ListDigests.empty(), WHOLE,
                            engine)
    sum(1 for _ in outcome.changed)
    return time.perf_counter() - began


def _fresh(engine: str, size: int, seed: int, env: dict | None = None) -> float:
    done = subprocess.run([sys.executable, "-m", "bench.crossover", engine, str(size), str(seed)], cwd=REPO,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def measure(seed: int) -> dict:
    _fresh("numba", 300, seed)  # fill numba's cache first
    rows = [{"size": size, "numpy_seconds": _fresh("numpy", size, seed), "numba_seconds": _fresh("numba", size, seed)}
            for size in SIZES]
    with tempfile.TemporaryDirectory() as empty:
        first_jit = _fresh("numba", 201, seed, {"NUMBA_CACHE_DIR": empty})
    return {"rows": rows, "first_jit_seconds_201_people": first_jit}


def report(result: dict) -> str:
    lines = ["Engine crossover (fresh process each; numba includes its import and cached kernel load):",
             "    size   numpy s   numba s"]
    lines += [f"  {row['size']:>6,}  {row['numpy_seconds']:>8.2f}  {row['numba_seconds']:>8.2f}" for row in result["rows"]]
    lines.append(f"  first JIT compile with an empty cache, 201 people: {result['first_jit_seconds_201_people']:.1f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    engine, size, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(_one(engine, size, seed))
