"""Run the scheduled recompute Lambda's handler against the running local stack.

    python -m infra.local.recompute                      (make recompute)
    RECOMPUTE_SHARDS=4 python -m infra.local.recompute   (RECOMPUTE_SHARDS=4 make recompute)

Without RECOMPUTE_SHARDS it invokes the handler the hourly schedule invokes in AWS. With it, it
plays the Step Functions state machine: the prepare Lambda, then the shard Lambda once per shard,
each in a process of its own and in parallel, then (only if every shard succeeded) the publish
Lambda. Every handler runs through Chalice's test client, as in AWS.
"""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from chalice.test import Client

from chalicelib.settings import reset_settings


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


def run_sharded() -> dict:
    plan = invoke("recompute_prepare", {})
    workers = min(len(plan["shards"]), os.cpu_count() or 1)

    def shard(number: int) -> subprocess.CompletedProcess:
        event = json.dumps({"run": plan["run"], "shard": number, "of": plan["of"]})
        return subprocess.run([sys.executable, "-m", "infra.local.recompute", "--shard", event],
                              capture_output=True, text=True)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        failed = [done for done in pool.map(shard, plan["shards"]) if done.returncode != 0]
    if failed:  # as the state machine does: no publish unless every shard succeeded
        raise RuntimeError(f"{len(failed)} of {plan['of']} shards failed:\n{failed[0].stderr[-2000:]}")
    return invoke("recompute_publish", {"run": plan["run"], "of": plan["of"]})


def main(argv: list[str]) -> None:
    os.environ.update(local_environment(int(os.environ.get("MOTO_PORT", 4566))))
    reset_settings()
    if argv[:1] == ["--shard"]:  # one shard, in this process (run by run_sharded)
        print(json.dumps(invoke("recompute_shard", json.loads(argv[1]))))
        return
    from chalicelib.settings import get_settings

    try:
        summary = run_sharded() if get_settings().recompute_shards > 0 else invoke_recompute()
    except Exception as error:  # the stack is not running, most likely
        sys.exit(f"The recompute failed ({type(error).__name__}: {error}). Is 'make run' running?")
    print("Recompute finished:", json.dumps(summary))


if __name__ == "__main__":
    main(sys.argv[1:])
