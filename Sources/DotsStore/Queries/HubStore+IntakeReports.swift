import DotsCore
import FluentKit
import SQLKit

extension HubStore {
    /// Keeps an intake report, accepted or refused.
    public func recordIntakeReport(_ r: IntakeReportRecord, report: IntakeReport) async throws {
        try await sql.insert(into: "intake_reports")
            .columns("id", "agency_id", "label", "received_at", "submitted_by", "accepted", "rows", "error_count", "warning_count", "report")
            .values(
                SQLBind(r.id), SQLBind(r.agency), SQLBind(r.label), engine.timestamp(r.receivedAt), SQLBind(r.submittedBy),
                SQLBind(r.accepted ? 1 : 0), SQLBind(r.rows), SQLBind(r.errorCount), SQLBind(r.warningCount), SQLBind(try StoreJSON.encode(report))
            )
            .run()
    }

    /// The intake log, newest first, for one agency or all; a page of it with `limit` and `offset`.
    public func intakeReports(agency: String? = nil, limit: Int? = nil, offset: Int = 0) async throws -> [IntakeReportRecord] {
        var q = reportQuery()
        if let agency { q = q.where("agency_id", .equal, agency) }
        q = q.orderBy("received_at", .descending).orderBy("id")
        // SQLite takes OFFSET only after a LIMIT.
        if let limit { q = q.limit(limit).offset(offset) }
        return try await q.all().map(Self.reportRecord)
    }

    /// How many intake reports there are, for one agency or all.
    public func intakeReportCount(agency: String? = nil) async throws -> Int {
        var q = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("intake_reports")
        if let agency { q = q.where("agency_id", .equal, agency) }
        return try await q.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// One intake report with everything it found.
    public func intakeReport(id: String) async throws -> (record: IntakeReportRecord, report: IntakeReport)? {
        guard let row = try await reportQuery().column("report").where("id", .equal, id).first() else { return nil }
        return (try Self.reportRecord(row), try StoreJSON.decode(IntakeReport.self, try row.decode(column: "report", as: String.self)))
    }

    func reportQuery() -> SQLSelectBuilder {
        sql.select().columns("id", "agency_id", "label", "submitted_by", "accepted", "rows", "error_count", "warning_count")
            .column(SQLRaw(engine.timestampText("received_at")), as: "ra").from("intake_reports")
    }

    static func reportRecord(_ row: any SQLRow) throws -> IntakeReportRecord {
        guard let received = Instant(iso: try row.decode(column: "ra", as: String.self)) else {
            throw StoreError.unexpected("An intake report's time in the store cannot be read.")
        }
        return IntakeReportRecord(
            id: try row.decode(column: "id", as: String.self), agency: try row.decode(column: "agency_id", as: String.self),
            label: try row.decode(column: "label", as: String.self), receivedAt: received,
            submittedBy: try row.decode(column: "submitted_by", as: String.self), accepted: try row.decode(column: "accepted", as: Int.self) != 0,
            rows: try row.decode(column: "rows", as: Int.self), errorCount: try row.decode(column: "error_count", as: Int.self),
            warningCount: try row.decode(column: "warning_count", as: Int.self))
    }
}
