"""A seeded generator of realistic civil-service populations for the matching benchmark.

Shape (approximate, after published Civil Service statistics where they exist): skewed
department sizes (a few very large operational departments); a grade pyramid (AO/EO heavy,
SCS ~2%); professions dominated by operational delivery and tilted by department; skills drawn
partly from a Zipf-popular general pool ("leadership" held by ~40%), partly from the person's
profession, partly from a long tail of free-text specialist skills; Zipf interests with a long
tail. Roles: ~83% mentees, ~43% mentors (mentors skew senior); ~1% of mentors unavailable.
"""

from dataclasses import dataclass

import numpy as np

from chalicelib.grades import GRADES
from chalicelib.matching import MatchProfile
from chalicelib.profiles import vocabulary
from chalicelib.profiles.tags import tag_key

# The engine compares tags by their normalised key (profiles keep them as written; match_lists.domain
# hands the engine tag_keys), so the generated people hold keys.
PROFESSIONS = tuple(tag_key(p) for p in vocabulary.PROFESSIONS)
SKILLS = tuple(tag_key(s) for s in vocabulary.SKILLS)
INTERESTS = tuple(tag_key(i) for i in vocabulary.INTERESTS)

GRADE_SHARE = np.array([0.05, 0.25, 0.22, 0.17, 0.12, 0.11, 0.05, 0.02, 0.006, 0.001])
MENTOR_P = np.array([0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.85, 0.85])
MENTEE_P = 0.975 * np.array([0.97, 0.95, 0.92, 0.88, 0.80, 0.70, 0.55, 0.35, 0.30, 0.25])
N_DEPARTMENTS = 40
LARGE_OPERATIONAL_DEPARTMENTS = 6
PROFESSION_ORDER = ("operational delivery", "policy", "digital, data and technology", "project delivery",
                    "human resources", "finance", "commercial", "communications", "analysis", "legal",
                    "security", "property", "tax", "science and engineering", "counter fraud")
POPULAR_SKILLS = ("leadership", "stakeholder management", "written communication", "presenting",
                  "line management", "project management", "coaching", "data analysis", "policy development")
ROLE_SETS = (frozenset(), frozenset({"mentee"}), frozenset({"mentor"}), frozenset({"mentee", "mentor"}))
CORE, OWN_TAIL = 12, 40


@dataclass(frozen=True)
class Population:
    profiles: list[MatchProfile]
    exclusions: set[tuple[str, str]]


def zipf(n: int, s: float = 1.0) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** s
    return weights / weights.sum()


def _professions(rng, n):
    """One profession for most, two for some, none for a few; big departments are operational."""
    order = list(PROFESSION_ORDER) + [p for p in PROFESSIONS if p not in PROFESSION_ORDER]
    codes = np.array([PROFESSIONS.index(p) for p in order])
    departments = rng.choice(N_DEPARTMENTS, n, p=zipf(N_DEPARTMENTS, 1.2))
    operational = rng.random(n) < np.where(departments < LARGE_OPERATIONAL_DEPARTMENTS, 0.4, 0.08)
    first = np.where(operational, codes[0], codes[rng.choice(len(codes), n, p=zipf(len(codes), 1.0))])
    second = np.where(rng.random(n) < 0.15, codes[rng.choice(len(codes), n, p=zipf(len(codes), 1.0))], -1)
    second = np.where(second == first, -1, second)
    none = rng.random(n) < 0.05
    return np.where(none, -1, first), np.where(none, -1, second)


class SkillSource:
    """Skill ids: a general Zipf pool, each profession's core skills, and a free-text long tail."""

    def __init__(self, rng):
        general = list(POPULAR_SKILLS) + [s for s in SKILLS if s not in POPULAR_SKILLS]
        self.names = general + [f"specialist skill {i:04d}" for i in range(1200)]
        probs = zipf(len(general), 0.9)
        self.general_p = np.concatenate(([0.2], probs[1:] / probs[1:].sum() * 0.8))
        self.core = np.array([rng.choice(len(general), CORE, replace=False) for _ in PROFESSIONS])
        self.tail = len(general) + np.array([rng.choice(1200, OWN_TAIL, replace=False) for _ in PROFESSIONS])

    def sets(self, rng, holders, low, high, profession):
        """One skill set per holder (others get an empty set)."""
        sizes = np.where(holders, rng.integers(low, high, holders.size), 0)
        owner = np.repeat(np.arange(holders.size), sizes)
        prof = profession[owner]
        source = np.where(prof < 0, 0.0, rng.random(owner.size))
        ids = np.where(
            source < 0.55,
            rng.choice(len(self.general_p), owner.size, p=self.general_p),
            np.where(source < 0.85, self.core[prof, rng.integers(0, CORE, owner.size)],
                     self.tail[prof, rng.integers(0, OWN_TAIL, owner.size)]),
        )
        return _split(ids, sizes, self.names)


