import DotsCore
import DotsFramework
import DotsTestSupport
import Foundation
import Testing

@testable import DotsStore

/// The reads a page makes on every request: on SQLite through read-only connections that keep their statements
/// (`SQLiteReaders`), so each must see every write committed before it, whatever the statement read before.
@Suite("Page reads through kept statements")
struct PageReadTests {
    static let now = Instant(iso: "2026-12-07T12:00:00Z")!

    func account(_ id: String, agency: String? = "staffs-police") -> AccountRecord {
        AccountRecord(
            id: id, email: "\(id)@example.org", name: "Zoë \(id)", role: .agencyLead, agencyID: agency, passwordHash: "hash-\(id)",
            createdAt: Self.now, passwordChangedAt: Self.now, disabled: false)
    }

    func session(_ digest: String, _ account: String, expires: Instant = Instant(seconds: now.seconds + 3600)) -> SessionRecord {
        SessionRecord(tokenDigest: digest, accountID: account, csrfToken: "csrf-\(digest)", createdAt: Self.now, expiresAt: expires)
    }

    @Test("a session is read exactly, and each later write is seen by the next read", arguments: StoreKind.available)
    func sessionsSeeWrites(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            #expect(try await store.session(digest: "d1", now: Self.now) == nil)
            try await store.addAccount(account("a1"))
            try await store.addAccount(account("a2", agency: nil))
            try await store.addSession(session("d1", "a1"))
            try await store.addSession(session("d2", "a2"))
            try await store.addSession(session("d3", "a1", expires: Self.now))

            let (s, a) = try #require(try await store.session(digest: "d1", now: Self.now))
            #expect(s == session("d1", "a1"))
            #expect(a == account("a1"))
            // Another bind on the same kept statement; an account with no agency.
            #expect(try await store.session(digest: "d2", now: Self.now)?.1 == account("a2", agency: nil))
            #expect(try await store.session(digest: "d3", now: Self.now) == nil, "expired at this instant")

            try await store.setDisabled(accountID: "a1", true)
            #expect(try await store.session(digest: "d1", now: Self.now) == nil, "disabling ends the session at once")
            try await store.endSession(digest: "d2")
            #expect(try await store.session(digest: "d2", now: Self.now) == nil)
        }
    }

    @Test("many reads at once each get their own rows")
    func concurrent() async throws {
        try await withStore(.sqlite) { store in
            for i in 0..<20 {
                try await store.addAccount(account("a\(i)"))
                try await store.addSession(session("d\(i)", "a\(i)"))
            }
            let found = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for n in 0..<400 { group.addTask { (n % 20, try await store.session(digest: "d\(n % 20)", now: Self.now)?.1.id) } }
                return try await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
            }
            #expect(found.count == 400)
            #expect(found.allSatisfy { $0.1 == "a\($0.0)" })
        }
    }

    @Test("the connections are read-only, and a failure names the query")
    func readOnly() async throws {
        try await withStore(.sqlite) { store in
            let readers = try #require(store.readers)
            #expect(throws: StoreError.self) { try readers.read("DELETE FROM accounts", []) { _ in } }
            do {
                try readers.read("SELECT x FROM nowhere", []) { _ in }
                Issue.record("an unknown table was read")
            } catch {
                #expect(String(describing: error).contains("no such table: nowhere"))
                #expect(String(describing: error).contains("SELECT x FROM nowhere"))
            }
            // Unicode and NULL come back as they were written.
            var rows: [[String?]] = []
            try readers.read("SELECT ?, NULL, 'x'", ["Zoë Ōtsuka"]) { rows.append($0) }
            #expect(rows == [["Zoë Ōtsuka", nil, "x"]])
            // The store's file is read through a memory map; the audit chain's (changed by every view) is not; and
            // the chain cannot be written through these connections either.
            var mapped: [[String?]] = []
            try readers.read("PRAGMA main.mmap_size", []) { mapped.append($0) }
            try readers.read("PRAGMA chain.mmap_size", []) { mapped.append($0) }
            #expect(mapped == [[String(SQLiteReader.mapped)], ["0"]])
            #expect(throws: StoreError.self) { try readers.read("DELETE FROM chain.audit_events", []) { _ in } }
            // A file to attach that is not there: the connection is refused, naming the file.
            let missing = "/nonexistent-\(UInt32.random(in: 0...UInt32.max))/dots.audit.sqlite"
            do {
                _ = try SQLiteReader(path: readers.path, attached: [("chain", missing)])
                Issue.record("a reader opened without the file it attaches")
            } catch {
                #expect(String(describing: error).contains(missing))
            }
        }
    }
}
