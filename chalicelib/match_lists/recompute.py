"""The scheduled recompute: every list, from every profile, written only where it changed.

Rules (design: Matching; issue 3):
- reads every profile once (parallel scan), computes every list with the exact engine;
- writes only the lists whose content changed since the last run (digests kept beside the
  snapshot), each list one item written whole, so a reader never sees half a list;
- idempotent: two runs on the same data leave the same state; a run killed midway and run
  again ends identical to a clean run, because the digests and snapshot are saved last;
- leaves the snapshot the API's instant queries start from;
- logs a summary (ids and counts only) and publishes RecomputeSeconds and ListsChanged as
  CloudWatch metrics (embedded metric format), which the failed-recompute alarm watches.
"""

import logging
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from itertools import islice
from typing import TypeVar, cast

from chalicelib.match_lists.domain import MatchList, to_match_profiles
from chalicelib.match_lists.ports import ExclusionSource, MatchListRepository, SnapshotStore
from chalicelib.matching import MatchConfig, MatchIndex, compute_all_lists
from chalicelib.metrics import emit
from chalicelib.profiles.ports import ProfileRepository

logger = logging.getLogger("mentor-match.recompute")
WRITE_CHUNK = 500


@dataclass(frozen=True)
class RecomputeSummary:
    profiles: int
    lists: int
    lists_changed: int
    seconds: float
    computed_at: str


def run_recompute(profiles: ProfileRepository, source: ExclusionSource, lists: MatchListRepository,
                  store: SnapshotStore, config: MatchConfig, now: datetime, engine: str = "auto") -> RecomputeSummary:
    started = time.monotonic()
    stamp = now.isoformat(timespec="seconds")
    people = to_match_profiles(profiles.scan_all(), source.active_mentee_counts())
    pairs = list(source.all_exclusion_pairs(now))
    previous = store.load_digests()
    digests: dict[str, str] = {}
    built: list[MatchIndex] = []  # the engine hands over the index of this same run: no second pass
    computed = (MatchList(uid, role, stamp, tuple(matches))
                for uid, role, matches in compute_all_lists(people, pairs, config, engine, on_index=built.append))
    changed = 0
    for chunk in chunks(only_changed(computed, previous, digests), WRITE_CHUNK):
        changed += lists.put_many(chunk)
    changed += lists.delete_many(gone(previous, digests))
    store.save(built[0].to_bytes(), stamp)
    store.save_digests(digests)  # last: a run killed before here is simply redone
    summary = RecomputeSummary(len(people), len(digests), changed, round(time.monotonic() - started, 3), stamp)
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


def only_changed(computed: Iterable[MatchList], previous: dict[str, str], digests: dict[str, str]) -> Iterator[MatchList]:
    for match_list in computed:
        key = f"{match_list.user_id}|{match_list.role}"
        digests[key] = match_list.digest
        if previous.get(key) != digests[key]:
            yield match_list


def gone(previous: dict[str, str], current: dict[str, str]) -> list[tuple[str, str]]:
    """Lists from the last run whose person or role no longer exists: they are deleted, so
    nothing keeps the id of someone who left."""
    # Every key is "user_id|role" (only_changed made it), so it splits in two.
    return [cast(tuple[str, str], tuple(key.split("|", 1))) for key in previous if key not in current]


T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
