import FluentKit
import SQLKit

/// Published reports, each edition's HTML and PDF (base64) beside the record; rows are only ever added.
struct M0015_CreatePublishedReports: AsyncMigration {
    var name: String { "0015_CreatePublishedReports" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            "CREATE TABLE published_reports (id TEXT PRIMARY KEY, report_key TEXT NOT NULL, version INTEGER NOT NULL, report TEXT NOT NULL, UNIQUE (report_key, version))"
        ).run()
        try await database.sql.raw(
            "CREATE TABLE published_report_files (report_id TEXT NOT NULL, edition TEXT NOT NULL, format TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (report_id, edition, format))"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE published_report_files").run()
        try await database.sql.raw("DROP TABLE published_reports").run()
    }
}
