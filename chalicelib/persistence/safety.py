"""Blocks and reports: one interface each, an in-memory and a DynamoDB implementation."""

import threading
from collections import Counter
from collections.abc import Iterator
from typing import Protocol

from pynamodb.exceptions import PutError

from chalicelib.mentorships.domain import Block, Report
from chalicelib.persistence.journey_models import BlockModel, ReportModel

UNKNOWN_ORGANISATION = "unknown"


class BlockRepository(Protocol):
    def add(self, block: Block) -> None: ...

    def remove(self, blocker_id: str, blocked_id: str) -> bool: ...

    def made_by(self, blocker_id: str) -> list[Block]: ...

    def blockers_of(self, blocked_id: str) -> list[str]: ...

    def either_way(self, a: str, b: str) -> bool: ...

    def all_pairs(self) -> Iterator[tuple[str, str]]:
        """(blocker, blocked) for every block."""


class ReportRepository(Protocol):
    def add(self, report: Report) -> None: ...

    def made_by(self, reporter_id: str) -> list[Report]: ...

    def delete_made_by(self, reporter_id: str) -> int: ...

    def forget_reported(self, user_id: str) -> int:
        """Reports about this person keep their organisation and time, lose their id and reason."""

    def count_by_organisation(self) -> dict[str, int]:
        """How many reports were made about people of each organisation (the admin stats)."""


class InMemoryBlockRepository:
    def __init__(self):
        self._items: dict[tuple[str, str], Block] = {}
        self._lock = threading.Lock()

    def add(self, block: Block) -> None:
        with self._lock:
            self._items.setdefault((block.blocker_id, block.blocked_id), block)

    def remove(self, blocker_id: str, blocked_id: str) -> bool:
        with self._lock:
            return self._items.pop((blocker_id, blocked_id), None) is not None

    def made_by(self, blocker_id: str) -> list[Block]:
        return sorted((b for b in self._items.values() if b.blocker_id == blocker_id), key=lambda b: b.blocked_id)

    def blockers_of(self, blocked_id: str) -> list[str]:
        return sorted(blocker for blocker, blocked in self._items if blocked == blocked_id)

    def either_way(self, a: str, b: str) -> bool:
        return (a, b) in self._items or (b, a) in self._items

    def all_pairs(self) -> Iterator[tuple[str, str]]:
        return iter(list(self._items))


class DynamoBlockRepository:
    def add(self, block: Block) -> None:
        """Blocking twice keeps the first block (and its time)."""
        try:
            BlockModel(block.blocker_id, block.blocked_id, created_at=block.created_at).save(
                BlockModel.blocker_id.does_not_exist())
        except PutError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise

    def remove(self, blocker_id: str, blocked_id: str) -> bool:
        if not self._exists(blocker_id, blocked_id):
            return False
        BlockModel(blocker_id, blocked_id).delete()
        return True

    def made_by(self, blocker_id: str) -> list[Block]:
        return [Block(i.blocker_id, i.blocked_id, i.created_at) for i in BlockModel.query(blocker_id)]

    def blockers_of(self, blocked_id: str) -> list[str]:
        return [item.blocker_id for item in BlockModel.by_blocked.query(blocked_id)]

    def either_way(self, a: str, b: str) -> bool:
        return self._exists(a, b) or self._exists(b, a)

    def all_pairs(self) -> Iterator[tuple[str, str]]:
        for item in BlockModel.scan(attributes_to_get=["blocker_id", "blocked_id"]):
            yield item.blocker_id, item.blocked_id

    @staticmethod
    def _exists(blocker_id: str, blocked_id: str) -> bool:
        try:
            BlockModel.get(blocker_id, blocked_id, consistent_read=True, attributes_to_get=["blocker_id"])
        except BlockModel.DoesNotExist:
            return False
        return True


class InMemoryReportRepository:
    def __init__(self):
        self.items: dict[str, Report] = {}

    def add(self, report: Report) -> None:
        self.items[report.report_id] = report

    def made_by(self, reporter_id: str) -> list[Report]:
        return sorted((r for r in self.items.values() if r.reporter_id == reporter_id), key=lambda r: r.created_at)

    def delete_made_by(self, reporter_id: str) -> int:
        mine = [key for key, report in self.items.items() if report.reporter_id == reporter_id]
        for key in mine:
            del self.items[key]
        return len(mine)

    def forget_reported(self, user_id: str) -> int:
        about = [r for r in self.items.values() if r.reported_user_id == user_id]
        for report in about:
            self.items[report.report_id] = Report(report.report_id, report.reporter_id, "", report.mentorship_id,
                                                  report.organisation_id, "", report.created_at)
        return len(about)

    def count_by_organisation(self) -> dict[str, int]:
        return dict(Counter(r.organisation_id for r in self.items.values()))


class DynamoReportRepository:
    def add(self, report: Report) -> None:
        ReportModel(
            report.report_id, reporter_id=report.reporter_id, reported_user_id=report.reported_user_id or None,
            mentorship_id=report.mentorship_id or None, organisation_id=report.organisation_id or UNKNOWN_ORGANISATION,
            reason=report.reason, created_at=report.created_at,
        ).save(ReportModel.report_id.does_not_exist())

    def made_by(self, reporter_id: str) -> list[Report]:
        keys = [item.report_id for item in ReportModel.by_reporter.query(reporter_id)]
        return sorted((to_report(i) for i in ReportModel.batch_get(keys)), key=lambda r: r.created_at) if keys else []

    def delete_made_by(self, reporter_id: str) -> int:
        keys = [item.report_id for item in ReportModel.by_reporter.query(reporter_id)]
        with ReportModel.batch_write() as batch:
            for key in keys:
                batch.delete(ReportModel(key))
        return len(keys)

    def forget_reported(self, user_id: str) -> int:
        keys = [item.report_id for item in ReportModel.by_reported.query(user_id)]
        for key in keys:
            ReportModel(key).update(actions=[ReportModel.reported_user_id.remove(), ReportModel.reason.remove()])
        return len(keys)

    def count_by_organisation(self) -> dict[str, int]:
        # Reports are few (admins act on each one); the stats endpoint reads them all.
        return dict(Counter(item.organisation_id for item in ReportModel.scan(attributes_to_get=["organisation_id"])))


def to_report(item: ReportModel) -> Report:
    return Report(
        report_id=item.report_id, reporter_id=item.reporter_id or "", reported_user_id=item.reported_user_id or "",
        mentorship_id=item.mentorship_id or "", organisation_id=item.organisation_id, reason=item.reason or "",
        created_at=item.created_at,
    )
