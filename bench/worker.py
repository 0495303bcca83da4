"""Run one benchmark task in this process: python -m bench.worker TASK SIZE SEED QUICK WORKDIR.

TASK is one of bench.tasks.TASKS, or a step of the sharded run: prepare, shard:<n>:<of>, publish:<of>."""

import sys
from pathlib import Path

from bench import sharded
from bench.measure import write_json
from bench.samples import Plan
from bench.tasks import TASKS


def run(task: str, plan: Plan, workdir: Path) -> dict:
    name, *numbers = task.split(":")
    if name == "prepare":
        return sharded.prepare(plan, workdir)
    if name == "shard":
        return sharded.shard(plan, workdir, int(numbers[0]), int(numbers[1]))
    if name == "publish":
        return sharded.publish(plan, workdir, int(numbers[0]))
    return TASKS[name](plan, workdir)


def main(argv: list[str]) -> None:
    task, size, seed, quick, workdir = argv
    result = run(task, Plan(int(size), int(seed), quick == "1"), Path(workdir))
    write_json(Path(workdir) / f"{task.replace(':', '-')}.json", result)


if __name__ == "__main__":
    main(sys.argv[1:])
