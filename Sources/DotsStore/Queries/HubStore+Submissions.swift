import DotsCore
import DotsFramework
import FluentKit
import SQLKit

extension HubStore {
    /// The provenance log, newest first; optionally for one agency and/or dataset.
    public func submissions(agency: String? = nil, dataset: Dataset? = nil) async throws -> [SubmissionRecord] {
        try await Self.fetchSubmissions(sql, engine: engine, agency: agency, dataset: dataset, currentOnly: false)
    }

    /// Submissions in force.
    public func currentSubmissions(agency: String? = nil, dataset: Dataset? = nil) async throws -> [SubmissionRecord] {
        try await Self.fetchSubmissions(sql, engine: engine, agency: agency, dataset: dataset, currentOnly: true)
    }

    /// The person ids the agency's current `people` submission holds.
    public func currentPersonIDs(agency: String) async throws -> Set<String> {
        let rows = try await sql.select().column("person_id").from("people").where("agency_id", .equal, agency).all()
        return Set(try rows.map { try $0.decode(column: "person_id", as: String.self) })
    }

    /// The person ids each of an agency's current event submissions refers to, with how many of its rows refer to
    /// each, by submission id (including feedback given or recorded in Dots, kept under `dots-voice:AGENCY`): what
    /// replacing the agency's people must keep.
    public func referencedPersonIDs(agency: String) async throws -> [String: (dataset: Dataset, persons: [String: Int])] {
        var out: [String: (dataset: Dataset, persons: [String: Int])] = [:]
        for dataset in Dataset.allCases where dataset != .people && dataset.schema.fieldNames.contains("person_id") {
            let rows = try await sql.select().columns("submission_id", "person_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(dataset.rawValue).where("agency_id", .equal, agency).where("person_id", .isNot, SQLLiteral.null)
                .groupBy("submission_id").groupBy("person_id").all()
            for row in rows {
                let id = try row.decode(column: "submission_id", as: String.self)
                out[id, default: (dataset, [:])].persons[try row.decode(column: "person_id", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
        }
        return out
    }

    /// The linkage-key fingerprint of the most recent current submission that has one.
    public func currentKeyID() async throws -> String? {
        try await sql.select().column("key_id").from("submissions").where("status", .equal, "current").where("key_id", .isNot, SQLLiteral.null)
            .orderBy("received_at", .descending).limit(1).first()?.decode(column: "key_id", as: String.self)
    }

    /// Rows held for a dataset, optionally for one agency.
    public func rowCount(_ dataset: Dataset, agency: String? = nil) async throws -> Int {
        var q = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(dataset.rawValue)
        if let agency { q = q.where("agency_id", .equal, agency) }
        return try await q.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Runs a read-only query and returns each row's columns as text (for inspection and tests).
    public func textRows(_ query: String) async throws -> [[String: String]] {
        try await Self.textRows(query, on: sql)
    }

    /// As `textRows`, on the audit chain's own database (`AuditChainFile`): the store itself on PostgreSQL.
    public func auditChainTextRows(_ query: String) async throws -> [[String: String]] {
        try await Self.textRows(query, on: auditSQL)
    }

    private static func textRows(_ query: String, on sql: any SQLDatabase) async throws -> [[String: String]] {
        try await sql.raw(SQLQueryString(query)).all().map { row in
            var out: [String: String] = [:]
            for c in row.allColumns {
                // Numbers first: PostgreSQL will not read a bigint as text, while SQLite reads numeric text as a number.
                if (try? row.decodeNil(column: c)) == true {
                    continue
                } else if let i = try? row.decode(column: c, as: Int.self) {
                    out[c] = String(i)
                } else if let b = try? row.decode(column: c, as: Bool.self) {
                    out[c] = b ? "true" : "false"
                } else {
                    out[c] = try? row.decode(column: c, as: String.self)
                }
            }
            return out
        }
    }

    static func currentSubmissions(_ db: any SQLDatabase, engine: SQLEngine, agency: String, dataset: Dataset) async throws -> [SubmissionRecord] {
        try await fetchSubmissions(db, engine: engine, agency: agency, dataset: dataset, currentOnly: true)
    }

    static func fetchSubmissions(_ db: any SQLDatabase, engine: SQLEngine, agency: String?, dataset: Dataset?, currentOnly: Bool) async throws
        -> [SubmissionRecord]
    {
        var q = db.select()
            .columns(
                "id", "agency_id", "dataset", "period_label", "status", "rows", "bytes", "checksum", "submitted_by", "source",
                "key_id", "schema_version", "superseded_by", "error_count", "warning_count", "report_id", "profile"
            )
            .column(SQLRaw(engine.dateText("period_start")), as: "ps").column(SQLRaw(engine.dateText("period_end")), as: "pe")
            .column(SQLRaw(engine.timestampText("received_at")), as: "ra")
            .from("submissions")
            .join(
                "submission_quality", method: SQLJoinMethod.left, on: SQLColumn("id", table: "submissions"), .equal,
                SQLColumn("submission_id", table: "submission_quality"))
        if let agency { q = q.where("agency_id", .equal, agency) }
        if let dataset { q = q.where("dataset", .equal, dataset.rawValue) }
        if currentOnly { q = q.where("status", .equal, SubmissionRecord.Status.current.rawValue) }
        return try await q.orderBy("received_at", .descending).orderBy("id").all().map { row in
            let label = try row.decode(column: "period_label", as: String.self)
            guard let start = CalendarDate(iso: try row.decode(column: "ps", as: String.self)),
                let end = CalendarDate(iso: try row.decode(column: "pe", as: String.self)),
                let received = Instant(iso: try row.decode(column: "ra", as: String.self)),
                let dataset = Dataset(rawValue: try row.decode(column: "dataset", as: String.self)),
                let status = SubmissionRecord.Status(rawValue: try row.decode(column: "status", as: String.self))
            else { throw StoreError.unexpected("A submission record in the store cannot be read.") }
            let period = Period(parsing: label).flatMap { $0.start == start && $0.end == end ? $0 : nil } ?? Period(start: start, end: end)
            return SubmissionRecord(
                id: try row.decode(column: "id", as: String.self), agency: try row.decode(column: "agency_id", as: String.self),
                dataset: dataset, period: period, status: status, rows: try row.decode(column: "rows", as: Int.self),
                bytes: try row.decode(column: "bytes", as: Int.self), checksum: try row.decode(column: "checksum", as: String.self),
                receivedAt: received, submittedBy: try row.decode(column: "submitted_by", as: String.self),
                source: try row.decode(column: "source", as: String.self), keyID: try row.decode(column: "key_id", as: String?.self),
                schemaVersion: try row.decode(column: "schema_version", as: Int.self),
                supersededBy: try row.decode(column: "superseded_by", as: String?.self),
                errorCount: try row.decode(column: "error_count", as: Int.self), warningCount: try row.decode(column: "warning_count", as: Int.self),
                reportID: try row.decode(column: "report_id", as: String?.self),
                quality: try row.decode(column: "profile", as: String?.self).map { try StoreJSON.decode(QualityProfile.self, $0) })
        }
    }
}
