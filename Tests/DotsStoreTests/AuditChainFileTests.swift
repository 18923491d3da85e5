import DotsCore
import DotsStore
import DotsTestSupport
import Foundation
import Testing

/// A SQLite store's audit chain is a file of its own (`AuditChainFile`): views no longer change the store's file, an
/// older store's chain moves into it, and the store will not open with its chain missing or swapped.
@Suite("A SQLite store's audit chain has a file of its own")
struct AuditChainFileTests {
    static let at = Instant(iso: "2026-12-08T09:00:00Z")!

    static func event(_ i: Int) -> AuditEvent {
        AuditEvent(at: Instant(seconds: at.seconds + Int64(i)), accountID: "a\(i)", action: "journey.view", target: "DP-\(i)", detail: "mace-meeting")
    }

    /// A store at a fresh path, opened and migrated; the caller shuts it down.
    static func open(_ path: String) async throws -> HubStore {
        let store = try HubStore(location: .sqlite(path: path))
        do { try await store.migrate() } catch {
            await store.shutdown()
            throw error
        }
        return store
    }

    /// Opens the store at `path`, runs `body`, and shuts it down whatever happens.
    static func using<T>(_ path: String, _ body: (HubStore) async throws -> T) async throws -> T {
        let store = try await open(path)
        do {
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }

    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dots-chain-\(UUID().uuidString.prefix(8))").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func stamp(_ path: String) -> [String] {
        ["", "-wal"].map { suffix in
            let a = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return "\(a?[.size] ?? "none") \(a?[.modificationDate] ?? "none")"
        }
    }

    @Test("The chain's file sits beside the store's, named after it")
    func path() {
        #expect(HubStore.auditChainPath(forStore: "/srv/dots/dots.sqlite") == "/srv/dots/dots.audit.sqlite")
        #expect(HubStore.auditChainPath(forStore: "/srv/dots/hub.db") == "/srv/dots/hub.db.audit.sqlite")
    }

    @Test("Audit records change the chain's file only: the store's file and its log are untouched")
    func viewsLeaveTheStoreAlone() async throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/dots.sqlite"
        try await Self.using(path) { store in
            try await store.audit(Self.event(0))
            let before = Self.stamp(path)
            for i in 1...20 { try await store.audit(Self.event(i)) }
            #expect(Self.stamp(path) == before)
            #expect(try await store.verifyAuditChain().records == 21)
            #expect(try await store.textRows("SELECT name FROM sqlite_master WHERE name = 'audit_events'").isEmpty)
            #expect(try await store.auditChainTextRows("SELECT COUNT(*) AS n FROM audit_events") == [["n": "21"]])
        }
    }

    @Test(
        "A chain an older store kept in its own file moves into the chain's file, whole and still verifying; a move that stopped half-way completes",
        arguments: [false, true])
    func olderStoreMoves(stoppedHalfWay: Bool) async throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/dots.sqlite"
        let good = try await Self.using(path) { store in
            for i in 1...3 { try await store.audit(Self.event(i)) }
            let good = try await store.verifyAuditChain()
            // The store as an older Dots left it: the chain in the store's own file, no anchor.
            try await store.executeForTest(
                """
                CREATE TABLE audit_events (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, account_id TEXT, action TEXT NOT NULL, target TEXT NOT NULL,
                  detail TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
                """)
            // Each record as SQL literals (`quote`), so that text which looks like a number (the first record's
            // previous hash) stays text.
            let columns = ["seq", "at", "account_id", "action", "target", "detail", "prev_hash", "hash"].map { "quote(\($0))" }
            for row in try await store.auditChainTextRows("SELECT \(columns.joined(separator: " || ', ' || ")) AS v FROM audit_events") {
                try await store.executeForTest("INSERT INTO audit_events VALUES (\(row["v"]!))")
            }
            try await store.executeForTest("DELETE FROM store_meta WHERE key = 'audit_chain_id'")
            return good
        }
        // Stopped half-way: the chain's file already holds the same chain. Otherwise an older store had no such file.
        if !stoppedHalfWay { Self.remove(HubStore.auditChainPath(forStore: path)) }
        try await Self.using(path) { store in
            #expect(try await store.verifyAuditChain() == good)
            #expect(try await store.textRows("SELECT name FROM sqlite_master WHERE name = 'audit_events'").isEmpty)
            try await store.audit(Self.event(4))
            #expect(try await store.verifyAuditChain().records == 4)
            #expect(try await store.auditEvents(action: "journey.view", target: "DP-2").map(\.accountID) == ["a2"])
        }
    }

    @Test("A store whose chain's file is missing will not open, and says what to restore")
    func missingChain() async throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/dots.sqlite"
        let store = try await Self.open(path)
        try await store.audit(Self.event(1))
        await store.shutdown()
        Self.remove(HubStore.auditChainPath(forStore: path))
        do {
            let reopened = try await Self.open(path)
            await reopened.shutdown()
            Issue.record("the store opened without its audit chain")
        } catch let error as StoreError {
            #expect(error.description.contains("its audit chain (\(HubStore.auditChainPath(forStore: path))) is missing"))
            #expect(error.description.contains("Restore it from the same backup"))
        }
        // Nothing was begun in its place.
        #expect(!FileManager.default.fileExists(atPath: HubStore.auditChainPath(forStore: path)))
    }

    @Test("Another store's chain put in its place is refused, and a new store will not adopt an old store's chain", arguments: [false, true])
    func anotherStoresChain(newStore: Bool) async throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mine = dir + "/mine/dots.sqlite"
        let theirs = dir + "/theirs/dots.sqlite"
        for (path, count) in [(mine, 1), (theirs, 2)] {
            let store = try await Self.open(path)
            for i in 0..<count { try await store.audit(Self.event(i)) }
            await store.shutdown()
        }
        if newStore {
            // A store made afresh where another was deleted, its chain left behind.
            Self.remove(mine)
            Self.remove(HubStore.auditChainPath(forStore: mine))
        } else {
            Self.remove(HubStore.auditChainPath(forStore: mine))
        }
        try FileManager.default.copyItem(atPath: HubStore.auditChainPath(forStore: theirs), toPath: HubStore.auditChainPath(forStore: mine))
        do {
            let reopened = try await Self.open(mine)
            await reopened.shutdown()
            Issue.record("the store opened with another store's audit chain")
        } catch let error as StoreError {
            #expect(error.description.contains("holds another store's audit chain"))
        }
    }
}
