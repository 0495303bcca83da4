"""The scheduled recompute with in-memory stores: writes only changes, idempotent, crash-safe."""

import json
from datetime import UTC, datetime

import pytest

from chalicelib.match_lists.domain import to_match_profile
from chalicelib.match_lists.recompute import RecomputeStores, ShardPlan, run_recompute
from chalicelib.matching import MatchConfig, MatchIndex
from chalicelib.profiles.domain import Profile
from tests.fakes.match_lists import InMemoryMatchListRepository, InMemorySnapshotStore, NoExclusions
from tests.fakes.profiles import InMemoryProfileRepository

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def make_profile(user_id: str, roles=("mentee",), grade="HEO", offered=(), wanted=(), interests=(), **extra):
    return Profile(user_id=user_id, display_name=user_id, job_title="", bio="", organisation_id="org", grade=grade,
                   location="Leeds", professions=("policy",), skills_offered=tuple(offered),
                   skills_wanted=tuple(wanted), interests=tuple(interests), roles=tuple(roles),
                   mentor_capacity=extra.get("capacity", 2 if "mentor" in roles else 0),
                   accepting_requests="mentor" in roles, created_at=NOW.isoformat(), updated_at=NOW.isoformat())


@pytest.fixture
def world():
    profiles = InMemoryProfileRepository()
    for profile in (
        make_profile("mentee-1", wanted=("python", "sql")),
        make_profile("mentee-2", wanted=("leadership",)),
        make_profile("mentor-1", roles=("mentor",), grade="G7", offered=("python", "leadership")),
        make_profile("mentor-2", roles=("mentor", "mentee"), grade="G6", offered=("sql",), wanted=("coaching",)),
    ):
        profiles.save(profile)
    return profiles, InMemoryMatchListRepository(), InMemorySnapshotStore()


def stores_of(world, source=None, lists=None, **kwargs) -> RecomputeStores:
    profiles, world_lists, store = world
    return RecomputeStores(profiles, source or NoExclusions(), lists or world_lists, store, MatchConfig(),
                           ShardPlan(shard_from=1_000_000, people_per_shard=250_000), **kwargs)


def recompute(world, source=None, now=NOW, **kwargs):
    return run_recompute(stores_of(world, source, **kwargs), now)


def test_every_person_gets_a_list_for_each_role_they_hold(world):
    summary = recompute(world)
    _, lists, _ = world
    assert summary.profiles == 4
    assert set(lists.items) == {("mentee-1", "mentee"), ("mentee-2", "mentee"), ("mentor-1", "mentor"),
                                ("mentor-2", "mentor"), ("mentor-2", "mentee")}
    # mentor-2: 0.60 * 1/2 + 0.15 (both policy) beats mentor-1: 0.60 * 1/3 + 0.15
    assert [m.user_id for m in lists.get("mentee-1", "mentee").matches] == ["mentor-2", "mentor-1"]


def test_a_second_run_on_the_same_data_writes_nothing_and_leaves_the_same_state(world):
    recompute(world)
    before = dict(world[1].items)
    again = recompute(world, now=NOW.replace(hour=11))
    assert again.lists_changed == 0
    assert world[1].items == before


def test_only_the_lists_that_changed_are_written(world):
    recompute(world)
    profiles = world[0]
    profiles.save(make_profile("mentee-2", wanted=("sql",)).with_changes(version=1))
    summary = recompute(world, now=NOW.replace(hour=11))
    assert summary.lists_changed == 3  # mentee-2's own list and both mentors' mentee lists
    assert world[1].get("mentee-1", "mentee").computed_at == NOW.isoformat(timespec="seconds")


def test_a_run_killed_midway_then_run_again_ends_identical_to_a_clean_run(world):
    profiles, lists, store = world

    class Crash(Exception):
        pass

    class CrashingLists(InMemoryMatchListRepository):
        """Writes the first list of a batch into the real store, then dies."""

        def __init__(self, real):
            self.items = real.items

        def put_many(self, batch):
            super().put_many(list(batch)[:1])
            raise Crash

    with pytest.raises(Crash):
        run_recompute(stores_of(world, lists=CrashingLists(lists)), NOW)
    assert store.snapshot is None and store.digests is None  # nothing published by the broken run
    recompute(world)
    clean = (InMemoryProfileRepository(), InMemoryMatchListRepository(), InMemorySnapshotStore())
    for profile in profiles.scan_all():
        clean[0].save(profile.with_changes(version=None))
    recompute(clean)
    assert lists_content(lists) == lists_content(clean[1])
    assert store.digests.gone(clean[2].digests) == [] and clean[2].digests.gone(store.digests) == []
    assert (store.digests.mentee == clean[2].digests.mentee).all()
    assert (store.digests.mentor == clean[2].digests.mentor).all()


def lists_content(repo):
    return {key: value.matches for key, value in repo.items.items()}


def test_a_person_who_left_has_their_lists_deleted_not_emptied(world):
    recompute(world)
    profiles, lists, _ = world
    profiles.delete("mentee-1")
    recompute(world, now=NOW.replace(hour=11))
    assert ("mentee-1", "mentee") not in lists.items


def test_exclusions_and_full_mentors_are_respected(world):
    class Source(NoExclusions):
        def all_exclusion_pairs(self, now):
            return [("mentee-1", "mentor-1")]

        def active_mentee_counts(self):
            return {"mentor-2": 2}  # at capacity

    recompute(world, source=Source())
    _, lists, _ = world
    assert lists.get("mentee-1", "mentee").matches == ()
    assert lists.get("mentor-2", "mentor").matches == ()


def test_the_published_snapshot_answers_instant_queries_like_the_stored_lists(world):
    recompute(world)
    profiles, lists, store = world
    index = MatchIndex.from_bytes(store.snapshot.data)
    mentee = to_match_profile(profiles.get("mentee-1"))
    assert tuple(index.mentors_for(mentee)) == lists.get("mentee-1", "mentee").matches
    assert store.snapshot.computed_at == NOW.isoformat(timespec="seconds")


def test_the_summary_is_published_as_cloudwatch_metrics(world, capsys):
    summary = recompute(world)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    [metrics] = [line for line in lines if "RecomputeSeconds" in line]
    assert metrics["ListsChanged"] == summary.lists_changed == 5
    assert metrics["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "MentorMatch"


def test_the_kernel_compiled_at_image_build_is_copied_to_numbas_cache_once(tmp_path):
    from chalicelib.match_lists.recompute import seed_kernel_cache

    seed, cache = tmp_path / "opt-numba-cache", tmp_path / "tmp-numba-cache"
    seed.mkdir()
    (seed / "kernel.nbi").write_text("index")
    assert seed_kernel_cache(str(seed), str(cache)) is True
    assert (cache / "kernel.nbi").read_text() == "index"
    assert seed_kernel_cache(str(seed), str(cache)) is False  # a warm container keeps its cache
    assert seed_kernel_cache("", str(tmp_path / "other")) is False
    assert seed_kernel_cache(str(tmp_path / "missing"), str(tmp_path / "other")) is False
