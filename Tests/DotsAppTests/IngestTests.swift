import DotsApp
import DotsCore
import DotsFramework
import DotsIntake
import DotsStore
import DotsTestSupport
import Foundation
import Testing

@Suite("dots ingest, end to end on both engines")
struct IngestTests {
    static let now = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)

    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-ingest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func write(_ dir: String, _ name: String, _ text: String) throws {
        try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
    }

    static let peopleHeader = Dataset.people.schema.fieldNames.joined(separator: ",")
    static let episodeHeader = Dataset.missingEpisodes.schema.fieldNames.joined(separator: ",")

    /// A prepared-style submission folder for the police: two people and `episodes` missing episodes.
    func submission(_ dir: String, episodes: [String]) throws {
        try write(
            dir, "people.csv",
            Self.peopleHeader + "\n"
                + [
                    ["person_id": "P1", "birth_year_month": "2010-02", "sex": "F", "ethnicity": "WBRI", "home_area": "E06000021", "looked_after": "N"],
                    ["person_id": "P2", "birth_year_month": "2011-07", "sex": "M", "home_area": "E07000199", "looked_after": "Y", "send": "K"],
                ].map { row in Dataset.people.schema.fieldNames.map { row[$0] ?? "" }.joined(separator: ",") }.joined(separator: "\n") + "\n")
        try write(dir, "missing_episodes.csv", Self.episodeHeader + "\n" + episodes.joined(separator: "\n") + "\n")
    }

    func service(_ store: HubStore) -> IngestService { IngestService(store: store, clock: Self.now, submittedBy: "tester") }

    @Test("A good submission is loaded with its provenance", arguments: StoreKind.available)
    func good(kind: StoreKind) async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(dir, episodes: ["E1,P1,2025-06-14 21:30,2025-06-15 08:10,M,home,,E06000021,,,", "E2,P2,2025-07-01 20:00,,A,care,N,,,,"])
        try await withStore(kind) { store in
            let out = try await service(store).ingest(path: dir, options: .init(agency: "staffs-police", period: Period(parsing: "2025-26")))
            #expect(out.report.isValid, "\(out.report.summary())")
            #expect(out.accepted.map(\.dataset) == [.people, .missingEpisodes])
            let episodes = try #require(out.accepted.last)
            #expect(episodes.rows == 2 && episodes.agency == "staffs-police" && episodes.submittedBy == "tester")
            #expect(episodes.period.description == "2025-26")
            #expect(episodes.checksum.count == 64)
            #expect(episodes.receivedAt == Self.now.instant)
            #expect(try await store.rowCount(.missingEpisodes) == 2)
            #expect(try await store.rowCount(.people, agency: "staffs-police") == 2)
        }
    }

    @Test("One bad row refuses the whole submission and leaves the store unchanged", arguments: StoreKind.available)
    func oneBadRow(kind: StoreKind) async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(
            dir,
            episodes: (1...50).map { "E\($0),P1,2025-06-14 21:\(String(format: "%02d", $0)),2025-06-15 08:10,M,home,,E06000021,,," } + [
                "E51,P1,2025-06-14 21:30,2025-06-13 08:10,M,home,,,,,"
            ])
        try await withStore(kind) { store in
            let out = try await service(store).ingest(path: dir, options: .init(agency: "staffs-police", period: Period(parsing: "2025-26")))
            #expect(!out.report.isValid)
            #expect(out.report.issues.map(\.code) == [.endBeforeStart])
            #expect(out.report.issues.first?.row == 52)
            #expect(out.accepted.isEmpty)
            for ds in Dataset.allCases { #expect(try await store.rowCount(ds) == 0) }
            // The attempt is logged, as rejected, with its error count.
            let log = try await store.submissions()
            #expect(Set(log.map(\.status)) == [.rejected])
            #expect(log.first { $0.dataset == .missingEpisodes }?.errorCount == 1)
        }
    }

    @Test("A raw extract with clear identifiers is refused at the hub with a pointer to dots prepare", arguments: StoreKind.available)
    func clearIdentifiersRefused(kind: StoreKind) async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(
            dir, "people.csv",
            """
            person_id,first_name,surname,date_of_birth,nhs_number,upn,local_id,postcode,sex,ethnicity,looked_after,send
            P1,Zoë,O'Brien,2010-02-28,943 476 5919,,,ST4 1AB,F,WBRI,N,

            """)
        try await withStore(kind) { store in
            let out = try await service(store).ingest(path: dir, options: .init(agency: "staffs-police"))
            #expect(out.report.issues.map(\.code) == [.clearIdentifier])
            #expect(out.report.summary().contains("dots prepare"))
            #expect(try await store.rowCount(.people) == 0)
            // Nothing identifying reaches even the rejection log.
            let log = try await store.textRows("SELECT * FROM submissions")
            #expect(!log.description.contains("Zoë") && !log.description.contains("9434765919"))
        }
    }

    @Test("Resubmitting a period replaces it; an overlapping period is an error naming both", arguments: StoreKind.available)
    func replaceAndOverlap(kind: StoreKind) async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await withStore(kind) { store in
            let fy = IngestService.Options(agency: "staffs-police", period: Period(parsing: "2025-26"))
            try submission(dir, episodes: ["E1,P1,2025-06-14 21:30,,M,home,,,,,", "E2,P1,2025-06-20 21:30,,M,home,,,,,"])
            _ = try await service(store).ingest(path: dir, options: fy)
            try submission(dir, episodes: ["E3,P2,2025-08-14 21:30,,M,home,,,,,"])
            let again = try await service(store).ingest(path: dir, options: fy)
            #expect(again.report.isValid)
            #expect(try await store.rowCount(.missingEpisodes) == 1)
            #expect(try await store.submissions(dataset: .missingEpisodes).filter { $0.status == .superseded }.count == 1)

            let quarter = try await service(store).ingest(path: dir, options: .init(agency: "staffs-police", period: Period(parsing: "2025-26 Q2")))
            #expect(quarter.report.issues.map(\.code) == [.periodOverlap])
            #expect(quarter.report.issues.first?.rule.contains("2025-26") == true)
            #expect(try await store.rowCount(.missingEpisodes) == 1)
        }
    }

    @Test("Without a period, the financial years the events span are used")
    func derivedPeriod() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(dir, episodes: ["E1,P1,2024-06-14 21:30,,M,home,,,,,", "E2,P1,2025-04-01 00:30,,M,home,,,,,"])
        try await withStore(.sqlite) { store in
            let out = try await service(store).ingest(path: dir, options: .init(agency: "staffs-police"))
            #expect(out.accepted.last?.period.description == "2024-04-01/2026-03-31")
            #expect(out.accepted.first?.period.description == "2026-11-24/2026-11-24")
        }
    }

    @Test("Validate-only checks and loads nothing, logs nothing")
    func validateOnly() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(dir, episodes: ["E1,P1,2025-06-14 21:30,,M,home,,,,,"])
        try await withStore(.sqlite) { store in
            let out = try await service(store).ingest(path: dir, options: .init(agency: "staffs-police", validateOnly: true))
            #expect(out.report.isValid && out.report.rows == 3)
            #expect(try await store.submissions().isEmpty)
        }
    }

    @Test("An unknown agency, or a dataset it does not submit, is named")
    func agencyChecks() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(dir, episodes: ["E1,P1,2025-06-14 21:30,,M,home,,,,,"])
        try await withStore(.sqlite) { store in
            let unknown = try await service(store).ingest(path: dir, options: .init(agency: "nobody"))
            #expect(unknown.report.issues.map(\.code).contains(.unknownAgency))
            let wrong = try await service(store).ingest(path: dir, options: .init(agency: "uhnm-ed"))
            #expect(wrong.report.issues.map(\.code) == [.datasetNotExpected])
        }
    }

    @Test("A package prepared under another key is accepted with a warning (keys rotate agency by agency)")
    func keyMismatchWarns() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(dir, episodes: ["E1,P1,2025-06-14 21:30,,M,home,,,,,"])
        try await withStore(.sqlite) { store in
            var first = try SubmissionSource.load(path: dir, agency: "staffs-police")
            first.keyID = "aaaaaaaaaaaaaaaa"
            _ = try await service(store).ingest(first)
            var second = try SubmissionSource.load(path: dir, agency: "staffs-csc")
            second.files = second.files.filter { $0.dataset == .people }
            second.keyID = "bbbbbbbbbbbbbbbb"
            let out = try await service(store).ingest(second)
            #expect(out.report.isValid)
            #expect(out.report.issues.map(\.code) == [.keyMismatch])
            #expect(out.report.issues.first?.severity == .warning)
        }
    }

    func people(_ dir: String, _ ids: [String]) throws {
        let rows = ids.map { id in
            Dataset.people.schema.fieldNames.map { ["person_id": id, "birth_year_month": "2010-02", "sex": "F", "home_area": "E06000021"][$0] ?? "" }
                .joined(separator: ",")
        }
        try write(dir, "people.csv", Self.peopleHeader + "\n" + rows.joined(separator: "\n") + "\n")
    }

    @Test(
        "A people file that would leave the agency's events without a person is refused, naming the dataset, rows and ids; the store is unchanged",
        arguments: StoreKind.available)
    func orphanedEvents(kind: StoreKind) async throws {
        let first = try tempDir(), second = try tempDir(), third = try tempDir(), fourth = try tempDir()
        defer { for d in [first, second, third, fourth] { try? FileManager.default.removeItem(atPath: d) } }
        try submission(first, episodes: ["E1,P1,2025-06-14 21:30,2025-06-15 08:10,M,home,,E06000021,,,", "E2,P2,2025-07-01 20:00,,A,care,N,,,,"])
        try people(second, ["P1"])
        try await withStore(kind) { store in
            let options = IngestService.Options(agency: "staffs-police", period: Period(parsing: "2025-26"))
            #expect(try await service(store).ingest(path: first, options: options).report.isValid)
            let before = try await store.currentSubmissions(agency: "staffs-police").map(\.id).sorted()
            // People alone, without P2, whom a current episode refers to.
            let out = try await service(store).ingest(path: second, options: .init(agency: "staffs-police"))
            #expect(!out.report.isValid && out.accepted.isEmpty)
            let issue = try #require(out.report.issues.first { $0.code == .orphanedEvents })
            #expect(issue.file == "people.csv" && issue.column == "person_id" && issue.value == "P2")
            #expect(
                issue.rule
                    == "replacing the agency's people would leave 1 missing_episodes row (the current submission for 2025-26) referring to 1 person not in this file, such as P2"
            )
            #expect(IssueCode.orphanedEvents.fix.contains("resubmit those datasets in the same package"))
            #expect(try await store.rowCount(.people, agency: "staffs-police") == 2)
            #expect(try await store.currentSubmissions(agency: "staffs-police").map(\.id).sorted() == before)
            // Events in the same package as a people file may refer only to the people in it: P2 is held today, but
            // would not be once the file replaced the agency's people.
            try people(fourth, ["P1"])
            try write(fourth, "missing_episodes.csv", Self.episodeHeader + "\nE3,P2,2024-06-14 21:30,,M,home,,,,,\n")
            let same = try await service(store).ingest(path: fourth, options: .init(agency: "staffs-police", period: Period(parsing: "2024-25")))
            #expect(same.report.issues.contains { $0.code == .unknownPerson && $0.value == "P2" })
            #expect(same.accepted.isEmpty)
            // With the episodes resubmitted for the same period, referring only to P1, the package goes in.
            try people(third, ["P1"])
            try write(third, "missing_episodes.csv", Self.episodeHeader + "\nE1,P1,2025-06-14 21:30,2025-06-15 08:10,M,home,,E06000021,,,\n")
            let replaced = try await service(store).ingest(path: third, options: options)
            #expect(replaced.report.isValid, "\(replaced.report.summary())")
            #expect(try await store.rowCount(.people, agency: "staffs-police") == 1)
            #expect(try await store.rowCount(.missingEpisodes, agency: "staffs-police") == 1)
        }
    }

    @Test("The store itself refuses to leave events without a person, whatever its caller checked, and keeps nothing", arguments: StoreKind.available)
    func storeRefusesOrphans(kind: StoreKind) async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(dir, episodes: ["E1,P1,2025-06-14 21:30,2025-06-15 08:10,M,home,,E06000021,,,", "E2,P2,2025-07-01 20:00,,A,care,N,,,,"])
        try await withStore(kind) { store in
            #expect(
                try await service(store).ingest(path: dir, options: .init(agency: "staffs-police", period: Period(parsing: "2025-26"))).report.isValid)
            let before = try await store.currentSubmissions(agency: "staffs-police")
            let line = Dataset.people.schema.fieldNames.map { ["person_id": "P1", "birth_year_month": "2010-02", "sex": "F"][$0] ?? "" }.joined(separator: ",")
            let rows = try #require(TableReader(schema: Dataset.people.schema, bytes: Array((Self.peopleHeader + "\n" + line + "\n").utf8)))
            let record = SubmissionRecord(
                id: UUID().uuidString.lowercased(), agency: "staffs-police", dataset: .people, period: Period(parsing: "2025-26")!, status: .current,
                rows: 1, bytes: 0, checksum: String(repeating: "0", count: 64), receivedAt: Self.now.instant, submittedBy: "tester",
                source: "direct/people.csv", keyID: nil, schemaVersion: Dataset.people.schema.version)
            await #expect(throws: StoreError.orphanedEvents(agency: "staffs-police", dataset: .missingEpisodes, rows: 1)) {
                try await store.accept([IncomingFile(record: record, rows: rows)])
            }
            #expect(try await store.rowCount(.people, agency: "staffs-police") == 2)
            #expect(try await store.currentSubmissions(agency: "staffs-police").map(\.id) == before.map(\.id))
        }
    }

    @Test("Sending the same file again keeps its timeliness instead of resetting it to 'not measured'", arguments: StoreKind.available)
    func identicalResend(kind: StoreKind) async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try submission(dir, episodes: ["E1,P1,2025-06-14 21:30,2025-06-15 08:10,M,home,,E06000021,,,", "E2,P2,2025-07-01 20:00,,A,care,N,,,,"])
        try await withStore(kind) { store in
            let options = IngestService.Options(agency: "staffs-police", period: Period(parsing: "2025-26"))
            let first = try await service(store).ingest(path: dir, options: options)
            let again = try await service(store).ingest(path: dir, options: options)
            let a = try #require(first.accepted.first { $0.dataset == .missingEpisodes }?.quality)
            let b = try #require(again.accepted.first { $0.dataset == .missingEpisodes }?.quality)
            // Both events were over 92 days old when received (24 Nov 2026): measured, 0 timely of 2.
            #expect(a.newEvents == 2 && a.timeliness == 0)
            #expect(b.newEvents == a.newEvents && b.timeliness == a.timeliness && b.medianLagDays == a.medianLagDays)
        }
    }
}
