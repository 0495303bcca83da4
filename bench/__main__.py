"""Benchmark of the matching engine: python -m bench [--sizes 10000,100000,520000] [--quick].

For each size, in the same run and on the same seeded population: the full recompute
(compute_all_lists, numba), the API's instant queries (MatchIndex from bytes, numpy only),
the baselines (scipy blocked exact, extrapolated from sampled blocks; sparse_dot_topn skills
top-20) and a correctness check against the plain reference on sampled users. Prints a table
and writes bench/results/bench-<time>.json.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import read_json, write_json
from bench.report import summarise, table

RESULTS = Path(__file__).resolve().parent / "results"
TASK_ORDER = ("recompute", "queries", "baselines")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="comma-separated population sizes (default 10000,100000,520000; "
                                        "--quick: 10000,100000)")
    parser.add_argument("--quick", action="store_true", help="fewer samples, smaller baselines")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    default = "10000,100000" if args.quick else "10000,100000,520000"
    args.sizes = [int(s) for s in (args.sizes or default).split(",")]
    return args


def run_task(task: str, size: int, seed: int, quick: bool, workdir: Path) -> dict:
    began = time.perf_counter()
    print(f"  [{size:,}] {task} ...", flush=True)
    command = [sys.executable, "-m", "bench.worker", task, str(size), str(seed), "1" if quick else "0", str(workdir)]
    subprocess.run(command, check=True, cwd=Path(__file__).resolve().parents[1])
    print(f"  [{size:,}] {task} done in {time.perf_counter() - began:.0f} s", flush=True)
    return read_json(workdir / f"{task}.json")


def environment() -> dict:
    import numba
    import numpy

    return {"cpus": os.cpu_count(), "numba_threads": numba.get_num_threads(), "numpy": numpy.__version__,
            "numba": numba.__version__, "load_average_at_start": os.getloadavg(), "python": sys.version.split()[0]}


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    env = environment()
    print(f"Matching benchmark, sizes {args.sizes}, seed {args.seed}, quick={args.quick}; {env}", flush=True)
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp:
            raw = {task: run_task(task, size, args.seed, args.quick, Path(tmp)) for task in TASK_ORDER}
        rows.append(summarise(size, raw))
        print(table(rows[-1:]), flush=True)
    env["load_average_at_end"] = os.getloadavg()
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    write_json(out, {"environment": env, "seed": args.seed, "quick": args.quick, "results": rows})
    print("\n" + table(rows))
    print(f"\nwritten {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}")


if __name__ == "__main__":
    main(sys.argv[1:])
