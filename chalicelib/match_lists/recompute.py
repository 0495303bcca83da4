"""The scheduled recompute: every list, from every profile, written only where it changed.

Rules (design: Matching, Scale; issues 3 and 12):
- a run has three steps: prepare (read every profile once, build the run's snapshot), shards
  (each ranks the lists of a range of people exactly, compares each list's digest with the one
  the last run stored, and writes only the changed lists, each one item written whole, so a
  reader never sees half a list), publish (delete the lists of people who left or dropped a
  role, then the snapshot the API's instant queries start from, then the digests, last);
- small populations run all three in one invocation (run_recompute), which ranks again only the
  lists a change since the last such run can reach (matching/incremental.py: the digests saved by
  publish carry that run's ranked lists); from a configured size the hourly schedule starts the
  sharded run instead (AWS Step Functions: one Lambda per shard, publish only once every shard
  succeeded; locally, processes), which ranks everyone;
- idempotent: a shard run twice writes the same lists; a run killed before it publishes leaves
  the last published snapshot and digests, so the next run redoes its work;
- logs a summary (ids and counts only) and publishes RecomputeSeconds and ListsChanged as
  CloudWatch metrics (embedded metric format), which the failed-recompute alarm watches.
"""

import logging
import math
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from itertools import islice
from typing import TypeVar

from chalicelib.match_lists.domain import MatchList, to_match_profiles
from chalicelib.match_lists.ports import (
    ExclusionSource,
    MatchListRepository,
    ShardedRunStarter,
    SnapshotStore,
)
from chalicelib.matching import WHOLE, MatchConfig, MatchIndex, Shard, ShardInput, ShardOutcome, compute_shard
from chalicelib.matching import merge_outcomes as merge
from chalicelib.matching.snapshot import Snapshot
from chalicelib.metrics import emit
from chalicelib.profiles.ports import ProfileRepository

logger = logging.getLogger("mentor-match.recompute")
WRITE_CHUNK = 500
INPUT = "input"


@dataclass(frozen=True)
class ShardPlan:
    shard_from: int  # people from which the hourly schedule runs the sharded recompute
    people_per_shard: int  # sized so one shard fits one Lambda (see README, "Matching at national scale")
    shards: int = 0  # a fixed number of shards (RECOMPUTE_SHARDS locally); 0: by people_per_shard
    every_hours: int = 1  # the schedule starts a sharded run at the UTC hours divisible by this

    def shards_for(self, people: int) -> int:
        return self.shards or max(1, math.ceil(people / max(self.people_per_shard, 1)))

    def sharded_run_due(self, now: datetime) -> bool:
        return now.hour % max(self.every_hours, 1) == 0


@dataclass(frozen=True)
class RecomputeStores:
    profiles: ProfileRepository
    source: ExclusionSource
    lists: MatchListRepository
    store: SnapshotStore
    config: MatchConfig
    plan: ShardPlan
    starter: ShardedRunStarter | None = None  # None: never shard on the schedule (no state machine)
    engine: str = "auto"


@dataclass(frozen=True)
class RecomputeSummary:
    profiles: int
    lists: int
    lists_changed: int
    seconds: float
    computed_at: str
    shards: int = 1


def run_scheduled_recompute(stores: RecomputeStores, now: datetime) -> dict[str, object]:
    """The hourly schedule: one invocation below the configured size, else start the sharded run
    (every plan.every_hours hours; the hours between do nothing)."""
    people = stores.store.population() or 0
    if stores.starter is not None and people >= stores.plan.shard_from:
        if not stores.plan.sharded_run_due(now):
            logger.info("sharded recompute not due: it runs every %d hours", stores.plan.every_hours)
            return {"sharded": True, "run": None, "people": people, "due": False}
        started = stores.starter.start(now)
        logger.info("sharded recompute %s for %d people", "started" if started else "still running", people)
        return {"sharded": True, "run": started, "people": people, "due": True}
    return asdict(run_recompute(stores, now))


