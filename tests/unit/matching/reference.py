"""A plain reference of the matching rules (design: Matching), for tests only.

Simple loops over Python sets, written from the design text and sharing no code with the
engine. Scores use the float64 expression the design states, in the same order, so the
engine's results must equal these exactly.
"""

GRADES = ("AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1", "SCS2", "SCS3")


def jaccard(a, b):
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def score(mentee, mentor, weights=(0.60, 0.25, 0.15)):
    w_skills, w_interests, w_professions = weights
    return (
        w_skills * jaccard(mentee.skills_wanted, mentor.skills_offered)
        + w_interests * jaccard(mentee.interests, mentor.interests)
        + w_professions * jaccard(mentee.professions, mentor.professions)
    )


def is_candidate(mentee, mentor, exclusions=()):
    return (
        mentor.user_id != mentee.user_id
        and "mentor" in mentor.roles
        and mentor.accepting_requests
        and mentor.active_mentees < mentor.mentor_capacity
        and "mentee" in mentee.roles
        and GRADES.index(mentor.grade) >= GRADES.index(mentee.grade)
        and (mentee.user_id, mentor.user_id) not in exclusions
    )


def entry(other, value, mentee, mentor):
    return (
        other.user_id,
        value,
        tuple(sorted(mentee.skills_wanted & mentor.skills_offered)),
        tuple(sorted(mentee.interests & mentor.interests)),
        tuple(sorted(mentee.professions & mentor.professions)),
    )


def mentors_for(mentee, profiles, exclusions=(), weights=(0.60, 0.25, 0.15), k=20):
    ranked = []
    for mentor in profiles:
        if is_candidate(mentee, mentor, exclusions):
            value = score(mentee, mentor, weights)
            if value > 0:
                ranked.append(entry(mentor, value, mentee, mentor))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:k]


def mentees_for(mentor, profiles, exclusions=(), weights=(0.60, 0.25, 0.15), k=20):
    ranked = []
    for mentee in profiles:
        if is_candidate(mentee, mentor, exclusions):
            value = score(mentee, mentor, weights)
            if value > 0:
                ranked.append(entry(mentee, value, mentee, mentor))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:k]


def all_lists(profiles, exclusions=(), weights=(0.60, 0.25, 0.15), k=20):
    """{(user_id, role): list of entry tuples} for every person with that role."""
    lists = {}
    for person in profiles:
        if "mentee" in person.roles:
            lists[(person.user_id, "mentee")] = mentors_for(person, profiles, exclusions, weights, k)
        if "mentor" in person.roles:
            lists[(person.user_id, "mentor")] = mentees_for(person, profiles, exclusions, weights, k)
    return lists


def as_tuples(matches):
    """Engine Match objects as the reference's entry tuples."""
    return [
        (m.user_id, m.score, m.shared_skills, m.shared_interests, m.shared_professions) for m in matches
    ]
