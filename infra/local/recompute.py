"""Run the scheduled recompute Lambda's handler against the running local stack.

    python -m infra.local.recompute                      (make recompute)
    RECOMPUTE_SHARDS=4 python -m infra.local.recompute   (RECOMPUTE_SHARDS=4 make recompute)

Without RECOMPUTE_SHARDS it invokes the handler the hourly schedule invokes in AWS. With it, it
plays the Step Functions state machine: the prepare Lambda, then the shard Lambda once per shard,
each in a process of its own and in parallel, then (only if every shard succeeded) the publish
Lambda. Every handler runs through Chalice's test client, as in AWS.

A shard's process is forked from a server process that has imported the app and made its AWS
clients, and done nothing else (multiprocessing's "forkserver", with the app and prefork.py
preloaded): like a Lambda container that has run its imports, each shard starts with no state from
the others or from this process (no connection, no cached data), without paying Python's start, the
app's imports and the clients' service descriptions once per shard.
"""

import json
import multiprocessing
import os
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor

from chalice.test import Client

from chalicelib.settings import reset_settings


class ShardsFailedError(RuntimeError):
    """A shard failed, so the run stopped before publishing (as the state machine does)."""


def local_environment(moto_port: int) -> dict:
    return {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{moto_port}",
        "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "eu-west-2"),
        "MENTOR_MATCH_STAGE": "local",
    }


def invoke(function: str, event: dict | None = None) -> dict:
    from app import app

    with Client(app, stage_name="local") as client:
        if event is None:  # the schedule's own event
            event = client.events.generate_cw_event(source="aws.events", detail_type="Scheduled Event",
                                                    detail={}, resources=[])
        return client.lambda_.invoke(function, event).payload


def invoke_recompute() -> dict:
    """The hourly schedule's handler (the local stack runs it once at start-up)."""
    return invoke("recompute")


def run_shard(event: dict, environment: dict[str, str]) -> str | None:
    """One shard, in a process of its own, with the environment of the process that ran the plan
    (the fork server keeps the one it started with): None, or why it failed."""
    os.environ.clear()
    os.environ.update(environment)
    reset_settings()
    try:
        invoke("recompute_shard", event)
    except Exception:
        return traceback.format_exc()[-2000:]
    return None


# What the fork server imports before it forks a shard: the app, then its AWS clients (prefork.py).
# multiprocessing skips a preload module it cannot import without a word (the shards would then
# each make their own clients again): a test checks that they exist.
FORK_SERVER_PRELOAD = ("app", "infra.local.prefork")


def shard_processes(workers: int) -> ProcessPoolExecutor:
    """Up to `workers` shards at a time, each in a new process forked from a server that has
    imported the app and made its clients (max_tasks_per_child=1: no process runs a second shard)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(FORK_SERVER_PRELOAD))
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, max_tasks_per_child=1)


def run_sharded() -> dict:
    plan = invoke("recompute_prepare", {})
    workers = min(len(plan["shards"]), os.cpu_count() or 1)
    events = [{"run": plan["run"], "shard": number, "of": plan["of"]} for number in plan["shards"]]
    with shard_processes(workers) as pool:
        errors = pool.map(run_shard, events, [dict(os.environ)] * len(events))
        failed = [error for error in errors if error is not None]
    if failed:  # as the state machine does: no publish unless every shard succeeded
        raise ShardsFailedError(f"{len(failed)} of {plan['of']} shards failed:\n{failed[0]}")
    return invoke("recompute_publish", {"run": plan["run"], "of": plan["of"]})


def main(argv: list[str]) -> None:
    os.environ.update(local_environment(int(os.environ.get("MOTO_PORT", 4566))))
    reset_settings()
    from chalicelib.settings import get_settings

    try:
        summary = run_sharded() if get_settings().recompute_shards > 0 else invoke_recompute()
    except ShardsFailedError as error:
        sys.exit(f"The sharded recompute stopped before publishing: {error}\n"
                 "The snapshot is still the last run's; the shards that succeeded wrote their lists. "
                 "Run it again once the cause is mended: the re-run completes the rest.")
    except Exception as error:  # the stack is not running, most likely
        sys.exit(f"The recompute failed ({type(error).__name__}: {error}). Is 'make run' running?")
    print("Recompute finished:", json.dumps(summary))


if __name__ == "__main__":
    # Through the module's own name, so that the shard processes find run_shard by it.
    from infra.local import recompute

    recompute.main(sys.argv[1:])
