import DotsCore
import DotsFramework
import FluentKit
import PostgresNIO
import SQLKit
import SQLiteNIO

extension HubStore {
    /// The placeholder for the `n`th bound value (from 1) in a query given to `textRows`.
    func placeholder(_ n: Int) -> String { engine == .postgres ? "$\(n)" : "?" }

    /// Runs a query whose every column is text (or NULL) straight on the engine's connection, each row's values by
    /// position. SQLKit's rows decode every value through Codable, which on a page read at every MACE meeting cost
    /// more than the query; this reads each value as the text it already is. `binds` are text, in placeholder order.
    /// (A whole table streamed row by row: `rows(of:columns:where:orderBy:_:)`.)
    func textRows(_ query: String, _ binds: [String]) async throws -> [[String?]] {
        if engine == .sqlite, let sqlite = database as? any SQLiteDatabase {
            let collected = TextRowCollector()
            try await sqlite.withConnection { conn in
                conn.query(query, binds.map { SQLiteData.text($0) }, logger: conn.logger) { row in
                    collected.rows.append(row.columns.map { $0.data.string })
                }
            }.get()
            return collected.rows
        }
        if engine == .postgres, let pg = database as? any PostgresDatabase {
            var bindings = PostgresBindings()
            for b in binds { bindings.append(b) }
            let q = PostgresQuery(unsafeSQL: query, binds: bindings)
            let logger = logger
            return try await pg.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    var out: [[String?]] = []
                    for try await row in try await conn.query(q, logger: logger) {
                        out.append(try row.map { try $0.decode(String?.self) })
                    }
                    return out
                }
            }.get()
        }
        throw StoreError.unexpected("This store's database cannot be read directly.")
    }
}

/// Rows gathered by a query's row callback, which SQLiteNIO calls one at a time, in order, on the connection's loop.
private final class TextRowCollector: @unchecked Sendable {
    var rows: [[String?]] = []
}
