"""Benchmark of the matching engine: python -m bench [--sizes 10000,100000,520000] [--quick] [--crossover].

For each size, in the same run and on the same seeded population: the first full recompute (every
list new), the hourly recompute with 1% of profiles edited (digests compared in arrays, only
changed lists built; its writes), the API's instant queries (MatchIndex from bytes, numpy only),
the baselines (scipy blocked exact, extrapolated from sampled blocks; sparse_dot_topn skills
top-20) and a correctness check against the plain reference on sampled users. Sizes from
1,000,000 (e.g. --sizes 2000000) run the sharded recompute instead, step by step in separate
processes, and extrapolate a 6M-person recompute on Lambda. --crossover measures where numpy
beats numba. Prints tables and writes bench/results/bench-<time>.json; every figure is printed
with the load average, since other work on the machine skews timings.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import crossover, sharded
from bench.measure import read_json, write_json
from bench.report import summarise, table

RESULTS = Path(__file__).resolve().parent / "results"
TASK_ORDER = ("recompute", "hourly", "queries", "baselines")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="comma-separated population sizes (default 10000,100000,520000; "
                                        "--quick: 10000,100000)")
    parser.add_argument("--quick", action="store_true", help="fewer samples, smaller baselines")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--crossover", action="store_true", help="measure where numpy beats numba, then stop")
    args = parser.parse_args(argv)
    default = "10000,100000" if args.quick else "10000,100000,520000"
    args.sizes = [int(s) for s in (args.sizes or default).split(",")]
    return args


def run_task(task: str, size: int, seed: int, quick: bool, workdir: Path) -> dict:
    began = time.perf_counter()
    print(f"  [{size:,}] {task} ...", flush=True)
    command = [sys.executable, "-m", "bench.worker", task, str(size), str(seed), "1" if quick else "0", str(workdir)]
    subprocess.run(command, check=True, cwd=Path(__file__).resolve().parents[1])
    print(f"  [{size:,}] {task} done in {time.perf_counter() - began:.0f} s (load {_load()})", flush=True)
    return read_json(workdir / f"{task.replace(':', '-')}.json")


def _load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def run_size(size: int, args: argparse.Namespace, sharded_from: int) -> tuple[dict, str]:
    """(summary, report) for one size: the single-invocation tasks, or the sharded steps from sharded_from."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp:
        if size < sharded_from:
            row = summarise(size, {task: run_task(task, size, args.seed, args.quick, Path(tmp)) for task in TASK_ORDER})
            return row, table([row])
        of = sharded.shard_count(size)
        numbers = [0, of - 1] if args.quick and of > 2 else list(range(of))  # --quick: two shards only
        raw = {"prepare": run_task("prepare", size, args.seed, args.quick, Path(tmp))}
        shard_runs = [run_task(f"shard:{n}:{of}", size, args.seed, args.quick, Path(tmp)) for n in numbers]
        raw["publish"] = (run_task(f"publish:{of}", size, args.seed, args.quick, Path(tmp)) if len(numbers) == of
                          else {"seconds": 0.0, "index_mb": 0.0, "digests_mb": 0.0, "peak_rss_mb": 0.0})
        row = sharded.summarise(size, raw, shard_runs, of)
        return row, sharded.report(row)


def environment() -> dict:
    import numba
    import numpy

    return {"cpus": os.cpu_count(), "numba_threads": numba.get_num_threads(), "numpy": numpy.__version__,
            "numba": numba.__version__, "load_average_at_start": os.getloadavg(), "python": sys.version.split()[0]}


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    env = environment()
    print(f"Matching benchmark, sizes {args.sizes}, seed {args.seed}, quick={args.quick}; {env}", flush=True)
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    if args.crossover:
        result = crossover.measure(args.seed)
        env["load_average_at_end"] = os.getloadavg()
        write_json(out, {"environment": env, "crossover": result})
        print(crossover.report(result) + f"\n(load average at end {_load()})\n\nwritten {out}")
        return
    rows, reports = [], []
    sharded_from = sharded.sharded_from()  # RECOMPUTE_SHARD_FROM, as the schedule reads it
    for size in args.sizes:
        row, text = run_size(size, args, sharded_from)
        rows.append(row)
        reports.append(text)
        print(text, flush=True)
    env["load_average_at_end"] = os.getloadavg()
    write_json(out, {"environment": env, "seed": args.seed, "quick": args.quick, "results": rows})
    single = [row for row in rows if row["size"] < sharded_from]
    print("\n" + "\n\n".join(([table(single)] if single else []) + [r for r, row in zip(reports, rows, strict=True)
                                                                   if row["size"] >= sharded_from]))
    print(f"\nload average at start {env['load_average_at_start']}, at end {env['load_average_at_end']}"
          " (other work on the machine skews wall-clock figures; CPU-time ratios less so)")
    print(f"written {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}")


if __name__ == "__main__":
    main(sys.argv[1:])
