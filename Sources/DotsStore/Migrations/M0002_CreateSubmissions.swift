import DotsFramework
import FluentKit
import SQLKit

/// The provenance log: every submission received, accepted, superseded or rejected.
struct M0002_CreateSubmissions: AsyncMigration {
    var name: String { "0002_CreateSubmissions" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await db.raw(
            """
            CREATE TABLE submissions (
                id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, dataset TEXT NOT NULL,
                period_start \(unsafeRaw: engine.dateType) NOT NULL, period_end \(unsafeRaw: engine.dateType) NOT NULL, period_label TEXT NOT NULL,
                status TEXT NOT NULL, rows INTEGER NOT NULL, bytes INTEGER NOT NULL, checksum TEXT NOT NULL,
                received_at \(unsafeRaw: engine.timestampType) NOT NULL, submitted_by TEXT NOT NULL, source TEXT NOT NULL,
                key_id TEXT, schema_version INTEGER NOT NULL, superseded_by TEXT,
                error_count INTEGER NOT NULL DEFAULT 0, warning_count INTEGER NOT NULL DEFAULT 0)
            """
        ).run()
        try await db.raw("CREATE INDEX submissions_current ON submissions (agency_id, dataset, status)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "submissions").ifExists().run()
    }
}
