"""GET /me/matches with nobody to suggest: the person's own reasons, from the index of mentors."""

from tests.builders import make_profile_body


def save(api, token, **values):
    reply = api.call("PUT", "/me/profile", token, make_profile_body(**values))
    assert reply.status == 200, reply.body


def test_a_director_general_with_an_unusual_skill_hears_the_grade_rule_and_the_nearest_skills(api, people):
    mentor = people.token()
    save(api, mentor, roles=["mentor"], grade="SCS3", skills_offered=["Public speaking", "Coaching"],
         skills_wanted=[], interests=[], professions=["Finance"], mentor_capacity=2, accepting_requests=True)
    me = people.token()
    save(api, me, roles=["mentee"], grade="SCS3", skills_wanted=["Public speeches"], interests=[],
         professions=["Policy"], mentor_capacity=0, accepting_requests=False)
    reply = api.call("GET", "/me/matches?as=mentee", me)
    assert reply.status == 200
    assert reply.body["matches"] == []
    assert reply.body["reasons"] == [
        {"code": "top_grade", "grade": "SCS3"},
        {"code": "skills_not_offered", "skills": ["Public speeches"], "nearest": ["Public speaking"]},
    ]


def test_nobody_at_or_above_my_grade_taking_requests_is_said_plainly(api, people):
    me = people.token()
    save(api, me, roles=["mentee"], grade="SCS2", mentor_capacity=0, accepting_requests=False)
    assert api.call("GET", "/me/matches", me).body["reasons"] == [{"code": "no_mentors_at_grade", "grade": "SCS2"}]


def test_a_full_mentor_is_told_they_are_full(api, people):
    me = people.token()
    save(api, me, roles=["mentor"], mentor_capacity=0, accepting_requests=True)
    assert api.call("GET", "/me/matches?as=mentor", me).body["reasons"] == [{"code": "at_capacity", "capacity": 0}]


def test_a_list_with_suggestions_gives_no_reasons(api, people):
    save(api, people.token(), display_name="Ada", roles=["mentor"], grade="G7", skills_offered=["Python"])
    me = people.token()
    save(api, me, roles=["mentee"], grade="HEO", skills_wanted=["python"], mentor_capacity=0, accepting_requests=False)
    reply = api.call("GET", "/me/matches", me).body
    assert [m["display_name"] for m in reply["matches"]] == ["Ada"] and reply["reasons"] == []
    assert reply["matches"][0]["shared"]["skills"] == ["python"] and reply["matches"][0]["strength"] == "strong"
