import DotsCore
import DotsLink
import DotsStore
import DotsTestSupport
import Foundation
import Testing

@testable import DotsApp

/// What a run reads and writes per people submission (migration 0011): record sets built at intake and rebuilt
/// when they cannot be used, person ids kept in record-set order, and the stored ids always equal to the run's.
@Suite("Linkage per submission: record sets and person ids, on both engines")
struct LinkPerSubmissionTests {
    static let clock = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)

    /// A 64-hex-digit pseudonym whose first 16 digits (what linkage keys on) differ for every `n`.
    static func pseudonym(_ n: Int) -> String {
        String(repeating: String(format: "%016llx", UInt64(n) &* 0x9E37_79B9_7F4A_7C15), count: 4)
    }

    /// A people file: each person id with an NHS number pseudonym (shared numbers link deterministically) and
    /// nothing else in common with anyone.
    func ingest(_ store: HubStore, agency: String, people: [(id: String, nhs: Int)]) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-sets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = Dataset.people.schema.fieldNames
        let rows = people.enumerated().map { i, p in
            let row = [
                "person_id": p.id, "nhs_pseudonym": Self.pseudonym(p.nhs), "surname_pseudonym": Self.pseudonym(1000 + p.nhs * 10 + i),
                "birth_year_month": "2010-0\(1 + i % 9)", "sex": i % 2 == 0 ? "F" : "M", "home_area": "E06000021",
            ]
            return names.map { row[$0] ?? "" }.joined(separator: ",")
        }
        try (([names.joined(separator: ",")] + rows).joined(separator: "\n") + "\n").write(toFile: "\(dir)/people.csv", atomically: true, encoding: .utf8)
        let out = try await IngestService(store: store, clock: Self.clock, submittedBy: "tester").ingest(path: dir, options: .init(agency: agency))
        #expect(out.report.isValid, "\(out.report.summary())")
    }

    /// The stored person ids, `agency/person` → id, straight from the table queries join on.
    func stored(_ store: HubStore) async throws -> [String: String] {
        let rows = try await store.textRows("SELECT agency_id, person_id, partnership_person_id FROM person_links")
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0["agency_id"]!)/\($0["person_id"]!)", $0["partnership_person_id"]!) })
    }

    func run(_ store: HubStore) async throws -> [String: String] {
        let outcome = try await LinkService(store: store, clock: Self.clock, runBy: "tester").run()
        let ids = Dictionary(uniqueKeysWithValues: zip(outcome.records.map(\.key), outcome.result.personIDs))
        #expect(try await stored(store) == ids, "person_links holds exactly the run's ids")
        return ids
    }

    func count(_ store: HubStore, _ table: String) async throws -> Int {
        Int(try await store.textRows("SELECT COUNT(*) AS n FROM \(table)").first?["n"] ?? "") ?? -1
    }

    @Test(
        "Sets are built at intake and go with their submission; ids survive resubmission, corruption and an older store; an id is never given twice",
        arguments: StoreKind.available)
    func lifecycle(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            // Police P1, P2, P3; children's social care X1 (P1's NHS number) and X2 (P2's).
            try await ingest(store, agency: "staffs-police", people: [("P1", 1), ("P2", 2), ("P3", 3)])
            try await ingest(store, agency: "stoke-csc", people: [("X2", 2), ("X1", 1)])
            #expect(try await count(store, "link_record_sets") == 2)
            let police = try #require(try await store.currentSubmissions(agency: "staffs-police", dataset: .people).first)
            let body = try #require(try await store.linkRecordSets(submissions: [police.id], format: LinkRecordSet.format)[police.id])
            let atIntake = try LinkRecordSet(encoded: body)
            #expect(atIntake.personIDs == ["P1", "P2", "P3"])
            let months: [Int32] = [24120, 24121, 24122]  // 2010-01, 2010-02, 2010-03 as year × 12 + month − 1
            #expect(atIntake.areaNames == ["E06000021"] && atIntake.birthMonths == months)
            // Built again from the store's rows, it is the same.
            #expect(try await LinkRecordLoader(store: store).build(for: police) == atIntake)

            // Records in order: P1 P2 P3 X1 X2. Two-record people first, by their first record; then P3.
            let first = try await run(store)
            #expect(
                first == [
                    "staffs-police/P1": "DP-0000001", "stoke-csc/X1": "DP-0000001", "staffs-police/P2": "DP-0000002",
                    "stoke-csc/X2": "DP-0000002", "staffs-police/P3": "DP-0000003",
                ])
            #expect(try await store.highestPersonNumber() == 3)
            let kept = try await store.linkedPersonIDs(submissions: [police.id])
            #expect(kept[police.id]?.records == 3 && kept[police.id]?.ids == "DP-0000001\nDP-0000002\nDP-0000003")

            // The police resubmit without P2 and with P4: the old submission's set and ids go with it.
            try await ingest(store, agency: "staffs-police", people: [("P1", 1), ("P3", 3), ("P4", 4)])
            #expect(try await store.linkRecordSets(submissions: [police.id], format: LinkRecordSet.format).isEmpty)
            #expect(try await store.linkedPersonIDs(submissions: [police.id]).isEmpty)
            let second = try await run(store)
            #expect(
                second == [
                    "staffs-police/P1": "DP-0000001", "stoke-csc/X1": "DP-0000001", "stoke-csc/X2": "DP-0000002",
                    "staffs-police/P3": "DP-0000003", "staffs-police/P4": "DP-0000004",
                ])

            // A set that cannot be read is rebuilt from the rows, and nothing changes.
            let current = try #require(try await store.currentSubmissions(agency: "staffs-police", dataset: .people).first)
            try await store.saveLinkRecordSet(submission: current.id, format: LinkRecordSet.format, records: 3, body: Data("not a set".utf8))
            #expect(try await run(store) == second)
            let rebuilt = try #require(try await store.linkRecordSets(submissions: [current.id], format: LinkRecordSet.format)[current.id])
            #expect(try LinkRecordSet(encoded: rebuilt).personIDs == ["P1", "P3", "P4"])

            // A store whose latest run predates per-submission ids reads person_links instead, with the same result.
            _ = try await store.textRows("UPDATE linkage_runs SET highest_person_number = NULL")
            _ = try await store.textRows("DELETE FROM linked_person_ids")
            #expect(try await run(store) == second)
            #expect(try await count(store, "linked_person_ids") == 2)

            // P4 (the highest id) leaves, then P5 arrives: P5 gets a new id, never P4's.
            try await ingest(store, agency: "staffs-police", people: [("P1", 1), ("P3", 3)])
            #expect(try await run(store)["staffs-police/P4"] == nil)
            try await ingest(store, agency: "staffs-police", people: [("P1", 1), ("P3", 3), ("P5", 5)])
            #expect(try await run(store)["staffs-police/P5"] == "DP-0000005")
            #expect(try await store.highestPersonNumber() == 5)
        }
    }

    @Test("Kept ids split on newlines by bytes: blank lines are records with no id, nothing is lost at either end")
    func lines() {
        #expect(PersonIDHistory.lines("DP-0000001\nDP-0000002") == ["DP-0000001", "DP-0000002"])
        #expect(PersonIDHistory.lines("DP-0000001\n\nDP-0000003\n") == ["DP-0000001", nil, "DP-0000003", nil])
        #expect(PersonIDHistory.lines("") == [nil])
        #expect(PersonIDHistory.lines("Zoë\nŁ") == ["Zoë", "Ł"])
    }
}
