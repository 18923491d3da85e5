import DotsCore
import DotsFramework
import FluentKit
import SQLKit

extension HubStore {
    /// Loads a whole submission in one transaction. Each file replaces the agency's current submission of the
    /// same dataset and period (for `people`, of any period), which is kept in the log as superseded; an episode it
    /// repeats from another period's submission (one open across the year end), or a row of an Annex A list it
    /// repeats from an earlier list (whose twelve months overlap), replaces the earlier copy. Either
    /// every file is loaded or nothing changes.
    /// - Returns: the records now current, and the ids they superseded.
    public func accept(_ files: [IncomingFile], progress: (@Sendable (Int) -> Void)? = nil) async throws -> [SubmissionRecord] {
        let engine = engine
        let database = database
        guard engine == .sqlite else { return try await Self.accept(files, on: database, engine: engine, progress: progress) }
        // SQLite: tune the connection first, then open the transaction on that same connection. (Not for
        // PostgreSQL: Fluent's Postgres driver treats a connection handle as already in a transaction and would
        // skip BEGIN, losing atomicity; the store tests check this on both engines.)
        return try await database.withConnection { conn in
            try await SQLiteBulkLoader.tune(conn)
            return try await Self.accept(files, on: conn, engine: engine, progress: progress)
        }
    }

