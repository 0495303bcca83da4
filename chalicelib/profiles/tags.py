"""Tags as people write them, and the key they are matched by.

Rule: a tag is stored as the person wrote it (Unicode NFKC, inner white space collapsed, trimmed;
case kept, so "Python", "SQL" and "Welsh language" read as typed), and matched by its normalised
key (matching.tags: case-folded, synonyms mapped). One profile holds a tag once per key: the first
spelling given is kept.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from chalicelib.matching.tags import normalise_tag

_SPACES = re.compile(r"\s+")


def clean_tag(raw: str) -> str:
    """The display form of one tag ('' when nothing is left)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", raw)).strip()


@lru_cache(maxsize=1 << 16)
def tag_key(tag: str) -> str:
    """The normalised key a tag is matched by (cached: the same few thousand tags recur in every profile)."""
    return normalise_tag(tag)


def clean_tags(raw_tags: Iterable[str]) -> list[str]:
    """Display forms in the order given, without empties or a second spelling of the same key."""
    kept: dict[str, str] = {}
    for raw in raw_tags:
        tag = clean_tag(raw)
        if tag and tag_key(tag) not in kept:
            kept[tag_key(tag)] = tag
    return list(kept.values())


def tag_keys(tags: Iterable[str]) -> frozenset[str]:
    """The keys of these tags, as the matching engine compares them."""
    return frozenset(key for key in (tag_key(tag) for tag in tags) if key)


def display_lookup(tags: Iterable[str]) -> dict[str, str]:
    """Key -> how these tags are written (to show the engine's keys as a person wrote them)."""
    return {tag_key(tag): tag for tag in tags}
