"""Realistic, made-up civil servants for the local demo (pure: no I/O, seeded).

Department sizes are skewed (DWP and HMRC are huge, the Wales Office is tiny), grades follow
the Civil Service pyramid, professions shape skills, and skills/interests come from the
controlled vocabulary with a few very popular tags ("leadership", "stakeholder management").
"""

import random
from dataclasses import dataclass

from chalicelib.grades import GRADES
from chalicelib.profiles.vocabulary import INTERESTS, SKILLS, display_form

FIRST_NAMES = (
    "Aisha", "Alex", "Amir", "Amy", "Ben", "Bethan", "Callum", "Chloe", "Chidi", "Daniel", "Deepa", "Eilidh",
    "Emma", "Fatima", "Finn", "Grace", "Hamza", "Hannah", "Harpreet", "Isla", "Jack", "James", "Jasmine",
    "Kwame", "Laura", "Liam", "Mei", "Mohammed", "Niamh", "Oliver", "Olufemi", "Priya", "Rhys", "Rosie",
    "Ruth", "Sam", "Sean", "Siobhan", "Sophie", "Tariq", "Tom", "Yusuf", "Zara", "Zainab", "Gareth", "Ewan",
)
SURNAMES = (
    "Ahmed", "Ali", "Anderson", "Begum", "Bennett", "Brown", "Campbell", "Chen", "Clarke", "Davies", "Edwards",
    "Evans", "Fraser", "Green", "Hughes", "Hussain", "Jones", "Kaur", "Khan", "Lewis", "MacDonald", "Murphy",
    "Nguyen", "O'Brien", "Okafor", "Owen", "Patel", "Roberts", "Robinson", "Scott", "Shah", "Singh", "Smith",
    "Taylor", "Thomas", "Thompson", "Walker", "Watson", "White", "Williams", "Wilson", "Wright", "Young",
)
# (organisation id, relative size); ids are slugs from infra/data/organisations.json.
DEPARTMENTS = (
    ("department-for-work-pensions", 90), ("hm-revenue-customs", 60), ("ministry-of-justice", 45),
    ("home-office", 35), ("ministry-of-defence", 30), ("department-for-education", 8),
    ("cabinet-office", 9), ("department-for-environment-food-rural-affairs", 6),
    ("department-of-health-and-social-care", 5), ("department-for-transport", 4), ("hm-treasury", 3),
    ("foreign-commonwealth-development-office", 7), ("department-for-business-and-trade", 5),
    ("department-for-science-innovation-and-technology", 3), ("office-for-national-statistics", 5),
    ("companies-house", 2), ("driver-and-vehicle-licensing-agency", 6), ("the-national-archives", 1),
    ("ministry-of-housing-communities-local-government", 3), ("wales-office", 1),
)
GRADE_WEIGHTS = (12, 22, 22, 16, 11, 9, 5, 2, 0.7, 0.3)  # AA .. SCS3: the pyramid
LOCATIONS = (
    ("London", 30), ("Leeds", 8), ("Manchester", 7), ("Birmingham", 7), ("Bristol", 6), ("Glasgow", 6),
    ("Newcastle upon Tyne", 6), ("Sheffield", 4), ("Cardiff", 4), ("Edinburgh", 4), ("Darlington", 3),
    ("Belfast", 3), ("Nottingham", 3), ("Liverpool", 3), ("Swansea", 3), ("York", 2), ("Norwich", 2),
    ("Peterborough", 2), ("Croydon", 3), ("Newport", 2), ("Stoke-on-Trent", 1), ("Exeter", 1),
)
# Profession -> the skills people in it tend to have.
PROFESSION_SKILLS = {
    "policy": ("policy development", "briefing ministers", "legislation", "parliamentary questions",
               "stakeholder management", "written communication", "evaluation"),
    "operational delivery": ("customer service", "line management", "performance management",
                             "process improvement", "resilience", "workforce planning"),
    "digital, data and technology": ("agile", "python", "sql", "service design", "user research",
                                     "technical architecture", "cyber security", "data engineering"),
    "analysis": ("data analysis", "statistics", "modelling", "r", "python", "data visualisation", "excel"),
    "project delivery": ("project management", "programme management", "risk management", "agile",
                         "prioritisation", "delivering at pace"),
    "finance": ("financial management", "budget planning", "government accounting", "forecasting", "excel"),
    "human resources": ("hiring and interviewing", "workforce planning", "diversity and inclusion",
                        "conflict resolution", "wellbeing", "coaching"),
    "commercial": ("procurement", "contract management", "commercial negotiation", "public procurement",
                   "negotiation"),
    "communications": ("media handling", "presenting", "written communication", "communicating with the public",
                       "crisis management"),
    "economics": ("economic appraisal", "green book appraisal", "modelling", "forecasting", "evaluation"),
    "legal": ("legislation", "regulation", "written communication", "negotiation", "information governance"),
    "security": ("security vetting", "cyber security", "risk management", "resilience"),
    "tax": ("regulation", "customer service", "data analysis", "auditing"),
}
PROFESSION_WEIGHTS = {
    "operational delivery": 30, "policy": 14, "digital, data and technology": 10, "project delivery": 8,
    "analysis": 6, "finance": 6, "human resources": 5, "commercial": 4, "communications": 4, "tax": 6,
    "economics": 2, "legal": 2, "security": 3,
}
POPULAR_SKILLS = ("leadership", "stakeholder management", "presenting", "coaching", "influencing")
JOB_TITLES = {
    "AA": "Administrative Assistant", "AO": "Work Coach", "EO": "Case Manager", "HEO": "Policy Adviser",
    "SEO": "Senior Policy Adviser", "G7": "Team Leader", "G6": "Head of Team", "SCS1": "Deputy Director",
    "SCS2": "Director", "SCS3": "Director General",
}


