"""Run the scheduled recompute Lambda's handler against the running local stack.

    python -m infra.local.recompute      (make recompute)

It invokes the same handler the EventBridge schedule invokes in AWS, through Chalice's
test client, with a generated schedule event.
"""

import json
import os
import sys

from chalice.test import Client


def local_environment(moto_port: int) -> dict:
    return {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{moto_port}",
        "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "eu-west-2"),
        "MENTOR_MATCH_STAGE": "local",
    }


def invoke_recompute() -> dict:
    from app import app

    with Client(app, stage_name="local") as client:
        event = client.events.generate_cw_event(source="aws.events", detail_type="Scheduled Event",
                                                detail={}, resources=[])
        return client.lambda_.invoke("recompute", event).payload


def main() -> None:
    os.environ.update(local_environment(int(os.environ.get("MOTO_PORT", 4566))))
    try:
        summary = invoke_recompute()
    except Exception as error:  # the stack is not running, most likely
        sys.exit(f"The recompute failed ({type(error).__name__}: {error}). Is 'make run' running?")
    print("Recompute finished:", json.dumps(summary))


if __name__ == "__main__":
    main()
