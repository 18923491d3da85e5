import DotsFramework
import FluentKit
import SQLKit

/// Framework recomputations waiting, running or done: queued by accepted submissions, run by `dots serve`.
struct M0013_CreateFrameworkJobs: AsyncMigration {
    var name: String { "0013_CreateFrameworkJobs" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let ts = SQLEngine(db).timestampType
        try await db.raw(
            """
            CREATE TABLE framework_jobs (id TEXT PRIMARY KEY, reason TEXT NOT NULL, requested_by TEXT NOT NULL,
              requested_at \(unsafeRaw: ts) NOT NULL, state TEXT NOT NULL, started_at \(unsafeRaw: ts), finished_at \(unsafeRaw: ts),
              run_id TEXT, error TEXT)
            """
        ).run()
        try await db.raw("CREATE INDEX framework_jobs_state ON framework_jobs (state, requested_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE framework_jobs").run()
    }
}
