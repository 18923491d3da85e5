import DotsFramework
import FluentKit
import SQLKit

/// API tokens that can end: an optional expiry, and when a token was revoked (by an admin, or because its
/// account's password was reset). `last_used_at` (from 0008) is now kept up to date.
struct M0012_APITokenLifecycle: AsyncMigration {
    var name: String { "0012_APITokenLifecycle" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let ts = SQLEngine(db).timestampType
        try await db.raw("ALTER TABLE api_tokens ADD COLUMN expires_at \(unsafeRaw: ts)").run()
        try await db.raw("ALTER TABLE api_tokens ADD COLUMN revoked_at \(unsafeRaw: ts)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE api_tokens DROP COLUMN revoked_at").run()
        try await database.sql.raw("ALTER TABLE api_tokens DROP COLUMN expires_at").run()
    }
}
