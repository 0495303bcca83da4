"""The full recompute as the engine offers it: every list of a set of profiles, and the index.

Ranking uses the numba kernel when it pays (ranking.choose_engine), else numpy; both are exact.
The scheduled job (match_lists/recompute.py) works in shards (shards.py) and builds only the
lists that changed; compute_all_lists builds every list, for tests and the benchmark.
"""

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

from chalicelib.matching.index import MatchIndex
from chalicelib.matching.matchlists import matches_of
from chalicelib.matching.model import DEFAULT_CONFIG, Match, MatchConfig, MatchProfile
from chalicelib.matching.ranking import ENGINES, list_thresholds, rank_lists
from chalicelib.matching.scoring import MENTEE, MENTOR, is_available_mentor
from chalicelib.matching.snapshot import Snapshot

__all__ = ["ENGINES", "build_index", "compute_all_lists", "with_list_thresholds"]


def with_list_thresholds(snapshot: Snapshot, exclusions: Collection[tuple[str, str]] = (),
                         engine: str = "auto") -> Snapshot:
    """The snapshot plus, per mentee, the k-th and (k+1)-th entries of their list."""
    ranked = rank_lists(snapshot, snapshot.excluded_pairs(exclusions), engine)
    return snapshot.with_thresholds(*list_thresholds(snapshot, ranked))


def build_index(profiles: Iterable[MatchProfile], config: MatchConfig = DEFAULT_CONFIG,
                exclusions: Collection[tuple[str, str]] = (), engine: str = "auto") -> MatchIndex:
    """An index of these profiles with each mentee's list thresholds (what mentees_gaining needs)."""
    return MatchIndex(with_list_thresholds(Snapshot.build(profiles, config), exclusions, engine))


def compute_all_lists(profiles: Sequence[MatchProfile], exclusions: Collection[tuple[str, str]] = (),
                      config: MatchConfig = DEFAULT_CONFIG, engine: str = "auto",
                      on_index: Callable[[MatchIndex], None] | None = None,
                      ) -> Iterator[tuple[str, str, list[Match]]]:
    """(user id, "mentee" | "mentor", ranked list) for every person with that role.

    Mentee lists come first, then mentor lists; a mentor who is not available (not accepting
    or at capacity) gets an empty list. `exclusions` holds (mentee id, mentor id) pairs.
    If given, `on_index` receives the MatchIndex of these profiles (with the thresholds
    mentees_gaining needs) once the lists are ranked, so no second pass is needed.
    """
    snapshot = Snapshot.build(profiles, config)
    ranked = rank_lists(snapshot, snapshot.excluded_pairs(exclusions), engine)
    if on_index:
        on_index(MatchIndex(snapshot.with_thresholds(*list_thresholds(snapshot, ranked))))
    k = config.k
    for i, row in enumerate(ranked.mentee_rows.tolist()):
        matches = matches_of(snapshot, True, row, ranked.mentors[i, :k], ranked.mentor_scores[i, :k])
        yield snapshot.user_id(int(snapshot.mentees.ranks[row])), MENTEE, matches
    for i, row in enumerate(ranked.mentor_rows.tolist()):
        matches = matches_of(snapshot, False, row, ranked.mentees[i], ranked.mentee_scores[i])
        yield snapshot.user_id(int(snapshot.mentors.ranks[row])), MENTOR, matches
    for person in sorted(profiles, key=lambda profile: profile.user_id):
        if MENTOR in person.roles and not is_available_mentor(person):
            yield person.user_id, MENTOR, []
