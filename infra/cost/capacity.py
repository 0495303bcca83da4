"""DynamoDB's billing rules, applied to the requests and replies the emulator sees.

Item size (DynamoDB's rule): for each attribute, the UTF-8 length of its name plus its value's
size: a string's UTF-8 length, a number's (significant digits + 1) / 2 + 1, binary its length,
a boolean or null 1, a list or map 3 plus its elements (a map's keys counted like names, each
element 1 more). Reads: strongly consistent 1 RRU per 4 KB (rounded up, per item for GetItem and
BatchGetItem, over the summed size for Query and Scan), eventually consistent half that,
transactional twice. Writes: 1 WRU per 1 KB, transactional twice.

Approximations, all small here: UpdateItem is sized from the item it returns (PynamoDB asks for
ALL_NEW) or, in a transaction, as 1 KB; DeleteItem as 1 KB; a Query or Scan with a projection
is sized from what it returns (DynamoDB bills the whole items read).
"""

import math
from collections.abc import Iterable
from typing import Any

READ_UNIT, WRITE_UNIT = 4096, 1024


def value_size(value: dict[str, Any]) -> int:
    (kind, inner), = value.items()
    if kind == "S":
        return len(inner.encode())
    if kind == "N":
        digits = len(inner.lstrip("-").replace(".", "").strip("0")) or 1
        return (digits + 1) // 2 + 1
    if kind == "B":
        return len(inner) * 3 // 4  # base64 in the JSON protocol
    if kind in ("BOOL", "NULL"):
        return 1
    if kind in ("SS", "NS", "BS"):
        return sum(value_size({kind[0]: element}) for element in inner)
    if kind == "L":
        return 3 + sum(value_size(element) + 1 for element in inner)
    if kind == "M":
        return 3 + sum(len(name.encode()) + value_size(element) + 1 for name, element in inner.items())
    return 0


def item_size(item: dict[str, Any]) -> int:
    return sum(len(name.encode()) + value_size(value) for name, value in item.items())


def read_units(size: int, consistent: bool) -> float:
    units = max(1, math.ceil(size / READ_UNIT))
    return float(units) if consistent else units / 2


def write_units(size: int) -> float:
    return float(max(1, math.ceil(size / WRITE_UNIT)))


Units = dict[str, float]  # "<table>:r" | "<table>:w" -> units


def _add(units: Units, table: str, kind: str, amount: float) -> None:
    units[f"{table}:{kind}"] = units.get(f"{table}:{kind}", 0.0) + amount


def _get(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    _add(units, request["TableName"], "r", read_units(item_size(reply.get("Item", {})), bool(request.get("ConsistentRead"))))


def _query(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    size = sum(item_size(item) for item in reply.get("Items", []))
    _add(units, request["TableName"], "r", read_units(size, bool(request.get("ConsistentRead"))))


def _batch_get(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    for table, items in reply.get("Responses", {}).items():
        consistent = bool(request["RequestItems"].get(table, {}).get("ConsistentRead"))
        for item in items:
            _add(units, table, "r", read_units(item_size(item), consistent))


def _put(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    _add(units, request["TableName"], "w", write_units(item_size(request["Item"])))


def _update(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    _add(units, request["TableName"], "w", write_units(item_size(reply.get("Attributes", {}))))


def _delete(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    _add(units, request["TableName"], "w", 1.0)


def _batch_write(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    for table, writes in request["RequestItems"].items():
        for write in writes:
            put = write.get("PutRequest")
            _add(units, table, "w", write_units(item_size(put["Item"])) if put else 1.0)


def _transact_write(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    for entry in request["TransactItems"]:
        (kind, body), = entry.items()
        _add(units, body["TableName"], "w", 2 * write_units(item_size(body["Item"]) if kind == "Put" else WRITE_UNIT))


def _transact_get(request: dict[str, Any], reply: dict[str, Any], units: Units) -> None:
    for entry, item in zip(request["TransactItems"], reply.get("Responses", []), strict=False):
        _add(units, entry["Get"]["TableName"], "r", 2 * read_units(item_size(item.get("Item", {})), True))


RULES = {"GetItem": _get, "Query": _query, "Scan": _query, "BatchGetItem": _batch_get, "PutItem": _put,
         "UpdateItem": _update, "DeleteItem": _delete, "BatchWriteItem": _batch_write,
         "TransactWriteItems": _transact_write, "TransactGetItems": _transact_get}


def units_of(operation: str, request: dict[str, Any], reply: dict[str, Any]) -> tuple[float, float, Units]:
    """(RRU, WRU, per table) one DynamoDB call consumed (calls that bill nothing: zeros)."""
    units: Units = {}
    rule = RULES.get(operation)
    if rule is not None:
        rule(request, reply, units)
    reads = sum(v for k, v in units.items() if k.endswith(":r"))
    writes = sum(v for k, v in units.items() if k.endswith(":w"))
    return reads, writes, units


def stored_bytes(items: Iterable[dict[str, Any]]) -> int:
    """Bytes DynamoDB bills for these items (each item's size plus 100 bytes of overhead)."""
    return sum(item_size(item) + 100 for item in items)