    static func accept(_ files: [IncomingFile], on database: any Database, engine: SQLEngine, progress: (@Sendable (Int) -> Void)?) async throws
        -> [SubmissionRecord]
    {
        try await database.transaction { tx in
            let db = tx.sql
            var accepted: [SubmissionRecord] = []
            for file in files {
                let r = file.record
                let existing = try await Self.currentSubmissions(db, engine: engine, agency: r.agency, dataset: r.dataset)
                var replaced: [String] = []
                for e in existing {
                    if r.dataset == .people || e.period == r.period {
                        replaced.append(e.id)
                    } else if e.period.overlaps(r.period), !r.dataset.isRollingList {
                        throw StoreError.periodOverlap(agency: r.agency, dataset: r.dataset, period: r.period, existing: e.period)
                    }
                }
                if !replaced.isEmpty {
                    try await db.delete(from: r.dataset.rawValue).where("submission_id", .in, replaced).run()
                    for table in ["link_record_sets", "linked_person_ids"] {
                        try await db.delete(from: table).where("submission_id", .in, replaced).run()
                    }
                    try await db.update("submissions").set("status", to: SubmissionRecord.Status.superseded.rawValue)
                        .set("superseded_by", to: r.id).where("id", .in, replaced).run()
                }
                try await Self.insertRecord(r, into: db, engine: engine)
                var rows = file.rows
                let loaded = try await Self.bulkInsert(
                    &rows, table: r.dataset.rawValue, columns: ["submission_id", "agency_id"] + r.dataset.schema.fieldNames,
                    prefix: [.text(r.id), .text(r.agency)], on: tx, engine: engine, progress: progress)
                let stored =
                    try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(r.dataset.rawValue)
                    .where("submission_id", .equal, r.id).first()?.decode(column: "n", as: Int.self) ?? 0
                guard loaded == r.rows, stored == r.rows else {
                    throw StoreError.rowCountMismatch(dataset: r.dataset, expected: r.rows, loaded: stored)
                }
                // An episode still open at the end of one return is in the next one too, under the same id: the
                // later copy is the record as it now stands, so the agency's earlier copy goes (never counted twice).
                // The same episode: the same id, person and start; ids alone can repeat across years (row numbers).
                // Annex A's rolling lists overlap by design, so a row the next list repeats is replaced likewise.
                let schema = r.dataset.schema
                if schema.eventEnd != nil || r.dataset.isRollingList, let person = schema.personKey, let start = schema.eventDate {
                    let table = r.dataset.rawValue
                    try await db.raw(
                        """
                        DELETE FROM \(ident: table) WHERE agency_id = \(bind: r.agency) AND submission_id <> \(bind: r.id) \
                        AND EXISTS (SELECT 1 FROM \(ident: table) n WHERE n.submission_id = \(bind: r.id) \
                        AND n.\(ident: schema.primaryKey) = \(ident: table).\(ident: schema.primaryKey) \
                        AND n.\(ident: person) = \(ident: table).\(ident: person) AND n.\(ident: start) = \(ident: table).\(ident: start))
                        """
                    ).run()
                }
                accepted.append(r)
            }
            // A people file replaces the agency's people: no event of the agency may be left referring to nobody
            // (checked here too, inside the transaction, whatever the caller checked before).
            for agency in Set(files.filter { $0.record.dataset == .people }.map(\.record.agency)).sorted() {
                for dataset in Dataset.allCases where dataset != .people && dataset.schema.fieldNames.contains("person_id") {
                    let orphans =
                        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
                            SQLAlias(SQLIdentifier(dataset.rawValue), as: SQLIdentifier("e"))
                        )
                        .where(SQLColumn("agency_id", table: "e"), .equal, SQLBind(agency))
                        .where(SQLColumn("person_id", table: "e"), .isNot, SQLLiteral.null)
                        .where(
                            SQLRaw("NOT EXISTS (SELECT 1 FROM people p WHERE p.agency_id = e.agency_id AND p.person_id = e.person_id)")
                        ).first()?.decode(column: "n", as: Int.self) ?? 0
                    if orphans > 0 { throw StoreError.orphanedEvents(agency: agency, dataset: dataset, rows: orphans) }
                }
            }
            return accepted
        }
    }

    /// Bulk-inserts rows with the engine's fastest path (multi-row INSERT for SQLite, COPY for PostgreSQL).
    static func bulkInsert(
        _ rows: inout any RowBatchSource & Sendable, table: String, columns: [String], prefix: [CellValue],
        on database: any Database, engine: SQLEngine, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> Int {
        switch engine {
        case .sqlite: try await SQLiteBulkLoader(database: database).load(&rows, table: table, columns: columns, prefix: prefix, progress: progress)
        case .postgres: try await PostgresCopyLoader(database: database).load(&rows, table: table, columns: columns, prefix: prefix, progress: progress)
        }
    }

    /// Logs a refused submission. Only the log changes: no data table is touched.
    public func recordRejected(_ record: SubmissionRecord) async throws {
        var r = record
        r.status = .rejected
        r.rows = 0
        try await Self.insertRecord(r, into: sql, engine: engine)
    }

    static func insertRecord(_ r: SubmissionRecord, into db: any SQLDatabase, engine: SQLEngine) async throws {
        try await db.insert(into: "submissions")
            .columns(
                "id", "agency_id", "dataset", "period_start", "period_end", "period_label", "status", "rows", "bytes", "checksum",
                "received_at", "submitted_by", "source", "key_id", "schema_version", "superseded_by", "error_count", "warning_count", "report_id"
            )
            .values(
                SQLBind(r.id), SQLBind(r.agency), SQLBind(r.dataset.rawValue), engine.date(r.period.start), engine.date(r.period.end),
                SQLBind(r.period.description), SQLBind(r.status.rawValue), SQLBind(r.rows), SQLBind(r.bytes), SQLBind(r.checksum),
                engine.timestamp(r.receivedAt), SQLBind(r.submittedBy), SQLBind(r.source), SQLBind(r.keyID),
                SQLBind(r.schemaVersion), SQLBind(r.supersededBy), SQLBind(r.errorCount), SQLBind(r.warningCount), SQLBind(r.reportID)
            )
            .run()
        if let q = r.quality {
            try await db.insert(into: "submission_quality").columns("submission_id", "profile").values(SQLBind(r.id), SQLBind(try StoreJSON.encode(q))).run()
        }
    }
}
