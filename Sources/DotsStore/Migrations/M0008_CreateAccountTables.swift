import DotsFramework
import FluentKit
import SQLKit

/// Accounts for the web app and API: people with a role (and an agency for agency data leads), sign-in sessions,
/// API tokens for agencies' automated submissions, and the audit log. Passwords are stored only as bcrypt hashes;
/// session and API tokens only as SHA-256 digests, so a copy of the store lets no one sign in.
struct M0008_CreateAccountTables: AsyncMigration {
    var name: String { "0008_CreateAccountTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        let ts = engine.timestampType
        try await db.raw(
            """
            CREATE TABLE accounts (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
                agency_id TEXT REFERENCES agencies(id), password_hash TEXT NOT NULL, created_at \(unsafeRaw: ts) NOT NULL,
                password_changed_at \(unsafeRaw: ts) NOT NULL, disabled INTEGER NOT NULL DEFAULT 0)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE account_sessions (token_digest TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
                csrf_token TEXT NOT NULL, created_at \(unsafeRaw: ts) NOT NULL, expires_at \(unsafeRaw: ts) NOT NULL)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE api_tokens (token_digest TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), label TEXT NOT NULL,
                created_at \(unsafeRaw: ts) NOT NULL, last_used_at \(unsafeRaw: ts), revoked INTEGER NOT NULL DEFAULT 0)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE audit_events (at \(unsafeRaw: ts) NOT NULL, account_id TEXT, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT)
            """
        ).run()
        try await db.raw("CREATE INDEX audit_events_at ON audit_events (at)").run()
    }

    func revert(on database: any Database) async throws {
        for t in ["audit_events", "api_tokens", "account_sessions", "accounts"] { try await database.sql.drop(table: t).ifExists().run() }
    }
}
