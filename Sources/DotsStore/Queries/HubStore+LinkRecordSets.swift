import FluentKit
import Foundation
import SQLKit

/// Stored linkage record sets (migration 0011): opaque bodies keyed by the submission they were built from.
extension HubStore {
    /// The stored bodies for these submissions in this format, by submission id (missing ones are absent).
    public func linkRecordSets(submissions: [String], format: Int) async throws -> [String: Data] {
        guard !submissions.isEmpty else { return [:] }
        var out: [String: Data] = [:]
        for row in try await sql.select().columns("submission_id", "body").from("link_record_sets")
            .where("submission_id", .in, submissions).where("format", .equal, format).all()
        {
            out[try row.decode(column: "submission_id", as: String.self)] = try row.decode(column: "body", as: Data.self)
        }
        return out
    }

    /// Stores (or replaces) a submission's set. Only for a submission that is still current: a set for one
    /// superseded meanwhile would never be read, and would outlive the rows it was built from.
    public func saveLinkRecordSet(submission: String, format: Int, records: Int, body: Data) async throws {
        try await database.transaction { tx in
            let db = tx.sql
            try await db.delete(from: "link_record_sets").where("submission_id", .equal, submission).run()
            try await db.raw(
                """
                INSERT INTO link_record_sets (submission_id, format, records, body)
                SELECT id, \(bind: format), \(bind: records), \(bind: body) FROM submissions WHERE id = \(bind: submission) AND status = 'current'
                """
            ).run()
        }
    }

    /// Every row of the `people` table's `columns` for one submission (nil for blank), in no particular order.
    public func peopleRows(submission: String, columns: [String]) async throws -> [[String?]] {
        final class Collected: @unchecked Sendable {
            // Filled on the store's thread, read after the query completes.
            var rows: [[String?]] = []
        }
        let out = Collected()
        try await rows(of: "people", columns: columns, where: ("submission_id", submission)) { out.rows.append($0) }
        return out.rows
    }
}
