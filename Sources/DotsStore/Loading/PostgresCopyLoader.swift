import DotsCore
import FluentKit
import NIOCore
import PostgresNIO

/// Streams rows into PostgreSQL with `COPY … FROM STDIN`, the server's fastest way in, on the transaction's connection.
struct PostgresCopyLoader {
    let database: any Database

    /// Copies every row of `rows` into `table`, each preceded by the constant `prefix` values; `columns` names them all.
    func load(
        _ rows: inout any RowBatchSource & Sendable, table: String, columns: [String], prefix: [CellValue],
        progress: (@Sendable (Int) -> Void)?
    ) async throws -> Int {
        let pg = database as! any PostgresDatabase
        let lead = prefix.map(\.copyText).joined(separator: "\t")
        let logger = database.logger
        let source = rows
        let total = try await pg.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                var rows = source
                var total = 0
                try await conn.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    while let batch = rows.nextBatch(size: 10_000) {
                        var buffer = ByteBuffer()
                        buffer.reserveCapacity(batch.rows.count * 160)
                        for row in batch.rows {
                            buffer.writeString(lead)
                            for (i, cell) in row.enumerated() {
                                if i > 0 || !lead.isEmpty { buffer.writeInteger(UInt8(9)) }
                                buffer.writeString(cell.copyText)
                            }
                            buffer.writeInteger(UInt8(10))
                        }
                        try await writer.write(buffer)
                        total += batch.rows.count
                        progress?(total)
                    }
                }
                // Statistics at once, inside the loading transaction: otherwise the planner plans the checks that
                // follow (events referring to nobody, `HubStore.accept`) and the next reads for the table as it last
                // saw it, often empty. Autovacuum would see the rows only once committed, and then after a while.
                if total >= Self.analyseFrom {
                    for try await _ in try await conn.query(PostgresQuery(unsafeSQL: "ANALYZE \"\(table)\""), logger: logger) {}
                }
                return total
            }
        }.get()
        return total
    }

    /// Loads of fewer rows than this leave the statistics to autovacuum: they cannot mislead a plan by much.
    static let analyseFrom = 1_000

    /// COPY text format: backslash, tab, newline and carriage return are escaped.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension CellValue {
    var copyText: String {
        switch self {
        case .null: "\\N"
        case .text(let s): PostgresCopyLoader.escape(s)
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .boolean(let b): b ? "t" : "f"
        case .date(let d): d.description
        case .instant(let i): i.description
        }
    }
}
