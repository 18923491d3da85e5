import FluentKit
import SQLKit

/// Small facts about the store itself, such as which partnership model its reference tables hold.
struct M0006_CreateStoreMeta: AsyncMigration {
    var name: String { "0006_CreateStoreMeta" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "store_meta").ifExists().run()
    }
}
