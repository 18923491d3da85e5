import DotsFramework
import FluentKit
import SQLKit

/// Linkage runs (with their settings and trained model), the latest run's linked and review pairs, each person
/// record's partnership person id, and clerical review decisions.
struct M0005_CreateLinkageTables: AsyncMigration {
    var name: String { "0005_CreateLinkageTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        let real = engine == .postgres ? "DOUBLE PRECISION" : "REAL"
        try await db.raw(
            """
            CREATE TABLE linkage_runs (id TEXT PRIMARY KEY, started_at \(unsafeRaw: engine.timestampType) NOT NULL,
                finished_at \(unsafeRaw: engine.timestampType) NOT NULL, settings TEXT NOT NULL, model TEXT NOT NULL, key_id TEXT,
                records INTEGER NOT NULL, candidate_pairs INTEGER NOT NULL, links INTEGER NOT NULL, reviews INTEGER NOT NULL,
                people INTEGER NOT NULL, submissions TEXT NOT NULL, evaluation TEXT, run_by TEXT NOT NULL)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE link_pairs (run_id TEXT NOT NULL, a_key TEXT NOT NULL, b_key TEXT NOT NULL, levels TEXT NOT NULL,
                weight \(unsafeRaw: real) NOT NULL, probability \(unsafeRaw: real) NOT NULL, decision TEXT NOT NULL)
            """
        ).run()
        // One index only: a run writes hundreds of thousands of pairs, and lookups by record are rare (explain).
        try await db.raw("CREATE INDEX link_pairs_decision ON link_pairs (decision, probability)").run()
        try await db.raw(
            """
            CREATE TABLE person_links (agency_id TEXT NOT NULL, person_id TEXT NOT NULL, partnership_person_id TEXT NOT NULL,
                run_id TEXT NOT NULL, PRIMARY KEY (agency_id, person_id))
            """
        ).run()
        try await db.raw("CREATE INDEX person_links_person ON person_links (partnership_person_id)").run()
        try await db.raw(
            """
            CREATE TABLE link_reviews (a_key TEXT NOT NULL, b_key TEXT NOT NULL, verdict TEXT NOT NULL, reviewer TEXT NOT NULL,
                decided_at \(unsafeRaw: engine.timestampType) NOT NULL, note TEXT, PRIMARY KEY (a_key, b_key))
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        for t in ["link_reviews", "person_links", "link_pairs", "linkage_runs"] { try await database.sql.drop(table: t).ifExists().run() }
    }
}
