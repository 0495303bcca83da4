"""Which buckets a mentor is in, and who a search may show."""

from chalicelib.accounts.domain import AccountStanding
from chalicelib.mentor_search.domain import Candidate, MentorQuery, buckets_of, entry_key, may_show
from chalicelib.profiles.domain import Profile


def person(user_id="m", **values) -> Profile:
    defaults = dict(display_name="M", job_title="", bio="", organisation_id="dwp", grade="G7", location="Newcastle upon Tyne",
                    roles=("mentor",), skills_offered=("Python", "Coaching"), mentor_capacity=2,
                    accepting_requests=True)
    return Profile(user_id=user_id, **{**defaults, **values})


ME = person("me", grade="HEO", roles=("mentee",), skills_offered=(), mentor_capacity=0, accepting_requests=False)


def test_a_mentor_taking_requests_is_in_everyone_organisation_place_and_skill_buckets():
    assert buckets_of(person()) == {"all", "org#dwp", "place#newcastle upon tyne", "skill#python", "skill#coaching"}


def test_someone_not_mentoring_or_not_taking_requests_is_in_no_bucket():
    assert buckets_of(person(roles=("mentee",))) == frozenset()
    assert buckets_of(person(accepting_requests=False)) == frozenset()


def test_entries_sort_by_grade_then_id():
    assert sorted([entry_key("G7", "b"), entry_key("HEO", "z"), entry_key("SCS3", "a")]) == ["3#z", "5#b", "9#a"]


def test_the_most_selective_filter_picks_the_bucket():
    assert MentorQuery(skill="PYTHON", organisation_id="dwp").bucket() == "skill#python"
    assert MentorQuery(organisation_id="dwp", location="Leeds").bucket() == "org#dwp"
    assert MentorQuery(location=" leeds ").bucket() == "place#leeds"
    assert MentorQuery().bucket() == "all"


def test_a_grade_below_mine_reads_nothing():
    assert MentorQuery(grade="EO").grade_ranks("HEO") == (1, 0)
    assert MentorQuery(grade="G7").grade_ranks("HEO") == (5, 5)
    assert MentorQuery().grade_ranks("HEO") == (3, 9)


ANYONE = MentorQuery()


def shown(candidate: Candidate, query: MentorQuery = ANYONE, excluded=frozenset()) -> bool:
    return may_show(candidate, ME, query, set(excluded))


def test_an_available_mentor_at_or_above_my_grade_is_shown():
    assert shown(Candidate(person(), None, 0))
    assert shown(Candidate(person(grade="HEO"), AccountStanding("m"), 1))


def test_the_match_lists_rules_hold_for_searches_too():
    assert not shown(Candidate(person(grade="EO"), None, 0))  # the grade rule
    assert not shown(Candidate(person(), None, 2))  # full
    assert not shown(Candidate(person(accepting_requests=False), None, 0))
    assert not shown(Candidate(person(), AccountStanding("m", "suspended"), 0))
    assert not shown(Candidate(person(), None, 0), excluded={"m"})  # blocked either way, or an open request
    assert not shown(Candidate(person("me"), None, 0))  # myself


def test_filters_are_checked_against_the_profile_as_it_is_now():
    assert shown(Candidate(person(), None, 0), MentorQuery(skill="python", location="NEWCASTLE UPON TYNE"))
    assert not shown(Candidate(person(), None, 0), MentorQuery(skill="SQL"))
    assert not shown(Candidate(person(), None, 0), MentorQuery(organisation_id="hmrc"))
    assert not shown(Candidate(person(), None, 0), MentorQuery(grade="G6"))