def run_recompute(stores: RecomputeStores, now: datetime) -> RecomputeSummary:
    """Prepare, one shard of everyone and publish, in this invocation."""
    started = time.monotonic()
    run = prepare(stores, now)
    outcome = run_shard_of(stores, run, WHOLE)
    return publish(stores, run, [outcome], now, time.monotonic() - started)


def start_run(stores: RecomputeStores, now: datetime) -> dict[str, object]:
    """Step 1 of a sharded run: its input, saved for the shards; what the state machine maps over."""
    run = prepare(stores, now)
    run_id = f"{now.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    stores.store.save_run(run_id, INPUT, run.to_bytes())
    of = stores.plan.shards_for(run.snapshot.n_users)
    return {"run": run_id, "of": of, "shards": list(range(of))}


def run_shard(stores: RecomputeStores, run_id: str, number: int, of: int) -> dict[str, object]:
    """Step 2, once per shard (in parallel): write the shard's changed lists, then save its outcome."""
    run = ShardInput.from_bytes(stores.store.load_run(run_id, INPUT))
    outcome = run_shard_of(stores, run, Shard(number, of))
    stores.store.save_run(run_id, f"shard-{number}", outcome.to_bytes())
    return {"run": run_id, "shard": number, "lists_changed": outcome.changed_count}


def publish_run(stores: RecomputeStores, run_id: str, of: int, now: datetime) -> dict[str, object]:
    """Step 3, after every shard succeeded: publish the run, then forget its parts."""
    run = ShardInput.from_bytes(stores.store.load_run(run_id, INPUT))
    outcomes = [ShardOutcome.from_bytes(stores.store.load_run(run_id, f"shard-{n}")) for n in range(of)]
    began = datetime.fromisoformat(run.notes["started"])
    summary = publish(stores, run, outcomes, now, (now - began).total_seconds())
    stores.store.delete_run(run_id)
    return asdict(summary)


def prepare(stores: RecomputeStores, now: datetime) -> ShardInput:
    people = to_match_profiles(stores.profiles.scan_all(), stores.source.active_mentee_counts())
    snapshot = Snapshot.build(people, stores.config)
    exclusions = snapshot.excluded_pairs(stores.source.all_exclusion_pairs(now))
    return ShardInput(snapshot, exclusions, {"computed_at": now.isoformat(timespec="seconds"),
                                             "started": now.isoformat()})


def run_shard_of(stores: RecomputeStores, run: ShardInput, shard: Shard) -> ShardOutcome:
    outcome = compute_shard(run.snapshot, run.exclusions, stores.store.load_digests(), shard, stores.engine)
    stamp = run.notes["computed_at"]
    changed = (MatchList(uid, role, stamp, tuple(matches)) for uid, role, matches in outcome.changed)
    for chunk in chunks(changed, WRITE_CHUNK):
        stores.lists.put_many(chunk)
    return outcome


def publish(stores: RecomputeStores, run: ShardInput, outcomes: list[ShardOutcome], now: datetime,
            seconds: float) -> RecomputeSummary:
    snapshot, digests = merge(run.snapshot, outcomes)
    deleted = stores.lists.delete_many(stores.store.load_digests().gone(digests))
    stores.store.save(MatchIndex(snapshot).to_bytes(), run.notes["computed_at"], snapshot.n_users)
    stores.store.save_digests(digests)  # last: a run killed before here is simply redone
    written = sum(outcome.changed_count for outcome in outcomes)
    summary = RecomputeSummary(snapshot.n_users, digests.count(), written + deleted, round(seconds, 3),
                               run.notes["computed_at"], len(outcomes))
    logger.info("recompute finished %s", asdict(summary))
    emit({"RecomputeSeconds": summary.seconds, "ListsChanged": summary.lists_changed})
    return summary


def seed_kernel_cache(seed: str, cache: str) -> bool:
    """Copy the kernel compiled at image build (``seed``) into numba's writable cache folder, once
    per container, before numba is imported; True when copied. Nothing to do without both folders."""
    if not seed or not cache or not os.path.isdir(seed) or os.path.isdir(cache):
        return False
    shutil.copytree(seed, cache)
    return True


T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
