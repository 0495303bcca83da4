"""A saving mentor's fresh entry merged into a mentee's stored list (the reverse refresh)."""

from chalicelib.match_lists.domain import MatchList, with_mentor_entry
from chalicelib.matching import Match, MatchConfig, MatchProfile

CONFIG = MatchConfig(k=3)


def person(user_id: str, roles=("mentor",), offered=(), wanted=(), grade="G7", capacity=2, accepting=True):
    return MatchProfile(user_id=user_id, roles=frozenset(roles), grade=grade, skills_offered=frozenset(offered),
                        skills_wanted=frozenset(wanted), interests=frozenset(), professions=frozenset(),
                        mentor_capacity=capacity, accepting_requests=accepting)


MENTEE = person("mentee", roles=("mentee",), wanted=("python", "sql"), grade="HEO")


def stored(*entries: tuple[str, float]) -> MatchList:
    return MatchList("mentee", "mentee", "2026-11-01T09:00:00+00:00",
                     tuple(Match(uid, score, (), (), ()) for uid, score in entries))


def ids(match_list: MatchList) -> list[str]:
    return [match.user_id for match in match_list.matches]


def test_a_mentor_who_now_scores_enters_the_list_in_rank_order_and_the_last_falls_off():
    merged = with_mentor_entry(stored(("a", 0.5), ("b", 0.2), ("c", 0.1)), MENTEE, person("m", offered=("python",)),
                               CONFIG, "2026-11-30T12:00:00+00:00")
    assert ids(merged) == ["a", "m", "b"]  # 0.6 * 1/2 = 0.3
    assert merged.matches[1].shared_skills == ("python",) and merged.computed_at == "2026-11-30T12:00:00+00:00"


def test_the_mentors_old_entry_is_replaced_not_repeated():
    merged = with_mentor_entry(stored(("m", 0.9), ("a", 0.5)), MENTEE, person("m", offered=("python", "sql")),
                               CONFIG, "now")
    assert [(m.user_id, round(m.score, 2)) for m in merged.matches] == [("m", 0.6), ("a", 0.5)]


def test_a_mentor_no_longer_taking_requests_or_sharing_nothing_leaves_the_list():
    for mentor in (person("m", offered=("python",), accepting=False), person("m", offered=("welding",))):
        assert ids(with_mentor_entry(stored(("m", 0.9), ("a", 0.5)), MENTEE, mentor, CONFIG, "now")) == ["a"]


def test_equal_scores_rank_by_user_id():
    merged = with_mentor_entry(stored(("z", 0.3)), MENTEE, person("m", offered=("python",)), CONFIG, "now")
    assert ids(merged) == ["m", "z"]
