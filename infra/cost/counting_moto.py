"""The local AWS emulator (moto server) with a meter: what the app asks of AWS, as AWS would bill it.

    python -m infra.cost.counting_moto -p 4566     (the cost measurement starts the stack with it)

Every call is counted by service and operation; DynamoDB calls also by read and write request
units (infra/cost/capacity.py), SES sends by email, S3 by bytes. ``GET /_meter`` returns the
counts since the last ``POST /_meter/reset``. Everything else is moto, as infra/local/emulator.py runs it.
"""

import argparse
import io
import json
import threading
from collections import defaultdict
from typing import Any

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

from infra.cost.capacity import units_of
from infra.local.emulator import keep_module_list

_lock = threading.Lock()
counts: dict[str, float] = defaultdict(float)


def count(key: str, amount: float = 1.0) -> None:
    with _lock:
        counts[key] += amount


def record(environ: dict[str, Any], body: bytes, reply: bytes) -> None:
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    if target.startswith("DynamoDB_"):
        operation = target.split(".", 1)[1]
        count(f"dynamodb:{operation}")
        try:
            reads, writes, by_table = units_of(operation, json.loads(body or b"{}"), json.loads(reply or b"{}"))
        except (ValueError, KeyError):
            return
        count("dynamodb:RRU", reads)
        count("dynamodb:WRU", writes)
        for key, units in by_table.items():
            count(f"dynamodb-table:{key}", units)
    elif target.startswith("AWSCognitoIdentityProviderService."):
        count(f"cognito:{target.split('.', 1)[1]}")
    elif b"Action=SendEmail" in body or b"Action=SendRawEmail" in body:
        count("ses:emails")
    elif "s3" in environ.get("HTTP_AUTHORIZATION", "") or environ.get("HTTP_HOST", "").startswith("s3"):
        method = environ.get("REQUEST_METHOD", "")
        count(f"s3:{method}")
        count(f"s3:{method}:bytes", len(reply) if method == "GET" else len(body))


class Meter:
    def __init__(self, app: Any):
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if path == "/_meter":
            return self._reply(start_response, dict(counts))
        if path == "/_meter/reset":
            with _lock:
                counts.clear()
            return self._reply(start_response, {})
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        reply = b"".join(self.app(environ, start_response))
        try:
            record(environ, body, reply)
        except Exception as error:  # the meter must never break the emulator
            count(f"meter-error:{type(error).__name__}")
        return [reply]

    @staticmethod
    def _reply(start_response: Any, data: dict[str, float]) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "application/json")])
        return [json.dumps(data).encode()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=4566)
    args = parser.parse_args()
    keep_module_list()
    run_simple(args.host, args.port, Meter(DomainDispatcherApplication(create_backend_app)), threaded=True)


if __name__ == "__main__":
    main()
