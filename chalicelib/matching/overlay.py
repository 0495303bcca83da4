"""The bytes of a MatchIndex: a short header with the overlay (changed profiles, deleted ids),
then the snapshot's arrays (arrays.py)."""

import json
from typing import Any

from chalicelib.matching.model import MatchProfile

MAGIC = b"MENTOR-MATCH-INDEX 1\n"
_SETS = ("roles", "skills_offered", "skills_wanted", "interests", "professions")


class IndexFormatError(ValueError):
    """The bytes are not a MatchIndex written by this version."""


def profile_to_dict(profile: MatchProfile) -> dict[str, object]:
    fields = {name: getattr(profile, name) for name in MatchProfile.__slots__}
    return {name: sorted(value) if name in _SETS else value for name, value in fields.items()}


def profile_from_dict(fields: dict[str, Any]) -> MatchProfile:  # Any: JSON from the index header
    values: dict[str, Any] = {name: frozenset(value) if name in _SETS else value
                              for name, value in fields.items()}
    return MatchProfile(**values)


def encode_overlay(snapshot: bytes, overlay: dict[str, MatchProfile], removed: frozenset[str]) -> bytes:
    header = json.dumps(
        {"overlay": [profile_to_dict(p) for p in overlay.values()], "removed": sorted(removed)}
    ).encode()
    return MAGIC + len(header).to_bytes(8, "little") + header + snapshot


def decode_overlay(data: bytes) -> tuple[memoryview, dict[str, MatchProfile], frozenset[str]]:
    """The snapshot's bytes (a view on `data`: no copy), the overlay and the removed ids."""
    if not data.startswith(MAGIC):
        raise IndexFormatError("not a match index")
    start = len(MAGIC) + 8
    end = start + int.from_bytes(data[len(MAGIC) : start], "little")
    header = json.loads(data[start:end])
    overlay = {p.user_id: p for p in map(profile_from_dict, header["overlay"])}
    return memoryview(data)[end:], overlay, frozenset(header["removed"])
