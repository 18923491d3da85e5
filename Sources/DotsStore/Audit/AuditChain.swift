import Crypto
import DotsCore
import Foundation

/// The audit log as a hash chain: each record is numbered and carries the hash of the record before it, and its
/// own hash covers that and everything in it. Changing, removing or inserting a record anywhere breaks every hash
/// after it, which `HubStore.verifyAuditChain` (and `dots audit verify`) finds. A chain proves the log was not
/// edited after the fact; it cannot stop someone with the database rewriting the whole chain, which is why the
/// latest hash is also printed by `dots audit verify` for keeping elsewhere.
public enum AuditChain {
    /// The "previous hash" of the first record.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over the previous hash and the record's fields, as a JSON array (so no two records read alike).
    public static func hash(previous: String, seq: Int64, event e: AuditEvent) -> String {
        let fields: [String?] = [previous, String(seq), e.at.description, e.accountID, e.action, e.target, e.detail]
        let data = (try? JSONEncoder().encode(fields)) ?? Data()
        return SHA256.hash(data: data).hexString
    }

    /// What a check of the chain found.
    public struct Verdict: Sendable, Equatable {
        /// Records checked.
        public var records: Int
        /// The last record's hash: what to keep elsewhere, so a rewritten chain is caught too.
        public var head: String
        /// The first record that does not hold, and why; nil when the chain holds.
        public var broken: (seq: Int64, reason: String)?

        public init(records: Int, head: String, broken: (seq: Int64, reason: String)?) {
            self.records = records
            self.head = head
            self.broken = broken
        }

        public static func == (a: Verdict, b: Verdict) -> Bool {
            a.records == b.records && a.head == b.head && a.broken?.seq == b.broken?.seq && a.broken?.reason == b.broken?.reason
        }
    }

    /// Checks records in the order of their numbers.
    public static func verify(_ records: [(seq: Int64?, previous: String?, hash: String?, event: AuditEvent)]) -> Verdict {
        var previous = genesis, expected: Int64 = 1
        for r in records {
            guard let seq = r.seq, let prev = r.previous, let hash = r.hash else {
                return Verdict(records: records.count, head: previous, broken: (expected, "a record has no place in the chain"))
            }
            if seq != expected {
                return Verdict(records: records.count, head: previous, broken: (expected, "record \(expected) is missing (the next is \(seq))"))
            }
            if prev != previous {
                return Verdict(records: records.count, head: previous, broken: (seq, "record \(seq) does not follow record \(seq - 1)"))
            }
            if hash != Self.hash(previous: prev, seq: seq, event: r.event) {
                return Verdict(records: records.count, head: previous, broken: (seq, "record \(seq) has been changed since it was written"))
            }
            previous = hash
            expected += 1
        }
        return Verdict(records: records.count, head: previous, broken: nil)
    }
}
