import DotsCore
import FluentKit
import SQLiteNIO

/// Inserts rows into SQLite with multi-row INSERT statements of pre-built values, skipping Codable encoding:
/// the statement parse is shared by many rows, and each value is bound directly.
struct SQLiteBulkLoader {
    let database: any Database

    func load(_ rows: inout any RowBatchSource & Sendable, submission: SubmissionRecord, progress: (@Sendable (Int) -> Void)?) async throws -> Int {
        let sqlite = database as! any SQLiteDatabase
        let schema = submission.dataset.schema
        let columns = ["submission_id", "agency_id"] + schema.fieldNames
        // About 16k bound values per statement: long enough to amortise parsing, short enough to stay in cache.
        let perStatement = max(1, 16_000 / columns.count)
        let head = "INSERT INTO \"\(submission.dataset.rawValue)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        var statements: [Int: String] = [:]
        var total = 0
        let sid = SQLiteData.text(submission.id), aid = SQLiteData.text(submission.agency)
        while let batch = rows.nextBatch(size: perStatement) {
            var binds: [SQLiteData] = []
            binds.reserveCapacity(batch.rows.count * columns.count)
            for row in batch.rows {
                binds.append(sid)
                binds.append(aid)
                for cell in row { binds.append(cell.sqliteData) }
            }
            let n = batch.rows.count
            let sql = statements[n] ?? { let s = head + Array(repeating: tuple, count: n).joined(separator: ","); statements[n] = s; return s }()
            _ = try await sqlite.query(sql, binds)
            total += n
            if total % 200_000 < n { progress?(total) }
        }
        return total
    }
}

extension CellValue {
    var sqliteData: SQLiteData {
        switch self {
        case .null: .null
        case .text(let s): .text(s)
        case .integer(let i): .integer(i)
        case .boolean(let b): .integer(b ? 1 : 0)
        case .date(let d): .text(d.description)
        case .instant(let i): .text(i.description)
        }
    }
}
