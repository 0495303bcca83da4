"""The API's cached index: sees every saved profile, without redoing work for ones it has seen."""

from datetime import UTC, datetime

from chalicelib.match_lists.domain import to_match_profile
from chalicelib.match_lists.index_cache import IndexCache
from chalicelib.matching import MatchConfig
from tests.fakes.match_lists import InMemorySnapshotStore, NoExclusions
from tests.fakes.profiles import InMemoryProfileRepository
from tests.unit.match_lists.test_recompute import make_profile

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


class CountingSource(NoExclusions):
    def __init__(self):
        self.lookups = 0

    def active_mentees(self, mentor_ids):
        self.lookups += 1
        return {}


def test_profiles_saved_in_the_same_second_are_all_seen_and_each_applied_once():
    profiles, source = InMemoryProfileRepository(), CountingSource()
    cache = IndexCache(InMemorySnapshotStore(), profiles, source, MatchConfig())
    mentee = profiles.save(make_profile("mentee-1", wanted=("python",)))
    profiles.save(make_profile("mentor-1", roles=("mentor",), grade="G7", offered=("python",)))
    assert [m.user_id for m in cache.current(NOW).mentors_for(to_match_profile(mentee))] == ["mentor-1"]
    profiles.save(make_profile("mentor-2", roles=("mentor",), grade="G7", offered=("python",)))  # same second
    assert [m.user_id for m in cache.current(NOW).mentors_for(to_match_profile(mentee))] == ["mentor-1", "mentor-2"]
    lookups = source.lookups
    index = cache.current(NOW)
    assert cache.current(NOW) is index  # nothing new: no re-application
    assert source.lookups == lookups
