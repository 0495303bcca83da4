"""Controlled vocabularies: tag suggestions for skills and interests, and the professions list.

Every entry is stored in normalised form (see matching.tags), so suggestions and stored tags
compare equal. Professions are a closed list (the Civil Service professions); skills and
interests suggest but do not restrict.
"""

from bisect import bisect_left

from chalicelib.matching.tags import SYNONYMS, normalise_tag

PROFESSIONS: tuple[str, ...] = (
    "actuarial",
    "analysis",
    "commercial",
    "communications",
    "corporate finance",
    "counter fraud",
    "digital, data and technology",
    "economics",
    "finance",
    "geography",
    "human resources",
    "intelligence analysis",
    "internal audit",
    "international trade",
    "knowledge and information management",
    "legal",
    "medical",
    "occupational psychology",
    "operational delivery",
    "operational research",
    "planning",
    "planning inspectors",
    "policy",
    "project delivery",
    "property",
    "science and engineering",
    "security",
    "social research",
    "statistics",
    "tax",
    "veterinary",
)

SKILLS: tuple[str, ...] = (
    "agile", "artificial intelligence", "auditing", "behavioural science", "briefing ministers",
    "budget planning", "business case writing", "change management", "coaching", "commercial negotiation",
    "communicating with the public", "conflict resolution", "contract management", "crisis management",
    "customer service", "cyber security", "data analysis", "data engineering", "data visualisation",
    "decision making", "delivering at pace", "digital transformation", "diversity and inclusion",
    "economic appraisal", "evaluation", "excel", "facilitation", "financial management", "forecasting",
    "freedom of information", "government accounting", "green book appraisal", "hiring and interviewing",
    "influencing", "information governance", "international relations", "leadership", "legislation",
    "line management", "machine learning", "media handling", "mentoring", "modelling", "negotiation",
    "operational research", "parliamentary questions", "partnership working", "performance management",
    "policy development", "presenting", "prioritisation", "problem solving", "process improvement",
    "procurement", "programme management", "project management", "public procurement", "python", "r",
    "regulation", "resilience", "risk management", "security vetting", "service design", "sql",
    "stakeholder management", "statistics", "strategic thinking", "strategy", "systems thinking",
    "team building", "technical architecture", "time management", "user research", "welsh language",
    "wellbeing", "working with ministers", "workforce planning", "written communication",
)

INTERESTS: tuple[str, ...] = (
    "accessibility", "artificial intelligence", "arts and culture", "career change", "civil service networks",
    "climate and net zero", "coding", "community volunteering", "confidence building", "defence",
    "disability", "diversity and inclusion", "economics", "education", "environment", "ethnic minority network",
    "faith and belief", "flexible working", "foreign affairs", "health", "housing", "innovation",
    "international development", "job sharing", "justice", "lgbt+ network", "local government",
    "menopause support", "mental health", "moving into the senior civil service", "neurodiversity",
    "open data", "parenting", "part-time working", "public health", "public speaking", "reading",
    "returning from leave", "rural affairs", "science", "social mobility", "sport", "sustainability",
    "technology", "transport", "wellbeing", "women in leadership", "working in the regions", "writing",
    "young people",
)

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "skills": tuple(sorted(SKILLS)),
    "interests": tuple(sorted(INTERESTS)),
    "professions": tuple(sorted(PROFESSIONS)),
}
PROFESSION_SET = frozenset(PROFESSIONS)


def suggest(kind: str, prefix: str = "", limit: int = 20) -> list[str]:
    """Entries of one vocabulary that start with the prefix, or that contain it as a word."""
    items = VOCABULARIES[kind]
    wanted = normalise_tag(prefix)
    if not wanted:
        return list(items[:limit])
    start = bisect_left(items, wanted)
    starts = [item for item in items[start:] if item.startswith(wanted)]
    inner = [item for item in items if f" {wanted}" in f" {item}" and not item.startswith(wanted)]
    return (starts + inner)[:limit]


def whole_vocabulary(kind: str) -> dict[str, object]:
    """Every entry, and the synonyms that lead to them (to map a list of tags in one go, as the
    LinkedIn import does in the browser)."""
    items = VOCABULARIES[kind]
    known = set(items)
    return {"kind": kind, "items": list(items),
            "synonyms": {variant: tag for variant, tag in sorted(SYNONYMS.items()) if tag in known}}
