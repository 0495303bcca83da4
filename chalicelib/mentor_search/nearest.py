"""Skills spelled like the ones a person asked for (pure): what to suggest when nobody offers theirs.

Rule: a candidate is near an asked skill when they share a word (other than "and", "of", ...),
or when their spellings are at least 60% alike (difflib's ratio of the normalised keys). Nearer
first: more shared words, then more alike; a candidate that is one of the asked skills is left out.
"""

from collections.abc import Sequence
from difflib import SequenceMatcher

from chalicelib.profiles.tags import tag_key

LITTLE_WORDS = frozenset({"and", "of", "the", "for", "with", "in", "to", "a", "an", "on"})
ALIKE = 0.6


def words(key: str) -> frozenset[str]:
    return frozenset(word for word in key.replace("-", " ").split() if word not in LITTLE_WORDS)


def closeness(asked: str, candidate: str) -> tuple[int, float]:
    """(shared words, spelling ratio) of two normalised keys."""
    return len(words(asked) & words(candidate)), SequenceMatcher(None, asked, candidate).ratio()


def nearest_skills(asked: Sequence[str], candidates: Sequence[str], limit: int) -> list[str]:
    """Up to ``limit`` candidates near any asked skill, nearest first (candidates as given)."""
    asked_keys = [tag_key(skill) for skill in asked]
    scored = []
    for candidate in candidates:
        key = tag_key(candidate)
        if key in asked_keys:
            continue
        best = max((closeness(a, key) for a in asked_keys), default=(0, 0.0))
        if best[0] > 0 or best[1] >= ALIKE:
            scored.append((-best[0], -best[1], key, candidate))
    return [candidate for *_, candidate in sorted(scored)[:limit]]
