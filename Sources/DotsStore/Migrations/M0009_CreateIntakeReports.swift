import DotsFramework
import FluentKit
import SQLKit

/// Every intake report (accepted or refused), so an agency can download the full list of problems later, and
/// each submitted file's data-quality profile, so quality can be trended across submissions.
struct M0009_CreateIntakeReports: AsyncMigration {
    var name: String { "0009_CreateIntakeReports" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await db.raw(
            """
            CREATE TABLE intake_reports (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, label TEXT NOT NULL,
                received_at \(unsafeRaw: engine.timestampType) NOT NULL, submitted_by TEXT NOT NULL, accepted INTEGER NOT NULL,
                rows INTEGER NOT NULL, error_count INTEGER NOT NULL, warning_count INTEGER NOT NULL, report TEXT NOT NULL)
            """
        ).run()
        try await db.raw("CREATE INDEX intake_reports_agency ON intake_reports (agency_id, received_at)").run()
        try await db.raw("ALTER TABLE submissions ADD COLUMN report_id TEXT").run()
        try await db.raw("CREATE TABLE submission_quality (submission_id TEXT PRIMARY KEY REFERENCES submissions(id), profile TEXT NOT NULL)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "submission_quality").ifExists().run()
        try await database.sql.raw("ALTER TABLE submissions DROP COLUMN report_id").run()
        try await database.sql.drop(table: "intake_reports").ifExists().run()
    }
}
