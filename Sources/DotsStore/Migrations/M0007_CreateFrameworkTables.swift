import DotsFramework
import FluentKit
import SQLKit

/// The framework's computed figures with their provenance, and what the data could not answer. Each run is
/// logged; the figures and gaps of the latest run are kept (a run replaces the last one's in one transaction).
struct M0007_CreateFrameworkTables: AsyncMigration {
    var name: String { "0007_CreateFrameworkTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        let real = engine == .postgres ? "DOUBLE PRECISION" : "REAL"
        try await db.raw(
            """
            CREATE TABLE framework_runs (id TEXT PRIMARY KEY, computed_at \(unsafeRaw: engine.timestampType) NOT NULL, framework_name TEXT NOT NULL,
                framework_version TEXT NOT NULL, framework_checksum TEXT NOT NULL, linkage_run_id TEXT, submissions TEXT NOT NULL,
                indicators INTEGER NOT NULL, cells INTEGER NOT NULL, seconds \(unsafeRaw: real) NOT NULL, run_by TEXT NOT NULL)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE framework_results (run_id TEXT NOT NULL, indicator_id TEXT NOT NULL, period_kind TEXT NOT NULL, period TEXT NOT NULL,
                period_start \(unsafeRaw: engine.dateType) NOT NULL, period_end \(unsafeRaw: engine.dateType) NOT NULL, scope TEXT NOT NULL,
                breakdown TEXT NOT NULL, grp TEXT NOT NULL, stat TEXT NOT NULL, num INTEGER, den INTEGER, val \(unsafeRaw: real),
                status TEXT NOT NULL, note TEXT)
            """
        ).run()
        try await db.raw("CREATE INDEX framework_results_indicator ON framework_results (indicator_id, period_kind)").run()
        try await db.raw(
            """
            CREATE TABLE framework_gaps (run_id TEXT NOT NULL, question_id TEXT NOT NULL, indicator_id TEXT, kind TEXT NOT NULL,
                blocking INTEGER NOT NULL, detail TEXT NOT NULL)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        for t in ["framework_gaps", "framework_results", "framework_runs"] { try await database.sql.drop(table: t).ifExists().run() }
    }
}
