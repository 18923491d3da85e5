import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// The audit log becomes a hash chain (`AuditChain`): each record numbered (`seq`), with the previous record's
/// hash and its own. Records written before are chained in the order they were written (by time), in a new table
/// that replaces the old.
struct M0017_ChainAuditLog: AsyncMigration {
    var name: String { "0017_ChainAuditLog" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        let ts = engine == .postgres ? "TIMESTAMPTZ" : "TEXT"
        let old = try await db.select().columns("account_id", "action", "target", "detail").column(SQLRaw(engine.timestampText("at")), as: "at_text")
            .from("audit_events").orderBy("at").all()
        try await db.raw(
            """
            CREATE TABLE audit_chain (seq BIGINT PRIMARY KEY, at \(unsafeRaw: ts) NOT NULL, account_id TEXT, action TEXT NOT NULL, target TEXT NOT NULL,
              detail TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """
        ).run()
        var previous = AuditChain.genesis
        for (i, row) in old.enumerated() {
            let e = AuditEvent(
                at: Instant(iso: try row.decode(column: "at_text", as: String.self))!, accountID: try row.decode(column: "account_id", as: String?.self),
                action: try row.decode(column: "action", as: String.self), target: try row.decode(column: "target", as: String.self),
                detail: try row.decode(column: "detail", as: String?.self))
            let hash = AuditChain.hash(previous: previous, seq: Int64(i + 1), event: e)
            try await db.insert(into: "audit_chain").columns("seq", "at", "account_id", "action", "target", "detail", "prev_hash", "hash")
                .values(
                    SQLBind(Int64(i + 1)), engine.timestamp(e.at), SQLBind(e.accountID), SQLBind(e.action), SQLBind(e.target), SQLBind(e.detail),
                    SQLBind(previous), SQLBind(hash)
                ).run()
            previous = hash
        }
        try await db.drop(table: "audit_events").run()
        try await db.raw("ALTER TABLE audit_chain RENAME TO audit_events").run()
        try await db.raw("CREATE INDEX audit_events_at ON audit_events (at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "audit_events").ifExists().run()
    }
}
