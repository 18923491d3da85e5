import DotsCore
import DotsFramework
import FluentKit
import NIOCore
import PostgresNIO
import SQLKit
import SQLiteNIO

extension HubStore {
    /// The placeholder for the `n`th bound value (from 1) in a query given to `eachTextRow` or `textRows`.
    func placeholder(_ n: Int) -> String { engine == .postgres ? "$\(n)" : "?" }

    /// Streams the rows of a query whose every column is text (or NULL) straight off the engine's connection, each
    /// row's values by position, to `each`, one row at a time and in order. SQLKit's rows decode every value through
    /// Codable and, on SQLite, schedule a future per row: on the pages read at every MACE meeting and in reads of a
    /// whole partnership that cost more than the query. `binds` are text, in placeholder order. On `loop`'s connection
    /// when given: a store holds a connection per event loop, so reads given different loops run side by side.
    func eachTextRow(
        _ query: String, _ binds: [String] = [], on loop: (any EventLoop)? = nil, _ each: @escaping @Sendable ([String?]) -> Void
    ) async throws {
        let db = loop.flatMap { databases.database(id, logger: logger, on: $0) } ?? database
        if engine == .sqlite, let sqlite = db as? any SQLiteDatabase {
            try await sqlite.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    // This form of `query` calls back on the connection's own thread as each row is stepped.
                    try await conn.query(query, binds.map { SQLiteData.text($0) }) { row in each(row.columns.map { $0.data.string }) }
                }
            }.get()
            return
        }
        if engine == .postgres, let pg = db as? any PostgresDatabase {
            var bindings = PostgresBindings()
            for b in binds { bindings.append(b) }
            let q = PostgresQuery(unsafeSQL: query, binds: bindings)
            let logger = logger
            try await pg.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    for try await row in try await conn.query(q, logger: logger) {
                        each(try row.map { try $0.decode(String?.self) })
                    }
                }
            }.get()
            return
        }
        throw StoreError.unexpected("This store's database cannot be read directly.")
    }

    /// A text-only query's rows, collected (`eachTextRow`): for queries whose rows are few.
    func textRows(_ query: String, _ binds: [String]) async throws -> [[String?]] {
        let collected = TextRowCollector()
        try await eachTextRow(query, binds) { collected.rows.append($0) }
        return collected.rows
    }
}

extension HubStore {
    /// A short read's rows, as `textRows`, for a page read on every request: on SQLite through a kept statement on the
    /// caller's thread (`SQLiteReaders`), read-only. Never for a long read or a write.
    func pageRows(_ query: String, _ binds: [String]) async throws -> [[String?]] {
        guard let readers else { return try await textRows(query, binds) }
        var rows: [[String?]] = []
        try readers.read(query, binds) { rows.append($0) }
        return rows
    }
}

/// Rows gathered by a query's row callback, which is called one row at a time, in order, on one thread.
private final class TextRowCollector: @unchecked Sendable {
    var rows: [[String?]] = []
}
