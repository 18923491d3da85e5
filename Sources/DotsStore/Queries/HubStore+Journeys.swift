import DotsCore
import DotsFramework
import FluentKit
import PostgresNIO
import SQLKit
import SQLiteNIO

extension HubStore {
    /// Every row of the datasets given, from every agency, as `RecordRow`s: what cohort measures read at once. With
    /// `fields`, only those of each row and its person, date and end are read (a partnership's every record, whole,
    /// would not fit in memory at scale).
    public func allRecordRows(_ datasets: [Dataset], fields: Set<String>? = nil) async throws -> [RecordRow] {
        var out: [RecordRow] = []
        for dataset in datasets where dataset.isAboutPeople { out += try await rows(of: dataset, agency: nil, persons: nil, fields: fields) }
        return out
    }

    func rows(of dataset: Dataset, agency: String?, persons: [String]?, fields wanted: Set<String>? = nil) async throws -> [RecordRow] {
        let schema = dataset.schema
        guard let personColumn = dataset == .people ? "person_id" : schema.personKey else { return [] }
        let always = Set([personColumn, schema.eventDate, schema.eventEnd].compactMap { $0 })
        let fields = schema.fields.filter { wanted == nil || wanted!.contains($0.name) || always.contains($0.name) }
        if agency == nil, persons == nil, engine == .sqlite, let sqlite = database as? any SQLiteDatabase {
            // A whole dataset (cohort measures): straight on the connection's thread, each value read as the text it
            // already is. SQLKit's path decodes every value through Codable and schedules a future per row, which
            // was half the cohort's time at 200,000 young people.
            let columns = ["submission_id", "agency_id"] + fields.map { "\(textExpression($0)) AS \"\($0.name)\"" }
            let query = "SELECT \(columns.joined(separator: ", ")) FROM \"\(dataset.rawValue)\""
            let names = fields.map(\.name)
            let collected = RowCollector()
            try await sqlite.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    try await conn.query(query, []) { row in
                        var values: [String: String] = [:]
                        for name in names {
                            if let v = row.column(name)?.string, !v.isEmpty { values[name] = v }
                        }
                        collected.rows.append(
                            RecordRow(
                                dataset: dataset, agencyID: row.column("agency_id")?.string ?? "", submissionID: row.column("submission_id")?.string ?? "",
                                values: values))
                    }
                }
            }.get()
            return collected.rows
        }
        if agency == nil, persons == nil, engine == .postgres, let pg = database as? any PostgresDatabase {
            // The same on PostgreSQL: rows streamed from the connection, each value decoded as text by position.
            let columns = ["submission_id", "agency_id"] + fields.map { "\(textExpression($0)) AS \"\($0.name)\"" }
            let query = PostgresQuery(unsafeSQL: "SELECT \(columns.joined(separator: ", ")) FROM \"\(dataset.rawValue)\"")
            let names = fields.map(\.name)
            let logger = logger
            return try await pg.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    var out: [RecordRow] = []
                    for try await row in try await conn.query(query, logger: logger) {
                        let cells = row.makeRandomAccess()
                        var values: [String: String] = [:]
                        for (i, name) in names.enumerated() {
                            if let v = try cells[i + 2].decode(String?.self), !v.isEmpty { values[name] = v }
                        }
                        out.append(
                            RecordRow(
                                dataset: dataset, agencyID: try cells[1].decode(String.self), submissionID: try cells[0].decode(String.self), values: values))
                    }
                    return out
                }
            }.get()
        }
        var q = sql.select().column("submission_id").column("agency_id")
        for field in fields {
            q = q.column(SQLRaw(textExpression(field)), as: field.name)
        }
        q = q.from(dataset.rawValue)
        if let agency { q = q.where("agency_id", .equal, agency) }
        if let persons { q = q.where(personColumn, .in, persons) }
        return try await q.all().map { row in
            var values: [String: String] = [:]
            for field in fields {
                if let v = try row.decode(column: field.name, as: String?.self), !v.isEmpty { values[field.name] = v }
            }
            return RecordRow(
                dataset: dataset, agencyID: try row.decode(column: "agency_id", as: String.self),
                submissionID: try row.decode(column: "submission_id", as: String.self), values: values)
        }
    }

    /// A column (of `table`, when given) read as the text `RecordRow` holds, the same on both engines.
    func textExpression(_ field: FieldSpec, table: String? = nil) -> String {
        let c = (table.map { "\($0)." } ?? "") + "\"\(field.name)\""
        switch field.type {
        case .date: return engine.dateText(c)
        case .dateTime: return engine.timestampText(c)
        case .boolean:
            return engine == .postgres ? "CASE WHEN \(c) THEN 'Y' WHEN NOT \(c) THEN 'N' END" : "CASE \(c) WHEN 1 THEN 'Y' WHEN 0 THEN 'N' END"
        case .integer: return "CAST(\(c) AS TEXT)"
        default: return c
        }
    }

    /// Audit records of one action on one target, newest first: who has viewed a young person's records.
    public func auditEvents(action: String, target: String, limit: Int = 100) async throws -> [AuditEvent] {
        try await sql.select().columns("account_id", "action", "target", "detail").column(SQLRaw(engine.timestampText("at")), as: "at_text")
            .from("audit_events").where("action", .equal, action).where("target", .equal, target).orderBy("seq", .descending).limit(limit).all()
            .map { row in
                AuditEvent(
                    at: Instant(iso: try row.decode(column: "at_text", as: String.self))!, accountID: try row.decode(column: "account_id", as: String?.self),
                    action: try row.decode(column: "action", as: String.self), target: try row.decode(column: "target", as: String.self),
                    detail: try row.decode(column: "detail", as: String?.self))
            }
    }
}

/// Rows gathered by a query's row callback, which SQLiteNIO calls one at a time on the connection's thread.
private final class RowCollector: @unchecked Sendable {
    var rows: [RecordRow] = []
}
