import DotsApp
import DotsCore
import DotsFramework
import DotsSDC
import DotsStore
import DotsTestSupport
import Foundation
import Testing

/// The framework's figures by LSOA within each district, worked by hand on both engines. The partnership imports
/// the LSOA fixture (Tests/Fixtures/geography: E01099001 and E01099004 in Stoke-on-Trent, E01099002 in Stafford).
/// People (staffs-csc), each with one missing episode in 2024-25 (P1 with two):
///   P1, P2  Stoke-on-Trent, LSOA E01099001            → E06000021/E01099001 (3 episodes, 2 children)
///   P3      Stoke-on-Trent, LSOA E01099004            → E06000021/E01099004
///   P4      Stoke-on-Trent, no LSOA                   → E06000021/not-recorded
///   P5      Stafford, LSOA E01099002                  → E07000197/E01099002
///   P6      Stafford, LSOA E01099001 (Stoke's)        → E07000197/not-recorded: an LSOA counts only in its own district
///   P7      Stafford, LSOA E01099999 (not imported)   → E07000197/not-recorded
///   P8      Cheshire East (outside), no LSOA          → unknown
///   P9      no home area                              → unknown
@Suite("Framework figures by LSOA within districts: hand-computed on both engines")
struct SmallAreaBreakdownTests {
    static let now = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/geography/lsoa-fixture.geojson")

    static let framework = """
        format: dots-framework/1
        name: Test
        version: "1"
        themes:
          - id: t
            title: T
            questions:
              - id: q
                question: Q?
                indicators:
                  - {id: episodes, title: E, definition: D, dataset: missing_episodes, measure: events, periods: [month, quarter, financial-year], breakdowns: [la, district, lsoa]}
                  - {id: children, title: C, definition: D, dataset: missing_episodes, measure: people, periods: [financial-year], breakdowns: [la, district, lsoa]}
                  - {id: rate, title: R, definition: D, dataset: missing_episodes, measure: rate, periods: [financial-year], breakdowns: [district, lsoa]}
        """

