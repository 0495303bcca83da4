"""Named numpy arrays as one blob of bytes that loads without copying or decompressing.

Layout: a magic line, the length of a JSON header, the header (metadata, and per array its
dtype, shape and offset), then each array's raw bytes at a 64-byte aligned offset. Loading
parses the header and makes read-only views on the blob (np.frombuffer), so a reader pays
for the arrays it touches, not for inflating all of them (a cold API Lambda loads the match
index this way; np.savez_compressed made it inflate ~20 MB first).
"""

import json
from typing import Any

import numpy as np
from numpy.typing import NDArray

MAGIC = b"MENTOR-MATCH-ARRAYS 1\n"
ALIGN = 64


class ArraysFormatError(ValueError):
    """The bytes are not arrays written by pack()."""


def pack(arrays: dict[str, NDArray[Any]], meta: dict[str, Any]) -> bytes:
    entries: list[dict[str, Any]] = []
    offset = 0
    contiguous = {name: np.ascontiguousarray(array) for name, array in arrays.items()}
    for name, array in contiguous.items():
        offset = -(-offset // ALIGN) * ALIGN
        entries.append({"name": name, "dtype": array.dtype.str, "shape": list(array.shape), "offset": offset})
        offset += array.nbytes
    header = json.dumps({"meta": meta, "arrays": entries}).encode()
    start = -(-(len(MAGIC) + 8 + len(header)) // ALIGN) * ALIGN
    # One join of the pieces (the arrays' own buffers, zero padding between): each array is copied
    # once, into the result; a bytearray filled then turned into bytes would hold the blob twice.
    parts: list[bytes | memoryview] = [MAGIC, len(header).to_bytes(8, "little"), header]
    at = len(MAGIC) + 8 + len(header)
    for entry, array in zip(entries, contiguous.values(), strict=True):
        place = start + int(entry["offset"])
        parts += [bytes(place - at), array.reshape(-1).view(np.uint8).data]
        at = place + array.nbytes
    return b"".join(parts)


def unpack(data: bytes | memoryview) -> tuple[dict[str, NDArray[Any]], dict[str, Any]]:
    """(arrays, meta); the arrays are read-only views on `data`."""
    view = memoryview(data)
    if bytes(view[: len(MAGIC)]) != MAGIC:
        raise ArraysFormatError("not a packed set of arrays")
    length = int.from_bytes(view[len(MAGIC) : len(MAGIC) + 8], "little")
    header = json.loads(bytes(view[len(MAGIC) + 8 : len(MAGIC) + 8 + length]))
    start = -(-(len(MAGIC) + 8 + length) // ALIGN) * ALIGN
    arrays: dict[str, NDArray[Any]] = {}
    for entry in header["arrays"]:
        dtype = np.dtype(entry["dtype"])
        count = int(np.prod(entry["shape"], dtype=np.int64))
        flat = np.frombuffer(view, dtype=dtype, count=count, offset=start + entry["offset"])
        arrays[entry["name"]] = flat.reshape(entry["shape"])
    return arrays, header["meta"]
