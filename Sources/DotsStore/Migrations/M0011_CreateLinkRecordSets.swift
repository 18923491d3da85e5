import FluentKit
import SQLKit

/// Each current people submission's records in the binary form linkage reads (`LinkRecordSet`), so a run reads
/// one value per submission instead of decoding every row. Derived data: rebuilt from `people` whenever missing
/// or in an older format, and removed with the submission it was built from.
struct M0011_CreateLinkRecordSets: AsyncMigration {
    var name: String { "0011_CreateLinkRecordSets" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await db.raw("""
            CREATE TABLE link_record_sets (submission_id TEXT PRIMARY KEY REFERENCES submissions(id), format INTEGER NOT NULL,
                records INTEGER NOT NULL, body \(unsafeRaw: engine == .postgres ? "BYTEA" : "BLOB") NOT NULL)
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "link_record_sets").ifExists().run()
    }
}
