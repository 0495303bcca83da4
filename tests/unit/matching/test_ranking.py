from chalicelib.matching import MatchConfig
from tests.unit.matching.builders import ids, make_mentee, make_mentor


def test_mentors_are_ranked_by_score_best_first(lists):
    mentee = make_mentee("a", wanted={"python", "sql"})
    people = [mentee, make_mentor("b", offered={"python"}), make_mentor("c", offered={"python", "sql"})]

    ranked = lists(people)[("a", "mentee")]

    assert ids(ranked) == ["c", "b"]
    assert ranked[0].score > ranked[1].score


def test_equal_scores_are_ordered_by_mentor_user_id(lists):
    people = [make_mentee("m", wanted={"python"})] + [make_mentor(uid, offered={"python"}) for uid in "dbca"]

    assert ids(lists(people)[("m", "mentee")]) == ["a", "b", "c", "d"]


def test_a_mentors_list_ranks_mentees_by_the_same_score_ties_by_user_id(lists):
    mentor = make_mentor("m", offered={"python", "sql"})
    mentees = [make_mentee("c", wanted={"python"}), make_mentee("b", wanted={"python"}),
               make_mentee("z", wanted={"python", "sql"})]

    ranked = lists([mentor, *mentees])[("m", "mentor")]

    assert ids(ranked) == ["z", "b", "c"]
    assert ranked[0].score == 0.60


def test_a_list_holds_at_most_k_entries(lists):
    people = [make_mentee("m", wanted={"python"})] + [make_mentor(f"x{i}", offered={"python"}) for i in range(5)]

    assert ids(lists(people, config=MatchConfig(k=2))[("m", "mentee")]) == ["x0", "x1"]


def test_the_default_list_length_is_twenty(lists):
    people = [make_mentee("m", wanted={"python"})] + [make_mentor(f"x{i:02}", offered={"python"}) for i in range(25)]

    assert len(lists(people)[("m", "mentee")]) == 20


def test_each_entry_explains_itself_with_sorted_shared_tags(lists):
    mentee = make_mentee("a", wanted={"sql", "python", "r"}, interests={"sport", "art"}, professions={"policy"})
    mentor = make_mentor("b", offered={"python", "sql", "excel"}, interests={"sport", "art", "music"},
                         professions={"policy", "digital"})

    [for_mentee] = lists([mentee, mentor])[("a", "mentee")]
    [for_mentor] = lists([mentee, mentor])[("b", "mentor")]

    assert for_mentee.shared_skills == ("python", "sql")
    assert for_mentee.shared_interests == ("art", "sport")
    assert for_mentee.shared_professions == ("policy",)
    assert (for_mentor.user_id, for_mentor.shared_skills) == ("a", ("python", "sql"))
    assert for_mentor.score == for_mentee.score


def test_the_explanation_uses_the_mentees_wanted_and_the_mentors_offered_skills(lists):
    mentee = make_mentee("a", offered={"excel"}, wanted={"python"}, interests={"sport"})
    mentor = make_mentor("b", offered={"sql"}, wanted={"excel"}, interests={"sport"})

    [match] = lists([mentee, mentor])[("a", "mentee")]

    assert (match.shared_skills, match.shared_interests) == ((), ("sport",))
