import DotsCore
import FluentKit
import NIOCore
import SQLiteNIO

/// Inserts rows into SQLite with multi-row INSERT statements of pre-built values, skipping Codable encoding:
/// the statement parse is shared by many rows, and each value is bound directly.
struct SQLiteBulkLoader {
    let database: any Database

    /// Per-connection settings for bulk loads, applied before the transaction opens (SQLite ignores some inside one):
    /// a page cache of up to 1 GiB keeps index pages in memory instead of spilling them mid-transaction, and an
    /// in-memory statement journal stops multi-row INSERTs writing every touched page twice.
    static func tune(_ database: any Database) async throws {
        let sqlite = database as! any SQLiteDatabase
        _ = try await sqlite.query("PRAGMA cache_size = -1048576", [])
        _ = try await sqlite.query("PRAGMA temp_store = MEMORY", [])
    }

    /// Inserts every row of `rows` into `table`, each preceded by the constant `prefix` values; `columns` names them all.
    func load(
        _ rows: inout any RowBatchSource & Sendable, table: String, columns: [String], prefix: [CellValue],
        progress: (@Sendable (Int) -> Void)?
    ) async throws -> Int {
        let sqlite = database as! any SQLiteDatabase
        // About 16k bound values per statement: long enough to amortise parsing, short enough to stay in cache.
        let perStatement = max(1, 16_000 / columns.count)
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        var statements: [Int: String] = [:]
        var total = 0
        let constant = prefix.map(\.sqliteData)
        func statement(_ batch: RowBatch) -> (String, [SQLiteData]) {
            var binds: [SQLiteData] = []
            binds.reserveCapacity(batch.rows.count * columns.count)
            for row in batch.rows {
                binds.append(contentsOf: constant)
                for cell in row { binds.append(cell.sqliteData) }
            }
            let n = batch.rows.count
            let sql =
                statements[n]
                ?? {
                    let s = head + Array(repeating: tuple, count: n).joined(separator: ","); statements[n] = s; return s
                }()
            return (sql, binds)
        }
        // Two cores, two stages: SQLite runs one statement on its thread while this task reads and binds the next.
        var pending: EventLoopFuture<Void>?
        while let batch = rows.nextBatch(size: perStatement) {
            let (sql, binds) = statement(batch)
            if let pending { try await pending.get() }
            pending = sqlite.query(sql, binds, logger: database.logger) { _ in }
            total += batch.rows.count
            if total % 200_000 < batch.rows.count { progress?(total) }
        }
        if let pending { try await pending.get() }
        return total
    }
}

extension CellValue {
    var sqliteData: SQLiteData {
        switch self {
        case .null: .null
        case .text(let s): .text(s)
        case .integer(let i): .integer(i)
        case .real(let d): .float(d)
        case .boolean(let b): .integer(b ? 1 : 0)
        case .date(let d): .text(d.description)
        case .instant(let i): .text(i.description)
        }
    }
}
