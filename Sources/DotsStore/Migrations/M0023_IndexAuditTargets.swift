import FluentKit
import SQLKit

/// An index on the audit log's targets: a young person's page lists who has viewed their records (every view is
/// an audit record), and the log grows with every view, so that list must not read the whole log.
struct M0023_IndexAuditTargets: AsyncMigration {
    var name: String { "0023_IndexAuditTargets" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE INDEX audit_events_target ON audit_events (target, action)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX IF EXISTS audit_events_target").run()
    }
}
