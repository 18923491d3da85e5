import DotsCore
import Synchronization
// SQLiteNIO's own build of SQLite, the copy the rest of the store uses: a second copy of SQLite in one process would
// not see the first's file locks, and could corrupt the file.
import VaporCSQLite

/// Read-only connections to a store's SQLite file for the short reads a page makes on every request (a young person's
/// journey at a MACE meeting): each keeps its prepared statements, and a read runs on the caller's thread.
///
/// Why: SQLiteNIO prepares every statement afresh and runs it on its thread pool, so each read parsed and planned its
/// query again and crossed threads four times (`BENCHMARKS.md`, journeys). WAL mode lets these connections read
/// beside SQLiteNIO's, which do all the writing; a read here sees every write committed before it starts.
/// Never for long reads (a whole dataset): they would hold one of Swift's few concurrency threads.
final class SQLiteReaders: Sendable {
    let path: String
    /// Other files each connection attaches, by schema name (the audit chain's, as `chain`).
    let attached: [(name: String, path: String)]
    /// Connections not in use, and whether the store has closed (then none is kept).
    private let state = Mutex<(idle: [SQLiteReader], closed: Bool)>(([], false))

    init(path: String, attached: [(name: String, path: String)] = []) {
        self.path = path
        self.attached = attached
    }

    /// Runs `query` with text `binds` (`?` placeholders) and gives `each` its rows, every column as text or NULL.
    func read(_ query: String, _ binds: [String], _ each: ([String?]) throws -> Void) throws {
        let taken = state.withLock { s -> (reader: SQLiteReader?, closed: Bool) in (s.closed ? nil : s.idle.popLast(), s.closed) }
        guard !taken.closed else { throw StoreError.unexpected("The store is closed.") }
        let reader = try taken.reader ?? SQLiteReader(path: path, attached: attached)
        do {
            try reader.read(query, binds, each)
        } catch {
            // A connection whose read failed is not trusted again.
            reader.close()
            throw error
        }
        let kept = state.withLock { s -> Bool in
            if !s.closed { s.idle.append(reader) }
            return !s.closed
        }
        if !kept { reader.close() }
    }

    /// Closes every idle connection; one in use closes when its read ends.
    func close() {
        let idle = state.withLock { s -> [SQLiteReader] in
            s.closed = true
            defer { s.idle = [] }
            return s.idle
        }
        for reader in idle { reader.close() }
    }
}

/// One read-only connection and its prepared statements. Used by one thread at a time (`SQLiteReaders` hands it out).
final class SQLiteReader: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Statements kept per connection; past it they are all finalised (the journey's read has a few forms only).
    static let kept = 32

    init(path: String, attached: [(name: String, path: String)] = []) throws(StoreError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "status \(status)"
            sqlite_nio_sqlite3_close(handle)
            throw StoreError.cannotOpen(path, reason: message)
        }
        // Readers in WAL mode wait only while the file is recovered or checkpointed in full; wait as writers do.
        sqlite_nio_sqlite3_busy_timeout(handle, 60_000)
        self.handle = handle
        // Attached files open read-only as the connection did. Names are the store's own constants, never input.
        for file in attached {
            var statement: OpaquePointer?
            defer { sqlite_nio_sqlite3_finalize(statement) }
            guard sqlite_nio_sqlite3_prepare_v2(handle, "ATTACH DATABASE ? AS \(file.name)", -1, &statement, nil) == SQLITE_OK,
                sqlite_nio_sqlite3_bind_text64(statement, 1, file.path, UInt64(file.path.utf8.count), transient, UInt8(SQLITE_UTF8)) == SQLITE_OK,
                sqlite_nio_sqlite3_step(statement) == SQLITE_DONE
            else {
                let message = String(cString: sqlite_nio_sqlite3_errmsg(handle))
                // Finalised first: SQLite will not close a connection with a statement still open.
                sqlite_nio_sqlite3_finalize(statement)
                statement = nil
                close()
                throw StoreError.cannotOpen(file.path, reason: message)
            }
        }
        // The store's pages through a memory map (read-only: SQLite maps for reading only): no copy of each page into
        // every connection's small cache. Measured only since views stopped changing the store's file (their audit
        // records have a file of their own): a change to the file unmaps it, which made the map slower before
        // (BENCHMARKS.md, journeys). The chain's file, changed by every view, is read as before.
        sqlite_nio_sqlite3_exec(handle, "PRAGMA main.mmap_size = \(Self.mapped)", nil, nil, nil)
    }

    /// The most of the store's file mapped, per connection (address space, not memory: the pages are the kernel's
    /// file cache, shared). SQLite's own build caps it near 2 GB.
    static let mapped = 2_147_418_112

    func read(_ query: String, _ binds: [String], _ each: ([String?]) throws -> Void) throws {
        guard let handle else { throw StoreError.unexpected("A read connection was used after it closed.") }
        let statement = try prepared(query, handle)
        // Reset, not cleared: clearing a statement's bindings marks it for preparing again (SQLite's planner looks at
        // some bound values), which is what keeping it saves. Every bind is set again before the next step.
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (i, value) in binds.enumerated() {
            let status = sqlite_nio_sqlite3_bind_text64(statement, Int32(i + 1), value, UInt64(value.utf8.count), transient, UInt8(SQLITE_UTF8))
            guard status == SQLITE_OK else { throw failure(handle, query) }
        }
        let columns = Int(sqlite_nio_sqlite3_column_count(statement))
        var row = [String?](repeating: nil, count: columns)
        while true {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW:
                for c in 0..<columns {
                    if let text = sqlite_nio_sqlite3_column_text(statement, Int32(c)) {
                        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, Int32(c)))
                        row[c] = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
                    } else {
                        row[c] = nil
                    }
                }
                try each(row)
            case SQLITE_DONE: return
            default: throw failure(handle, query)
            }
        }
    }

    private func prepared(_ query: String, _ handle: OpaquePointer) throws -> OpaquePointer {
        if let kept = statements[query] { return kept }
        if statements.count >= Self.kept { finalizeAll() }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, query, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(handle, query) }
        statements[query] = statement
        return statement
    }

    private func failure(_ handle: OpaquePointer, _ query: String) -> StoreError {
        let message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
        return StoreError.unexpected("SQLite could not read (\(message)) in: \(query.prefix(200))")
    }

    private func finalizeAll() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
    }

    func close() {
        finalizeAll()
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }
}

/// SQLite copies a bound value before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
