import DotsCore
import DotsStore
import DotsTestSupport
import Foundation
import Testing

@Suite("The audit log is a hash chain")
struct AuditChainTests {
    static let at = Instant(iso: "2026-11-24T12:00:00Z")!

    @Test("A record's hash, computed independently (Python's json and hashlib over the same fields)")
    func knownHash() {
        let e = AuditEvent(at: Self.at, accountID: nil, action: "view person", target: "person:P1", detail: nil)
        #expect(AuditChain.hash(previous: AuditChain.genesis, seq: 1, event: e) == "6443276ae13eb79188e033fa98d8095710cb2f0d22738850a6127128c5a8533e")
    }

    @Test("Records appended verify; a record changed, removed or put back out of order is named", arguments: StoreKind.available)
    func tampering(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            #expect(try await store.verifyAuditChain() == AuditChain.Verdict(records: 0, head: AuditChain.genesis, broken: nil))
            for i in 1...5 {
                try await store.audit(
                    AuditEvent(
                        at: Instant(seconds: Self.at.seconds + Int64(i)), accountID: "a\(i)", action: "view person", target: "person:P\(i)",
                        detail: i == 2 ? "for a MACE meeting" : nil))
            }
            let good = try await store.verifyAuditChain()
            #expect(good.records == 5 && good.broken == nil)
            // Someone with the database changes who a record says was viewed.
            try await store.executeOnAuditChainForTest("UPDATE audit_events SET target = 'person:P9' WHERE seq = 2")
            #expect(try await store.verifyAuditChain().broken?.seq == 2)
            #expect(try await store.verifyAuditChain().broken?.reason == "record 2 has been changed since it was written")
            // Put back, it holds again: the hash covers exactly what was written.
            try await store.executeOnAuditChainForTest("UPDATE audit_events SET target = 'person:P2' WHERE seq = 2")
            #expect(try await store.verifyAuditChain() == good)
            // A record removed.
            try await store.executeOnAuditChainForTest("DELETE FROM audit_events WHERE seq = 3")
            #expect(try await store.verifyAuditChain().broken?.reason == "record 3 is missing (the next is 4)")
            // Renumbered to hide the gap, the next record no longer follows.
            try await store.executeOnAuditChainForTest("UPDATE audit_events SET seq = 3 WHERE seq = 4")
            #expect(try await store.verifyAuditChain().broken?.reason == "record 3 does not follow record 2")
        }
    }

    @Test("Writers at once each get their own place: the chain never forks", arguments: StoreKind.available)
    func concurrentWriters(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        try await store.audit(AuditEvent(at: Self.at, accountID: nil, action: "view person", target: "person:P\(i)", detail: nil))
                    }
                }
                try await group.waitForAll()
            }
            let verdict = try await store.verifyAuditChain()
            #expect(verdict.records == 20 && verdict.broken == nil)
        }
    }

    @Test(
        "Records written at once go together, each committed before its writer carries on; two stores on one database never fork the chain",
        arguments: StoreKind.available)
    func groupCommit(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            // A second store on the same database: another process (the command line) writing beside the web app.
            let other = try HubStore(location: store.location)
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<200 {
                        group.addTask {
                            let writer = i.isMultiple(of: 3) ? other : store
                            try await writer.audit(AuditEvent(at: Self.at, accountID: nil, action: "journey.view", target: "DP-\(i)", detail: nil))
                            // Committed when the call returns: readable at once, from the other store too.
                            let reader = writer === store ? other : store
                            #expect(try await reader.auditEvents(action: "journey.view", target: "DP-\(i)").count == 1)
                        }
                    }
                    try await group.waitForAll()
                }
            } catch {
                await other.shutdown()
                throw error
            }
            await other.shutdown()
            let verdict = try await store.verifyAuditChain()
            #expect(verdict.records == 200 && verdict.broken == nil)
        }
    }
}
