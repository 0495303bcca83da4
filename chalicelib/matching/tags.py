"""Tag normalisation, shared by profile storage and the matching engine.

Rule: a tag is Unicode NFKC-normalised, case-folded, trimmed, with inner white space
collapsed to one space; a small synonym table maps common variants to one tag.
"""

import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")

# Common variants people type, mapped to the one tag we store (keys are already normalised).
SYNONYMS: dict[str, str] = {
    "stakeholder mgmt": "stakeholder management",
    "managing stakeholders": "stakeholder management",
    "people management": "line management",
    "managing people": "line management",
    "presentations": "presenting",
    "python programming": "python",
    "python3": "python",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "ux": "user research",
    "user experience": "user research",
    "project mgmt": "project management",
    "programme mgmt": "programme management",
    "agile delivery": "agile",
    "data analytics": "data analysis",
    "policy making": "policy development",
    "policymaking": "policy development",
    "budgeting": "financial management",
    "coaching skills": "coaching",
    "negotiating": "negotiation",
    "drafting": "written communication",
}


def normalise_tag(raw: str) -> str:
    """Return the stored form of one tag ('' when nothing is left)."""
    tag = unicodedata.normalize("NFKC", raw).casefold()
    tag = _SPACES.sub(" ", tag).strip()
    return SYNONYMS.get(tag, tag)


def normalise_tags(raw_tags: Iterable[str]) -> list[str]:
    """Normalise, drop empties and duplicates; sorted so stored sets are stable."""
    return sorted({tag for tag in (normalise_tag(raw) for raw in raw_tags) if tag})