def _split(ids, sizes, names):
    """One frozenset per person; equal sets are shared, as a loader interning tags would do."""
    flat = ids.tolist()
    ends = np.cumsum(sizes).tolist()
    starts = [0, *ends[:-1]]
    shared: dict[frozenset, frozenset] = {}
    sets = (frozenset([names[i] for i in flat[s:e]]) for s, e in zip(starts, ends, strict=True))
    return [shared.setdefault(tags, tags) for tags in sets]


def _interests(rng, n):
    popular = list(INTERESTS)
    rng.shuffle(popular)
    names = popular + [f"interest {i:03d}" for i in range(400)]
    sizes = rng.integers(0, 6, n)
    ids = rng.choice(len(names), int(sizes.sum()), p=zipf(len(names), 1.0))
    return _split(ids, sizes, names)


def _user_ids(rng, n):
    parts = rng.integers(0, 2**32, (n, 4), dtype=np.uint64).tolist()
    return [f"{a:08x}-{b >> 16:04x}-{b & 0xFFFF:04x}-{c >> 16:04x}-{c & 0xFFFF:04x}{d:08x}" for a, b, c, d in parts]


def generate(n: int, seed: int = 2024) -> Population:
    rng = np.random.default_rng([seed, n])
    grades = rng.choice(len(GRADES), n, p=GRADE_SHARE / GRADE_SHARE.sum())
    mentor = rng.random(n) < MENTOR_P[grades]
    mentee = rng.random(n) < MENTEE_P[grades]
    first, second = _professions(rng, n)
    skills = SkillSource(rng)
    offered = skills.sets(rng, mentor, 2, 8, first)
    wanted = skills.sets(rng, mentee, 1, 6, first)
    interests = _interests(rng, n)
    capacity = np.where(mentor, rng.integers(1, 6, n), 0)
    active = np.minimum(capacity, rng.binomial(capacity, 0.04))
    accepting = rng.random(n) < 0.998
    ids = _user_ids(rng, n)
    prof_names = [frozenset(), *(frozenset({p}) for p in PROFESSIONS)]
    profiles = [
        MatchProfile(ids[i], ROLE_SETS[int(mentee[i]) + 2 * int(mentor[i])], GRADES[grades[i]], offered[i],
                     wanted[i], interests[i],
                     prof_names[first[i] + 1] | prof_names[second[i] + 1] if second[i] >= 0 else prof_names[first[i] + 1],
                     int(capacity[i]), int(active[i]), bool(accepting[i]))
        for i in range(n)
    ]
    return Population(profiles, _exclusions(rng, profiles))


def _exclusions(rng, profiles):
    """Open or recent mentorships, declines and blocks: about one pair per three mentees."""
    mentees = [p.user_id for p in profiles if "mentee" in p.roles]
    mentors = [p.user_id for p in profiles if "mentor" in p.roles]
    if not mentees or not mentors:
        return set()
    count = len(mentees) // 3
    a = rng.integers(0, len(mentees), count).tolist()
    b = rng.integers(0, len(mentors), count).tolist()
    return {(mentees[i], mentors[j]) for i, j in zip(a, b, strict=True) if mentees[i] != mentors[j]}


def edited(population: Population, share: float, seed: int) -> tuple[Population, int]:
    """The population an hour later: `share` of people saved their profile with other tags (those
    of another edited person, so the mix of tags stays realistic), and a tenth of them also changed
    their mentoring capacity. Returns it and the number of people edited."""
    rng = np.random.default_rng([seed, len(population.profiles), 1])
    people = list(population.profiles)
    chosen = rng.choice(len(people), max(1, int(len(people) * share)), replace=False)
    donors = rng.permutation(chosen)
    for person, donor in zip(chosen.tolist(), donors.tolist(), strict=True):
        old, new = people[person], people[donor]
        capacity = int(rng.integers(1, 6)) if rng.random() < 0.1 else old.mentor_capacity
        people[person] = MatchProfile(old.user_id, old.roles, old.grade, new.skills_offered, new.skills_wanted,
                                      new.interests, old.professions, capacity, min(old.active_mentees, capacity),
                                      old.accepting_requests)
    return Population(people, population.exclusions), int(chosen.size)
