import DotsFramework
import FluentKit
import SQLKit

/// What a linkage run reads and writes per people submission rather than per row, which made it several times
/// faster: each current people submission's records in the binary form linkage reads (`LinkRecordSet`; derived
/// data, rebuilt from `people` whenever missing or in an older format), and the partnership person ids the latest
/// run gave them, in the same order (a copy of their rows in `person_links`, which queries join on). Both go
/// with the submission when it is superseded. Runs also record the highest person id number ever given, so an
/// id is never given again even after the record holding it has gone.
struct M0011_StoreLinkagePerSubmission: AsyncMigration {
    var name: String { "0011_StoreLinkagePerSubmission" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await db.raw(
            """
            CREATE TABLE link_record_sets (submission_id TEXT PRIMARY KEY REFERENCES submissions(id), format INTEGER NOT NULL,
                records INTEGER NOT NULL, body \(unsafeRaw: engine == .postgres ? "BYTEA" : "BLOB") NOT NULL)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE linked_person_ids (submission_id TEXT PRIMARY KEY REFERENCES submissions(id), run_id TEXT NOT NULL,
                records INTEGER NOT NULL, ids TEXT NOT NULL)
            """
        ).run()
        try await db.raw("ALTER TABLE linkage_runs ADD COLUMN highest_person_number INTEGER").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE linkage_runs DROP COLUMN highest_person_number").run()
        try await database.sql.drop(table: "linked_person_ids").ifExists().run()
        try await database.sql.drop(table: "link_record_sets").ifExists().run()
    }
}
