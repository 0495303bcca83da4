"""Reports in DynamoDB (``mentorships.ports.ReportRepository``), kept for administrators."""

from collections import Counter

from chalicelib.adapters.dynamo.tables import ReportModel
from chalicelib.mentorships.domain import UNKNOWN_ORGANISATION, Report


class DynamoReportRepository:
    def add(self, report: Report) -> None:
        ReportModel(
            report.report_id, reporter_id=report.reporter_id, reported_user_id=report.reported_user_id or None,
            mentorship_id=report.mentorship_id or None, organisation_id=report.organisation_id or UNKNOWN_ORGANISATION,
            reason=report.reason, created_at=report.created_at, month=report.created_at[:7],
        ).save(ReportModel.report_id.does_not_exist())

    def made_by(self, reporter_id: str) -> list[Report]:
        keys = [item.report_id for item in ReportModel.by_reporter.query(reporter_id)]
        return sorted((to_report(i) for i in ReportModel.batch_get(keys)), key=lambda r: r.created_at) if keys else []

    def about(self, user_id: str) -> list[Report]:
        keys = [item.report_id for item in ReportModel.by_reported.query(user_id)]
        return sorted((to_report(i) for i in ReportModel.batch_get(keys)), key=lambda r: r.created_at,
                      reverse=True) if keys else []

    def recent(self, since: str, until: str, limit: int) -> list[Report]:
        found: list[Report] = []
        for month in months_back(since[:7], until[:7]):
            query = ReportModel.by_month.query(month, ReportModel.created_at >= since, scan_index_forward=False,
                                               limit=limit - len(found))
            found.extend(to_report(item) for item in query)
            if len(found) >= limit:
                break
        return found

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


def months_back(first: str, last: str) -> list[str]:
    """"yyyy-mm" from ``last`` back to ``first``, newest first."""
    year, month = int(last[:4]), int(last[5:7])
    months = []
    while f"{year:04}-{month:02}" >= first:
        months.append(f"{year:04}-{month:02}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months
