"""Cold start of the recompute handler's engine, measured in fresh processes (no Docker here).

    python -m bench.coldstart [--sizes 200,520000]      (make coldstart)

For each population size, three fresh Python processes, as a new Lambda container would start
(with --series, only the engine the recompute uses: auto, warmed cache, whose compute seconds are
`recompute_engine_seconds` in infra/cost/measured.json):
- numba, empty cache: what the image did before issue 11 (compiles the kernel on the cold start);
- numba, warmed cache: what the image does now (infra/recompute/warm_numba_cache.py at build,
  NUMBA_CPU_NAME=generic, the cache copied to /tmp at start);
- numpy: the engine without numba.
Each reports seconds for: importing the handler's modules, the first compute_all_lists (kernel
load or compile included), and the whole process. The DynamoDB scan, the list writes and S3 are
not in these figures (they are the same whatever the engine). Writes bench/results/coldstart-*.json.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
REPO = Path(__file__).resolve().parents[1]

WORKER = """
import sys, time, json
began = time.perf_counter()
import app  # the Lambda handler module, as the image's CMD loads it
from chalicelib.matching import MatchConfig, compute_all_lists
imported = time.perf_counter()
from bench.population import generate
population = generate(int(sys.argv[1]))
generated = time.perf_counter()
lists = sum(1 for _ in compute_all_lists(population.profiles, population.exclusions, MatchConfig(), sys.argv[2]))
done = time.perf_counter()
print(json.dumps({"import_s": imported - began, "compute_s": done - generated, "lists": lists,
                  "process_s": done - began - (generated - imported)}))
"""


def run(size: int, engine: str, cache: Path) -> dict:
    env = {**os.environ, "NUMBA_CACHE_DIR": str(cache), "NUMBA_CPU_NAME": "generic", "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WORKER, str(size), engine], env=env, cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return {key: round(value, 2) if isinstance(value, float) else value for key, value in result.items()}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,520000")
    parser.add_argument("--series", action="store_true",
                        help="only the recompute's own engine (auto, warmed cache): the cost model's series")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = ((("auto, warmed cache", "auto", True),) if args.series else
               (("numba, empty cache", "numba", False), ("numba, warmed cache", "numba", True), ("numpy", "numpy", False)))
    results = []
    with tempfile.TemporaryDirectory() as folder:
        warmed = Path(folder) / "warmed"
        subprocess.run([sys.executable, str(REPO / "infra" / "recompute" / "warm_numba_cache.py")], check=True,
                       env={**os.environ, "NUMBA_CACHE_DIR": str(warmed), "NUMBA_CPU_NAME": "generic",
                            "PYTHONPATH": str(REPO)})
        for size in sizes:
            for label, engine, from_warmed in engines:
                cache = Path(folder) / f"{size}-{engine}-{len(results)}"
                if from_warmed:
                    shutil.copytree(warmed, cache)
                result = {"size": size, "engine": label, "load_average": os.getloadavg()[0], **run(size, engine, cache)}
                print(json.dumps(result), flush=True)
                results.append(result)
    if args.series:
        print("recompute_engine_seconds:", json.dumps({str(r["size"]): r["compute_s"] for r in results}))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"coldstart-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
