import FluentKit
import SQLKit

/// Contexts of extra-familial harm and the young people linked to them (`DotsContexts`). Each row keeps its document
/// as JSON with the columns views filter on beside it, as the method's tables do: small tables, read whole.
struct M0024_CreateContextTables: AsyncMigration {
    var name: String { "0024_CreateContextTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        try await db.raw("CREATE TABLE contexts (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, stage TEXT NOT NULL, context TEXT NOT NULL)").run()
        try await db.raw(
            """
            CREATE TABLE context_links (id TEXT PRIMARY KEY, context_id TEXT NOT NULL REFERENCES contexts(id), person_id TEXT NOT NULL,
                link TEXT NOT NULL)
            """
        ).run()
        try await db.raw("CREATE INDEX context_links_person ON context_links (person_id)").run()
        try await db.raw("CREATE INDEX context_links_context ON context_links (context_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "context_links").ifExists().run()
        try await database.sql.drop(table: "contexts").ifExists().run()
    }
}
