import DotsCore
import Foundation
import Testing

@testable import DotsWeb

@Suite("The data quality page")
struct QualityPageTests {
    static func record(_ day: String, _ status: SubmissionRecord.Status, completeness filled: Int) -> SubmissionRecord {
        var q = QualityProfile(schema: Dataset.youthJustice.schema)
        q.rows = 1
        for i in 0..<filled { q.fields[i].filled = 1 }
        return SubmissionRecord(
            id: UUID().uuidString, agency: "staffs-yjs", dataset: .youthJustice, period: Period(parsing: "2025-26")!, status: status, rows: 1, bytes: 1,
            checksum: String(repeating: "0", count: 64), receivedAt: Instant(iso: "\(day)T12:00:00Z")!, submittedBy: "t", source: "upload/youth_justice.csv",
            keyID: nil, schemaVersion: 1, quality: q)
    }

    @Test("A rejected upload is listed with its quality but left out of the trend, which says so")
    func rejectedOutOfTrend() throws {
        let agency = try #require(ReferencePartnership.agencies.first { $0.id == "staffs-yjs" } ?? ReferencePartnership.agencies.first)
        // Newest first, as the store lists them: accepted, rejected (1 of 6 fields filled), accepted.
        let history = [
            Self.record("2026-03-01", .current, completeness: 6), Self.record("2026-02-01", .rejected, completeness: 1),
            Self.record("2026-01-01", .superseded, completeness: 5),
        ]
        let page = QualityPages.detail(agency: agency, dataset: .youthJustice, history: history).markup
        #expect(page.contains("Rejected uploads are listed below but left out of the trend"))
        // The completeness chart has two points (the accepted submissions), never the rejected 17%.
        let chart = try #require(page.range(of: "Completeness of"))
        let rest = String(page[chart.lowerBound...].prefix(4000))
        #expect(!rest.contains("2026-02-01"), "the rejected upload's date is not a point of the trend")
        #expect(page.contains("2026-01-01") && page.contains("2026-03-01"))
        // Without a rejected upload, no note.
        let clean = QualityPages.detail(agency: agency, dataset: .youthJustice, history: [history[0], history[2]]).markup
        #expect(!clean.contains("Rejected uploads are listed"))
    }
}