    func load(_ store: HubStore, importLSOAs: Bool) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-lsoa-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let homes: [(String, String, String)] = [
            ("P1", "E06000021", "E01099001"), ("P2", "E06000021", "E01099001"), ("P3", "E06000021", "E01099004"), ("P4", "E06000021", ""),
            ("P5", "E07000197", "E01099002"), ("P6", "E07000197", "E01099001"), ("P7", "E07000197", "E01099999"), ("P8", "E06000049", ""),
            ("P9", "", ""),
        ]
        func write(_ name: String, _ dataset: Dataset, _ rows: [[String: String]]) throws {
            try FrameworkEngineTests().write(dir, name, dataset, rows)
        }
        try write(
            "people.csv", .people,
            homes.map { ["person_id": $0.0, "birth_year_month": "2010-05", "sex": "F", "home_area": $0.1, "home_lsoa": $0.2] })
        var episodes = homes.enumerated().map { i, h in
            [
                "episode_id": "E\(i + 1)", "person_id": h.0, "start_datetime": "2024-06-1\(i) 10:00", "end_datetime": "2024-06-1\(i) 20:00",
                "missing_type": "M", "missing_from": "home",
            ]
        }
        episodes.append([
            "episode_id": "E10", "person_id": "P1", "start_datetime": "2024-11-02 10:00", "end_datetime": "2024-11-02 12:00", "missing_type": "M",
            "missing_from": "home",
        ])
        try write("missing_episodes.csv", .missingEpisodes, episodes)
        let ingest = IngestService(store: store, clock: Self.now, submittedBy: "tester")
        let a = try await ingest.ingest(path: dir, options: .init(agency: "staffs-csc", period: Period(parsing: "2024-04-01/2025-03-31")))
        #expect(a.report.isValid, "\(a.report.summary())")
        if importLSOAs {
            let geography = GeographyService(store: store, clock: Self.now)
            _ = try await geography.importBoundaries(
                [UInt8](try Data(contentsOf: Self.fixture)), file: "lsoa-fixture.geojson", attribution: "Invented for tests", by: .commandLine(user: "tester"))
        }
    }

    func compute(_ store: HubStore) async throws -> [IndicatorCell] {
        let spec = try FrameworkService.load(Self.framework)
        _ = try await FrameworkService(store: store, clock: Self.now, runBy: "tester").compute(spec, text: Self.framework)
        return try await store.frameworkResults()
    }

    func n(_ cells: [IndicatorCell], _ id: String, _ breakdown: String, _ group: String, period: String = "2024-25", scope: String = "all") -> Int? {
        cells.first { $0.indicatorID == id && $0.period == period && $0.scope == scope && $0.breakdown == breakdown && $0.group == group }?.numerator
    }

    @Test("Each LSOA counts in its own district; the rest of a district is 'not recorded'; districts' groups add up", arguments: StoreKind.available)
    func byLSOA(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await load(store, importLSOAs: true)
            let cells = try await compute(store)
            #expect(n(cells, "episodes", "lsoa", "E06000021/E01099001") == 3)
            #expect(n(cells, "children", "lsoa", "E06000021/E01099001") == 2, "P1 once")
            #expect(n(cells, "episodes", "lsoa", "E06000021/E01099004") == 1)
            #expect(n(cells, "episodes", "lsoa", "E06000021/not-recorded") == 1)
            #expect(n(cells, "episodes", "lsoa", "E07000197/E01099002") == 1)
            #expect(n(cells, "episodes", "lsoa", "E07000197/not-recorded") == 2, "P6's LSOA is Stoke's; P7's is not imported")
            #expect(n(cells, "episodes", "lsoa", "E07000197/E01099001") == nil, "no such group: the LSOA lies in Stoke-on-Trent")
            #expect(n(cells, "episodes", "lsoa", "E07000198/not-recorded") == 0, "a district with nobody is a true zero")
            #expect(n(cells, "episodes", "lsoa", "unknown") == 2)
            #expect(n(cells, "episodes", "district", "E06000021") == 5)
            // Every district's LSOA groups add up to its figure, in every scope that holds it.
            for id in ["episodes", "children"] {
                for c in cells where c.indicatorID == id && c.breakdown == "district" && c.period == "2024-25" && c.group != "unknown" {
                    let parts = cells.filter {
                        $0.indicatorID == id && $0.period == c.period && $0.scope == c.scope && $0.breakdown == "lsoa"
                            && SmallAreas.parts(of: $0.group)?.district == c.group
                    }
                    #expect(parts.count >= 1 && parts.reduce(0) { $0 + ($1.numerator ?? 0) } == c.numerator, "\(id) \(c.scope) \(c.group)")
                }
            }
            // An LSOA is in its local authority's scope and the whole area's, never the other's.
            #expect(n(cells, "episodes", "lsoa", "E06000021/E01099001", scope: "E06000021") == 3)
            #expect(n(cells, "episodes", "lsoa", "E06000021/E01099001", scope: "E10000028") == nil)
            #expect(n(cells, "episodes", "lsoa", "E07000197/E01099002", scope: "E10000028") == 1)
            // Financial years only: no quarter or month has figures by LSOA.
            #expect(!cells.contains { $0.breakdown == "lsoa" && $0.periodKind != PeriodKind.financialYear.rawValue })
            #expect(n(cells, "episodes", "district", "E06000021", period: "2024-25 Q1") == 4)
            // No rate by LSOA: there are no population estimates for them.
            #expect(!cells.contains { $0.indicatorID == "rate" && $0.breakdown == "lsoa" })
            #expect(cells.contains { $0.indicatorID == "rate" && $0.breakdown == "district" })
        }
    }

    @Test("Without imported LSOAs there is no breakdown by LSOA, and the compiled indicator says why", arguments: StoreKind.available)
    func noneImported(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await load(store, importLSOAs: false)
            let cells = try await compute(store)
            #expect(!cells.contains { $0.breakdown == "lsoa" })
            #expect(n(cells, "episodes", "district", "E06000021") == 5)
            let spec = try FrameworkService.load(Self.framework)
            let service = FrameworkService(store: store, clock: Self.now, runBy: "tester")
            let plans = service.plan(spec.computed, profile: try await service.currentProfile(), smallAreas: try await service.currentSmallAreas())
            #expect(plans.first?.compiled?.notes.contains { $0.contains("no LSOA boundaries are imported") } == true)
        }
    }

    @Test("An LSOA breakdown needs the district one beside it, and a dataset about people")
    func parserRules() {
        let base = Self.framework.replacingOccurrences(
            of: "periods: [month, quarter, financial-year], breakdowns: [la, district, lsoa]",
            with: "periods: [month, quarter, financial-year], breakdowns: [la, lsoa]")
        #expect(base != Self.framework)
        #expect(throws: (any Error).self) { try FrameworkService.load(base) }
        do {
            _ = try FrameworkService.load(base)
        } catch {
            #expect("\(error)".contains("lsoa is listed without district"))
        }
    }

    /// A district of 12 with LSOAs 3 and 9 (and none unrecorded), and another of 13 with 4 and 9 unrecorded: the
    /// LSOA of 3 would be 12 − 9 − 0 from its district were only the small counts hidden.
    @Test("A hidden LSOA cannot be worked out from its district's published figure")
    func nestedSuppression() {
        let p = ReportingPeriod(kind: .financialYear, firstMonth: YearMonth(year: 2024, month: 4)!, lastMonth: YearMonth(year: 2025, month: 3)!)
        let rows: [(String, String, Int)] = [
            ("total", "all", 25), ("district", "E07000197", 12), ("district", "E07000198", 13), ("district", "unknown", 0),
            ("lsoa", "E07000197/E01000001", 3), ("lsoa", "E07000197/E01000002", 9), ("lsoa", "E07000197/not-recorded", 0),
            ("lsoa", "E07000198/E01000003", 4), ("lsoa", "E07000198/not-recorded", 9), ("lsoa", "unknown", 0),
        ]
        let cells = rows.map {
            IndicatorCell(
                indicatorID: "x", period: p, scope: "all", breakdown: $0.0, group: $0.1, stat: "value", numerator: $0.2, denominator: nil, value: Double($0.2))
        }
        let relations = DisclosureControl.relations(cells, additiveBreakdowns: ["district", "lsoa"], additiveInTime: false)
        #expect(relations.contains(CountRelation(total: 1, parts: [4, 5, 6])), "Stafford's LSOAs add up to Stafford")
        #expect(relations.contains(CountRelation(total: 2, parts: [7, 8])))
        for method in [DisclosurePolicy.Method.linked, .greedy] {
            var policy = DisclosurePolicy.standard
            policy.method = method
            let outcome = DisclosureControl(policy: policy).suppression(counts: rows.map(\.2), relations: relations, cells: cells)
            #expect(outcome.suppressed.contains(4) && outcome.suppressed.contains(7))
            let audit = IntervalAudit(counts: rows.map(\.2), relations: relations)
            // The linked method keeps every hidden count to a range of at least the protection level; the old greedy one
            // at least keeps it from being worked out exactly.
            let level = method == .linked ? policy.protectionLevel : 1
            #expect(
                audit.exposed(hidden: outcome.hidden, lowerBounds: outcome.lowerBounds, upperBounds: outcome.upperBounds, level: level).isEmpty, "\(method)")
        }
    }
}
