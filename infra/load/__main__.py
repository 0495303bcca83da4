"""Load the running local stack (``make run``) with locust, headless, and print the figures.

    python -m infra.load [--users 16] [--seconds 30] [--people 64] [--direct]

Two mixes, one after the other, each with ``--users`` concurrent clients (``Connection: close``)
acting as ``--people`` signed-in demo people (infra/load/mixes.py): a read mix (matches, other
people's profiles, mentorships, own profile) and a write mix (profile saves, messages: writes
only). For each: requests/s, p50/p95/p99, errors by route, status and error code, and the
DynamoDB calls each route made (the local API counts them in ``X-DynamoDB-Calls``). Requests go
through the site's ``/api`` as the browser's do, or straight to the API with ``--direct``.
Bounded in time; only loopback addresses.
"""

from locust import events  # noqa: I001 - locust patches the standard library first
from locust.env import Environment

import argparse
import json
import os
import statistics
import time
from collections import Counter, defaultdict

import gevent

from infra.load import mixes
from infra.load.people import sign_in

CALLS: dict[str, list[int]] = defaultdict(list)
FAILURES: Counter = Counter()  # (route, status, error code) -> how many
SAMPLES: dict[tuple[str, int, str], str] = {}  # the first message of each kind of failure


@events.request.add_listener
def _observe(name: str, response, exception, **_: object) -> None:
    if response is None:
        return
    header = (response.headers or {}).get("X-DynamoDB-Calls") or (response.headers or {}).get("x-dynamodb-calls")
    if header is not None:
        CALLS[name].append(int(header))
    if exception is not None:
        code, message = error_of(response)
        FAILURES[(name, response.status_code, code)] += 1
        SAMPLES.setdefault((name, response.status_code, code), message or str(exception))


def error_of(response) -> tuple[str, str]:
    try:
        error = json.loads(response.text or "{}").get("error", {})
        return str(error.get("code", "-")), str(error.get("message", ""))[:160]
    except (ValueError, AttributeError):
        return ("-" if response.status_code else "no reply"), ""


def run_mix(name: str, user_class: type, host: str, users: int, seconds: int) -> dict:
    CALLS.clear()
    FAILURES.clear()
    SAMPLES.clear()
    environment = Environment(user_classes=[user_class], host=host, events=events)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(seconds)
    runner.quit()
    return report(name, environment, seconds)


def report(name: str, environment: Environment, seconds: int) -> dict:
    total = environment.stats.total
    figures = {"requests_per_second": round(total.total_rps, 1), "errors": total.num_failures,
               **{f"p{int(q * 100)}_ms": total.get_response_time_percentile(q) for q in (0.5, 0.95, 0.99)}}
    print(f"\n{name}: {total.num_requests} requests in {seconds} s, {figures['requests_per_second']} requests/s, "
          f"p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, p99 {figures['p99_ms']:.0f} ms, "
          f"errors {total.num_failures}")
    print(f"  {'route':36} {'requests':>8} {'p50 ms':>7} {'p95 ms':>7} {'DynamoDB calls: mean, max':>27}")
    for _, entry in sorted(environment.stats.entries.items()):
        calls = CALLS.get(entry.name, [])
        shown = f"{statistics.mean(calls):.1f}, {max(calls)}" if calls else "-"
        print(f"  {entry.name:36} {entry.num_requests:>8} {entry.get_response_time_percentile(0.5):>7.0f} "
              f"{entry.get_response_time_percentile(0.95):>7.0f} {shown:>27}")
    for (route, status, code), count in sorted(FAILURES.items()):
        print(f"  error: {route} -> {status or 'no reply'} {code}: {count} ({SAMPLES[(route, status, code)]})")
    return figures


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--people", type=int, default=64, help="demo people the clients act as (shared out)")
    parser.add_argument("--direct", action="store_true", help="straight to the API, not through the site's /api")
    parser.add_argument("--stack", default=".local/stack.json", help="what 'make run' wrote about itself")
    args = parser.parse_args()
    stack = json.loads(open(args.stack).read())
    api = stack["api_url"]
    host = stack["api_origin"] if args.direct else api
    mixes.PEOPLE.extend(sign_in(stack, api, args.people))
    mixes.USERS["count"] = args.users
    print(f"{len(mixes.PEOPLE)} people signed in ({sum(bool(p.mentorship_id) for p in mixes.PEOPLE)} with an open "
          f"mentorship); {args.users} clients, Connection: close, {args.seconds} s per mix, against {host}")
    print(f"load average before (1, 5, 15 min): {load_average()}")
    started = time.monotonic()
    run_mix("read mix (matches, profiles, mentorships, own profile)", mixes.Reader, host, args.users, args.seconds)
    run_mix("write mix (profile saves, messages)", mixes.Writer, host, args.users, args.seconds)
    print(f"\nload average after (1, 5, 15 min): {load_average()} ({time.monotonic() - started:.0f} s). "
          "Other work on the machine slows these figures: above about 1 on 2 cores they are noisy.")


if __name__ == "__main__":
    main()
