import Crypto
import DotsApp
import DotsCore
import DotsFramework
import DotsLink
import DotsStore
import DotsSynth
import DotsTestSupport
import Foundation
import Testing

@Suite("Linkage quality and clerical review for analysts (both engines)")
struct LinkQualityServiceTests {
    static let clock = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)
    static let analyst = Caller(accountID: "an", name: "Ana Lyst", role: .analyst, agencyID: nil, channel: .page)

    /// Eight records in four young people, worked by hand below, one pair kept for review, and a record that arrived
    /// after the run.
    static func seed(_ store: HubStore) async throws {
        let links: [(String, String, String)] = [
            ("staffs-police", "P1", "DP-0000001"), ("staffs-csc", "C1", "DP-0000001"), ("uhnm-ed", "H1", "DP-0000001"),
            ("staffs-police", "P2", "DP-0000002"), ("staffs-csc", "C2", "DP-0000002"),
            ("staffs-police", "P3", "DP-0000003"), ("staffs-police", "P4", "DP-0000003"),
            ("uhnm-ed", "H2", "DP-0000004"),
        ]
        // m and u per comparison, level 0 unused: first name exact 0.9/0.01, surname different 0.05/0.9, the rest 0.5/0.5.
        var m = Comparator(settings: LinkageSettings()).comparisons.map { [Double](repeating: 0.5, count: $0.levels.count + 1) }
        var u = m
        (m[3][1], u[3][1]) = (0.9, 0.01)
        (m[4][6], u[4][6]) = (0.05, 0.9)  // surname level 6: "different" in settings version 3
        let model = FellegiSunterModel(m: m, u: u, lambda: 0.001, iterations: 5)
        let run = LinkageRunRecord(
            id: "run-1", startedAt: clock.instant, finishedAt: clock.instant, settingsJSON: String(decoding: try LinkageSettings().json(), as: UTF8.self),
            modelJSON: String(decoding: try JSONEncoder().encode(model), as: UTF8.self), keyID: nil, records: 8, candidatePairs: 12, links: 4,
            reviews: 1, people: 4, submissions: [], evaluationJSON: nil, runBy: "tester")
        let pair = LinkPairRecord(a: "staffs-police/P3", b: "uhnm-ed/H2", levels: [0, 0, 0, 1, 6, 0, 0, 1], weight: 1.5, probability: 0.74, decision: .review)
        try await store.executeForTest(
            """
            INSERT INTO people (submission_id, agency_id, person_id, birth_year_month, sex, ethnicity) VALUES
            ('s1', 'staffs-police', 'P1', '2010-04', 'F', 'WBRI'), ('s2', 'staffs-csc', 'C1', '2010-04', 'F', 'WBRI'),
            ('s3', 'uhnm-ed', 'H1', '2010-04', 'F', NULL), ('s1', 'staffs-police', 'P2', '2008-01', 'M', 'BCRB'),
            ('s2', 'staffs-csc', 'C2', '2008-01', 'M', 'BCRB'), ('s1', 'staffs-police', 'P3', '2012-06', 'M', 'WBRI'),
            ('s1', 'staffs-police', 'P4', '2012-06', 'M', 'WBRI'), ('s3', 'uhnm-ed', 'H2', '2012-06', 'U', 'NOBT'),
            ('s3', 'uhnm-ed', 'H9', '2012-06', 'U', 'NOBT')
            """)
        try await store.saveLinkageRun(
            run, pairs: [pair],
            personIDs: PersonIDUpdate(rows: links.map { ($0.0, $0.1, $0.2) }, deletes: [], replaceAll: true, agencies: nil, bySubmission: []))
    }

    @Test(
        "Match rates by agency and pair, known to one agency, the review queue by agreement pattern, who is left unlinked, worked by hand",
        arguments: StoreKind.available)
    func overview(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let service = LinkQualityService(store: store, clock: Self.clock)
            #expect(try await service.overview(by: Self.analyst) == nil)
            try await Self.seed(store)
            let v = try #require(try await service.overview(by: Self.analyst))
            #expect(v.youngPeople == 4 && v.knownToOneAgency == 2)
            // Police: P1..P4 in DP1, DP2, DP3; DP1 and DP2 known to others too. Social care: DP1 and DP2, both shared.
            // Health: DP1 (shared) and DP4 (alone).
            let byAgency = Dictionary(uniqueKeysWithValues: v.agencies.map { ($0.agency, $0) })
            #expect(byAgency["staffs-police"] == .init(agency: "staffs-police", records: 4, youngPeople: 3, withAnotherAgency: 2))
            #expect(byAgency["staffs-police"]?.onlyThisAgency == 1)
            #expect(abs((byAgency["staffs-police"]?.matchRate ?? 0) - 2.0 / 3.0) < 1e-12)
            #expect(byAgency["staffs-csc"] == .init(agency: "staffs-csc", records: 2, youngPeople: 2, withAnotherAgency: 2))
            #expect(byAgency["uhnm-ed"] == .init(agency: "uhnm-ed", records: 2, youngPeople: 2, withAnotherAgency: 1))
            #expect(byAgency["uhnm-ed"]?.matchRate == 0.5)
            #expect(
                v.sharedBetween == [
                    .init(a: "staffs-csc", b: "staffs-police", youngPeople: 2), .init(a: "staffs-csc", b: "uhnm-ed", youngPeople: 1),
                    .init(a: "staffs-police", b: "uhnm-ed", youngPeople: 1),
                ])
            #expect(v.history.map(\.id) == ["run-1"] && v.latest.links == 4)
            // The pair: agencies only, and each comparison's level and log2(m/u).
            let p = try #require(v.queue.first)
            #expect(v.queue.count == 1 && v.decided.isEmpty)
            #expect(p.agencyA == "staffs-police" && p.agencyB == "uhnm-ed" && p.probability == 0.74)
            #expect(p.ref == (try await service.ref("uhnm-ed/H2", "staffs-police/P3")) && p.ref.count == 16)
            let first = try #require(p.agreements.first { $0.comparison == "first_name" })
            #expect(first.level == "exact" && abs(first.weight - log2(90)) < 1e-9)
            let surname = try #require(p.agreements.first { $0.comparison == "surname" })
            #expect(surname.level == "different" && abs(surname.weight - log2(0.05 / 0.9)) < 1e-9)
            #expect(p.agreements.first { $0.comparison == "nhs" }?.level == "not known")
            #expect(p.agreements.first { $0.comparison == "nhs" }?.weight == 0)

            // Bias, by hand. The run is on 2026-11-24: born 2010-04 are 16, 2008-01 18, 2012-06 14. Unlinked: H2 alone in
            // DP4. In review: P3 and H2. H9 arrived after the run and is not counted.
            let b = v.bias
            #expect(
                b.byAgency == [
                    .init(group: "Staffordshire County Council Children's Social Care", records: 2, unlinked: 0, inReview: 0),
                    .init(group: "Staffordshire Police", records: 4, unlinked: 0, inReview: 1),
                    .init(group: "University Hospitals of North Midlands (emergency departments)", records: 2, unlinked: 1, inReview: 1),
                ])
            #expect(
                b.byAge == [
                    .init(group: "14–15", records: 3, unlinked: 1, inReview: 2), .init(group: "16–17", records: 3, unlinked: 0, inReview: 0),
                    .init(group: "18 and over", records: 2, unlinked: 0, inReview: 0),
                ])
            #expect(
                b.bySex == [
                    .init(group: "Male", records: 4, unlinked: 0, inReview: 1), .init(group: "Female", records: 3, unlinked: 0, inReview: 0),
                    .init(group: "Not known or not recorded", records: 1, unlinked: 1, inReview: 1),
                ])
            #expect(
                b.byEthnicity == [
                    .init(group: "White", records: 4, unlinked: 0, inReview: 1),
                    .init(group: "Black, Black British, Caribbean or African", records: 2, unlinked: 0, inReview: 0),
                    .init(group: "Not known", records: 1, unlinked: 1, inReview: 1), .init(group: "Not recorded", records: 1, unlinked: 0, inReview: 0),
                ])
        }
    }

    @Test(
        "A decision is saved as dots review saves it, audited, and leaves the queue; other roles and unknown pairs are refused", arguments: StoreKind.available)
    func decide(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await Self.seed(store)
            let service = LinkQualityService(store: store, clock: Self.clock)
            let ref = try #require(try await service.overview(by: Self.analyst)?.queue.first?.ref)
            for role in [Role.strategicLead, .practitioner, .agencyLead] {
                let caller = Caller(accountID: "x", name: "X", role: role, agencyID: role == .strategicLead ? nil : "staffs-police", channel: .page)
                await #expect(throws: AccessDenied.self) { try await service.overview(by: caller) }
                await #expect(throws: AccessDenied.self) { try await service.decide(ref: ref, verdict: .confirmed, note: nil, by: caller) }
            }
            await #expect(throws: InvalidInput.self) { try await service.decide(ref: ref, verdict: nil, note: nil, by: Self.analyst) }
            await #expect(throws: NotFound.self) { try await service.decide(ref: "0000000000000000", verdict: .confirmed, note: nil, by: Self.analyst) }
            #expect(try await store.reviews().isEmpty)

            try await service.decide(ref: ref, verdict: .confirmed, note: "  same school and GP  ", by: Self.analyst)
            let review = try #require(try await store.reviews().first)
            #expect(review.a == "staffs-police/P3" && review.b == "uhnm-ed/H2" && review.verdict == .confirmed)
            #expect(review.reviewer == "Ana Lyst" && review.note == "same school and GP")
            let v = try #require(try await service.overview(by: Self.analyst))
            #expect(v.queue.isEmpty && v.decided.map(\.ref) == [ref] && v.decided.first?.verdict == .confirmed)
            let audit = try await store.auditEvents(action: "linkage.review", target: "link-pair:\(ref)")
            #expect(audit.count == 1 && audit.first?.accountID == "an" && audit.first?.detail == "verdict=confirmed")
            // Changing one's mind replaces the decision.
            try await service.decide(ref: ref, verdict: .rejected, note: nil, by: Self.analyst)
            #expect(try await store.reviews().map(\.verdict) == [.rejected])
            // The command line names the records, and is audited alike.
            let operatorCLI = Caller.commandLine(user: "op")
            await #expect(throws: InvalidInput.self) { try await service.decide(records: "P1", "P1", verdict: .confirmed, note: nil, by: operatorCLI) }
            try await service.decide(records: "staffs-police/P1", "uhnm-ed/H2", verdict: .rejected, note: nil, by: operatorCLI)
            let cli = try #require(try await store.reviews().first { $0.a == "staffs-police/P1" })
            #expect(cli.reviewer == "op (command line)" && cli.b == "uhnm-ed/H2")
            let cliRef = try await service.ref("staffs-police/P1", "uhnm-ed/H2")
            #expect(try await store.auditEvents(action: "linkage.review", target: "link-pair:\(cliRef)").first?.accountID == nil)
        }
    }

    @Test("On the demo: a pair confirmed from the queue is one young person after the next run", arguments: StoreKind.available)
    func persistsAcrossRuns(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-lq-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            var config = SynthConfig()
            config.people = 300
            // The hard profile's errors leave a queue with pairs the model kept apart (the standard one's can leave
            // none at this size: every pair in review already joined through others).
            config.noise = .hard
            _ = try await DemoService(directory: dir, config: config, clock: Self.clock).run(store: store) { _ in }
            let service = LinkQualityService(store: store, clock: Self.clock)
            // The demo links against its truth file: every pair scored is in one band of the calibration.
            let first = try #require(try await service.overview(by: Self.analyst))
            let checked = try #require(first.evaluation)
            #expect(checked.calibration.map(\.from) == [0.5, 0.8, 0.95, 0.99])
            #expect(checked.calibration.reduce(0) { $0 + $1.pairs } == first.latest.links + first.latest.reviews)
            #expect(checked.calibration.allSatisfy { $0.truePairs <= $0.pairs })
            let pairs = try await store.linkPairs(decision: .review, limit: 1000)
            let links = try await store.personLinks()
            // A pair the model left apart (the two records in different young people), to confirm.
            let apart = try #require(pairs.first { links[$0.a] != links[$0.b] }, "the demo should leave a pair apart for review")
            let ref = try await service.ref(apart.a, apart.b)
            try await service.decide(ref: ref, verdict: .confirmed, note: nil, by: Self.analyst)
            _ = try await LinkService(store: store, clock: Self.clock, runBy: "tester").run()
            let after = try await store.personLinks()
            #expect(after[apart.a] != nil && after[apart.a] == after[apart.b])
            let v = try #require(try await service.overview(by: Self.analyst))
            #expect(v.history.count == 2)
            #expect(v.decided.contains { $0.ref == ref && $0.verdict == .confirmed })
        }
    }

    @Test("Age bands from a birth month: the birthday taken as the first of the month, at each band's edge")
    func ageBands() {
        let day = CalendarDate(iso: "2026-11-24")!
        #expect(LinkQualityService.ageBand("2016-11", on: day) == "10–13")  // turned 10 on 1 November
        #expect(LinkQualityService.ageBand("2016-12", on: day) == "Under 10")
        #expect(LinkQualityService.ageBand("2008-11", on: day) == "18 and over")
        #expect(LinkQualityService.ageBand("2008-12", on: day) == "16–17")
        #expect(LinkQualityService.ageBand("2012-01", on: CalendarDate(iso: "2026-01-01")!) == "14–15")
        #expect(LinkQualityService.ageBand("2012-02", on: CalendarDate(iso: "2026-01-31")!) == "10–13")
        for bad in [nil, "", "2008-13", "2008-00", "20081", "abcd-ef"] { #expect(LinkQualityService.ageBand(bad, on: day) == "Not recorded") }
    }

    @Test(
        "A pair's reference is keyed per store: the same two records are named differently on another store, and not by a plain hash anyone could reverse by trying agency ids"
    )
    func keyedReferences() async throws {
        let pair = ("staffs-police/SP-000001", "uhnm-ed/ED-000002")
        let (first, again) = try await withStore(.sqlite) { store in
            let service = LinkQualityService(store: store, clock: Self.clock)
            return (try await service.ref(pair.0, pair.1), try await service.ref(pair.1, pair.0))
        }
        let other = try await withStore(.sqlite) { try await LinkQualityService(store: $0, clock: Self.clock).ref(pair.0, pair.1) }
        #expect(first == again, "the order the records are named in does not matter")
        #expect(first.count == 16 && first != other)
        let plain = SHA256.hash(data: Data("\(pair.0)\n\(pair.1)".utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        #expect(first != plain)
    }
}
