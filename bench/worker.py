"""Run one benchmark task in this process: python -m bench.worker TASK SIZE SEED QUICK WORKDIR."""

import sys
from pathlib import Path

from bench.measure import write_json
from bench.samples import Plan
from bench.tasks import TASKS


def main(argv: list[str]) -> None:
    task, size, seed, quick, workdir = argv
    result = TASKS[task](Plan(int(size), int(seed), quick == "1"), Path(workdir))
    write_json(Path(workdir) / f"{task}.json", result)


if __name__ == "__main__":
    main(sys.argv[1:])
