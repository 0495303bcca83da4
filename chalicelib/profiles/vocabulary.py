"""Controlled vocabularies: tag suggestions for skills and interests, and the professions list.

Entries are written as people should see them (sentence case, proper nouns and acronyms kept:
"Python", "SQL", "Welsh language", "LGBT+ network"); they are compared by their normalised key
(see matching.tags), as every stored tag is. Professions are a closed list (the Civil Service
professions); skills and interests suggest but do not restrict. Every example a question's hint
gives on the site is an entry here (tests/unit/profiles/test_vocabulary.py checks it).
"""

from bisect import bisect_left

from chalicelib.matching.tags import SYNONYMS, normalise_tag
from chalicelib.profiles.tags import tag_key

PROFESSIONS: tuple[str, ...] = (
    "Actuarial", "Analysis", "Commercial", "Communications", "Corporate finance", "Counter fraud",
    "Digital, data and technology", "Economics", "Finance", "Geography", "Human resources",
    "Intelligence analysis", "Internal audit", "International trade", "Knowledge and information management",
    "Legal", "Medical", "Occupational psychology", "Operational delivery", "Operational research", "Planning",
    "Planning inspectors", "Policy", "Project delivery", "Property", "Science and engineering", "Security",
    "Social research", "Statistics", "Tax", "Veterinary",
)

SKILLS: tuple[str, ...] = (
    "Agile", "Artificial intelligence", "Auditing", "Behavioural science", "Briefing ministers",
    "Budget planning", "Business case writing", "Change management", "Coaching", "Commercial negotiation",
    "Communicating with the public", "Conflict resolution", "Contract management", "Crisis management",
    "Customer service", "Cyber security", "Data analysis", "Data engineering", "Data visualisation",
    "Decision making", "Delivering at pace", "Digital transformation", "Diversity and inclusion",
    "Economic appraisal", "Evaluation", "Excel", "Facilitation", "Financial management", "Forecasting",
    "Freedom of Information", "Government accounting", "Green Book appraisal", "Hiring and interviewing",
    "Influencing", "Information governance", "International relations", "Leadership", "Legislation",
    "Line management", "Machine learning", "Media handling", "Mentoring", "Modelling", "Negotiation",
    "Operational research", "Parliamentary questions", "Partnership working", "Performance management",
    "Policy development", "Presenting", "Prioritisation", "Problem solving", "Process improvement",
    "Procurement", "Programme management", "Project management", "Public procurement", "Public speaking",
    "Python", "R", "Regulation", "Resilience", "Risk management", "Security vetting", "Service design", "SQL",
    "Stakeholder management", "Statistics", "Strategic thinking", "Strategy", "Systems thinking",
    "Team building", "Technical architecture", "Time management", "User research", "Welsh language",
    "Wellbeing", "Working with ministers", "Workforce planning", "Written communication",
)

INTERESTS: tuple[str, ...] = (
    "Accessibility", "Artificial intelligence", "Arts and culture", "Career change", "Civil Service networks",
    "Climate and net zero", "Coding", "Community volunteering", "Confidence building", "Cycling", "Defence",
    "Disability", "Diversity and inclusion", "Economics", "Education", "Environment",
    "Ethnic minority network", "Faith and belief", "Flexible working", "Foreign affairs", "Health", "Housing",
    "Innovation", "International development", "Job sharing", "Justice", "LGBT+ network", "Local government",
    "Menopause support", "Mental health", "Moving into the Senior Civil Service", "Net zero", "Neurodiversity",
    "Open data", "Parenting", "Part-time working", "Public health", "Public speaking", "Reading",
    "Returning from leave", "Running", "Rural affairs", "Science", "Social mobility", "Sport", "Sustainability",
    "Technology", "Transport", "Wellbeing", "Women in leadership", "Working in the regions", "Writing",
    "Young people",
)


def _by_key(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(items, key=normalise_tag))


VOCABULARIES: dict[str, tuple[str, ...]] = {
    "skills": _by_key(SKILLS),
    "interests": _by_key(INTERESTS),
    "professions": _by_key(PROFESSIONS),
}
_KEYS: dict[str, tuple[str, ...]] = {kind: tuple(normalise_tag(item) for item in items)
                                     for kind, items in VOCABULARIES.items()}
_DISPLAY: dict[str, dict[str, str]] = {kind: dict(zip(_KEYS[kind], items, strict=True))
                                       for kind, items in VOCABULARIES.items()}


def display_form(kind: str, tag: str) -> str | None:
    """The vocabulary's own spelling of this tag (compared by normalised key), or None if it has none."""
    return _DISPLAY[kind].get(tag_key(tag))


def suggest(kind: str, prefix: str = "", limit: int = 20) -> list[str]:
    """Entries of one vocabulary whose key starts with the prefix's, or contains it as a word."""
    items, keys = VOCABULARIES[kind], _KEYS[kind]
    wanted = normalise_tag(prefix)
    if not wanted:
        return list(items[:limit])
    start = bisect_left(keys, wanted)
    starts = [items[i] for i in range(start, len(keys)) if keys[i].startswith(wanted)]
    inner = [item for item, key in zip(items, keys, strict=True)
             if f" {wanted}" in f" {key}" and not key.startswith(wanted)]
    return (starts + inner)[:limit]


def whole_vocabulary(kind: str) -> dict[str, object]:
    """Every entry, and the synonyms that lead to them (to map a list of tags in one go, as the
    LinkedIn import does in the browser)."""
    display = _DISPLAY[kind]
    return {"kind": kind, "items": list(VOCABULARIES[kind]),
            "synonyms": {variant: display[tag] for variant, tag in sorted(SYNONYMS.items()) if tag in display}}
