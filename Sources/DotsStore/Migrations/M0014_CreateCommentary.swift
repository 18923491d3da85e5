import FluentKit
import SQLKit

/// Analysts' commentary on questions and indicators, every version kept (the document is the JSON of a
/// `Commentary`; the key columns let a page read one subject's versions).
struct M0014_CreateCommentary: AsyncMigration {
    var name: String { "0014_CreateCommentary" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            "CREATE TABLE commentary (id TEXT PRIMARY KEY, subject_key TEXT NOT NULL, state TEXT NOT NULL, commentary TEXT NOT NULL)"
        ).run()
        try await database.sql.raw("CREATE INDEX commentary_subject ON commentary (subject_key)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE commentary").run()
    }
}
