import DotsCore
import FluentKit
import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO

/// A SQLite store keeps its audit chain in a file of its own beside it (`dots.sqlite` → `dots.audit.sqlite`).
///
/// Why: every view of a young person's records writes an audit record, and each commit to a SQLite file makes every
/// other connection to that file drop its page cache, so under load each journey read copied its pages in again
/// (`BENCHMARKS.md`, journeys: a view cost half as much again). In a file of their own, the records change only that
/// file. The chain is written in transactions of its own (`AuditBatcher`), never with the partnership's records, so
/// nothing commits across the two. PostgreSQL keeps the chain in the store's own schema.
///
/// The two files belong together: the store records which chain is its own (`store_meta.audit_chain_id`, the same
/// value as the chain's `audit_meta.store_id`), and will not open with its chain missing or another store's in its
/// place, so deleting or swapping the file cannot start a fresh, empty chain unnoticed.
extension HubStore {
    /// The audit chain's file for a SQLite store at `path`.
    public static func auditChainPath(forStore path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let stem = name.hasSuffix(".sqlite") ? String(name.dropLast(".sqlite".count)) : name
        return url.deletingLastPathComponent().appendingPathComponent(stem + ".audit.sqlite").path
    }

    /// The audit chain's file, when the store is a SQLite file.
    public var auditChainPath: String? {
        if case .sqlite(let path) = location { return Self.auditChainPath(forStore: path) }
        return nil
    }

    /// Readies the chain's file after the store's migrations: its tables, and a chain written before it had a file of
    /// its own moved into it. `existed`: whether the file was there before this store opened it.
    func prepareAuditChainFile(_ path: String, existed: Bool) async throws {
        let anchor = try await sql.select().column("value").from("store_meta").where("key", .equal, "audit_chain_id").first()?
            .decode(column: "value", as: String.self)
        if anchor != nil, !existed {
            throw StoreError.cannotOpen(
                location.description,
                reason:
                    "its audit chain (\(path)) is missing. Restore it from the same backup as the store (the two files are backed up and moved together); Dots will not begin a new, empty chain for a store that had one."
            )
        }
        let chain = auditSQL
        try await chain.raw("PRAGMA journal_mode=WAL").run()
        try await chain.raw(
            """
            CREATE TABLE IF NOT EXISTS audit_events (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, account_id TEXT, action TEXT NOT NULL,
              target TEXT NOT NULL, detail TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """
        ).run()
        try await chain.raw("CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at)").run()
        try await chain.raw("CREATE INDEX IF NOT EXISTS audit_events_target ON audit_events (target, action)").run()
        try await chain.raw("CREATE TABLE IF NOT EXISTS audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)").run()
        let fileID = try await chain.select().column("value").from("audit_meta").where("key", .equal, "store_id").first()?
            .decode(column: "value", as: String.self)
        let notOurs =
            "\(path) holds another store's audit chain. Move it away (keep it: it is that store's record of who viewed what), or restore this store's own chain beside it."
        if let anchor {
            guard fileID == anchor else { throw StoreError.cannotOpen(location.description, reason: notOurs) }
            return
        }
        // The first open since the chain had a file of its own, or a new store: the migrations made the chain's table
        // in the store, where it may hold records written before.
        let old = try await chainSummary(sql)
        let here = try await chainSummary(chain)
        let id: String
        if let fileID {
            // A move that stopped between the chain's file and the store: the file already holds the same chain.
            guard let old, old == here else { throw StoreError.cannotOpen(location.description, reason: notOurs) }
            id = fileID
        } else {
            guard here?.count ?? 0 == 0 else { throw StoreError.cannotOpen(location.description, reason: notOurs) }
            id = UUID().uuidString
            try await moveChain(from: old == nil ? nil : storePath, id: id)
        }
        // The store's side in one transaction: the old table goes as its anchor is written.
        try await database.transaction { tx in
            try await tx.sql.raw("DROP TABLE IF EXISTS audit_events").run()
            try await tx.sql.insert(into: "store_meta").columns("key", "value").values(SQLBind("audit_chain_id"), SQLBind(id)).run()
        }
    }

    private var storePath: String? {
        if case .sqlite(let path) = location { return path }
        return nil
    }

    /// A chain's number of records and last hash, or nil when the database has no chain table.
    private func chainSummary(_ db: any SQLDatabase) async throws -> ChainSummary? {
        let table = try await db.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'").first()?
            .decode(column: "n", as: Int.self)
        guard table == 1 else { return nil }
        let count = try await db.raw("SELECT COUNT(*) AS n FROM audit_events").first()?.decode(column: "n", as: Int.self) ?? 0
        let last = try await db.raw("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1").first()?.decode(column: "hash", as: String.self)
        return ChainSummary(count: count, last: last)
    }

    /// Copies the store's chain (when `storePath` is given) into the chain's file and marks the file as this store's,
    /// in one transaction of the chain's file: on any failure the file holds neither.
    private func moveChain(from storePath: String?, id: String) async throws {
        guard let sqlite = auditDatabase as? any SQLiteDatabase else { throw StoreError.unexpected("The audit chain's file is not SQLite.") }
        try await sqlite.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                let db = conn.sql()
                if let storePath { try await db.raw("ATTACH DATABASE \(bind: storePath) AS store").run() }
                do {
                    try await db.raw("BEGIN IMMEDIATE").run()
                    do {
                        if storePath != nil {
                            try await db.raw(
                                """
                                INSERT INTO main.audit_events (seq, at, account_id, action, target, detail, prev_hash, hash)
                                SELECT seq, at, account_id, action, target, detail, prev_hash, hash FROM store.audit_events ORDER BY seq
                                """
                            ).run()
                        }
                        try await db.insert(into: "audit_meta").columns("key", "value").values(SQLBind("store_id"), SQLBind(id)).run()
                        try await db.raw("COMMIT").run()
                    } catch {
                        try? await db.raw("ROLLBACK").run()
                        throw error
                    }
                } catch {
                    if storePath != nil { try? await db.raw("DETACH DATABASE store").run() }
                    throw error
                }
                if storePath != nil { try await db.raw("DETACH DATABASE store").run() }
            }
        }.get()
    }
}

private struct ChainSummary: Equatable {
    let count: Int
    let last: String?
}
