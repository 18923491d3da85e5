import DotsCore
import DotsLink
import DotsStore
import Foundation

/// Reads the hub's current person records as linkage records, through each people submission's stored record set
/// (`LinkRecordSet`). Sets are built at intake; one that is missing, unreadable or in an older format is rebuilt
/// from the submission's rows and stored again, so the sets are a cache that can never be wrong for long.
public struct LinkRecordLoader: Sendable {
    public let store: HubStore

    public init(store: HubStore) {
        self.store = store
    }

    /// Records loaded for a run, with the range each submission's records occupy.
    public struct Loaded: Sendable {
        public var records: [LinkRecord]
        public var parts: [(submission: SubmissionRecord, range: Range<Int>)]
    }

    /// The records of these people submissions, agency by agency (by UTF-8 bytes), each in person-id order.
    public func load(_ submissions: [SubmissionRecord]) async throws -> Loaded {
        let ordered = submissions.filter { $0.dataset == .people }.sorted { $0.agency.utf8.lexicographicallyPrecedes($1.agency.utf8) }
        let stored = try await store.linkRecordSets(submissions: ordered.map(\.id), format: LinkRecordSet.format)
        var builder = RecordBuilder()
        builder.reserve(ordered.reduce(0) { $0 + $1.rows })
        var parts: [(submission: SubmissionRecord, range: Range<Int>)] = []
        for submission in ordered {
            let start = builder.records.count
            if let body = stored[submission.id], let set = try? LinkRecordSet(encoded: body), set.agency == submission.agency, set.count == submission.rows {
                builder.add(set)
            } else {
                builder.add(try await build(for: submission))
            }
            parts.append((submission, start..<builder.records.count))
        }
        return Loaded(records: builder.records, parts: parts)
    }

    /// Builds a people submission's set from its rows in the store, and stores it.
    @discardableResult
    public func build(for submission: SubmissionRecord) async throws -> LinkRecordSet {
        let rows = try await store.peopleRows(submission: submission.id, columns: Array(RecordBuilder.columns.dropFirst()))
        let set = LinkRecordSet(agency: submission.agency, rows: rows)
        try await store.saveLinkRecordSet(submission: submission.id, format: LinkRecordSet.format, records: set.count, body: set.encoded())
        return set
    }
}