@dataclass(frozen=True)
class DemoPerson:
    email: str
    profile: dict  # the body a client would PUT to /me/profile


def _weighted(rng: random.Random, pairs) -> str:
    names, weights = zip(*pairs, strict=True)
    return rng.choices(names, weights=weights)[0]


def _skills(rng: random.Random, professions: list[str], count: int) -> list[str]:
    pool = [s for p in professions for s in PROFESSION_SKILLS.get(p, ())]
    chosen = set(rng.sample(pool, min(len(pool), max(1, count - 2))))
    if rng.random() < 0.4:
        chosen.add("leadership")
    chosen.update(rng.sample(POPULAR_SKILLS, 1))
    chosen.update(rng.sample(SKILLS, 1))
    return sorted({display_form("skills", skill) or skill for skill in chosen})  # as the suggestions spell them


def _roles(rng: random.Random, grade_rank: int) -> list[str]:
    mentor_chance = min(0.9, 0.15 + 0.12 * grade_rank)
    mentor = rng.random() < mentor_chance
    mentee = grade_rank < 9 and (not mentor or rng.random() < 0.55)
    return sorted({"mentor"} if mentor and not mentee else {"mentee"} if not mentor else {"mentee", "mentor"})


def make_person(rng: random.Random, number: int, domains: dict[str, str]) -> DemoPerson:
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    organisation_id = _weighted(rng, DEPARTMENTS)
    grade_rank = GRADES.index(rng.choices(GRADES, weights=GRADE_WEIGHTS)[0])
    grade = GRADES[grade_rank]
    professions = sorted({_weighted(rng, PROFESSION_WEIGHTS.items()) for _ in range(rng.choice((1, 1, 2)))})
    roles = _roles(rng, grade_rank)
    mentor = "mentor" in roles
    local_part = f"{first}.{last}.{number}".lower().replace("'", "")
    profile = {
        "display_name": f"{first} {last}",
        "job_title": JOB_TITLES[grade],
        "bio": f"{JOB_TITLES[grade]} in {professions[0]}. Happy to talk about my work and what I'm learning.",
        "organisation_id": organisation_id,
        "grade": grade,
        "location": _weighted(rng, LOCATIONS),
        "professions": professions,
        "skills_offered": _skills(rng, professions, rng.randint(3, 7)) if mentor else [],
        "skills_wanted": sorted(set(rng.sample(SKILLS, rng.randint(1, 3)) + _skills(rng, professions, 3)[:2])),
        "interests": sorted(rng.sample(INTERESTS, rng.randint(1, 5))),
        "roles": roles,
        "mentor_capacity": rng.randint(1, 4) if mentor else 0,
        "accepting_requests": mentor,
    }
    return DemoPerson(email=f"{local_part}@{domains.get(organisation_id, 'example.gov.uk')}", profile=profile)


def make_people(count: int, domains: dict[str, str], seed: int = 2016) -> list[DemoPerson]:
    rng = random.Random(seed)
    return [make_person(rng, number, domains) for number in range(1, count + 1)]
