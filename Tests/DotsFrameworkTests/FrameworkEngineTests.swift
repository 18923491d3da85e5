import DotsApp
import DotsCore
import DotsFramework
import DotsStore
import DotsTestSupport
import Foundation
import Testing

/// Hand-computed figures on a small partnership, on both engines. Times are UK wall-clock as submitted.
/// Episodes (staffs-csc), with P1 born 2010-05 in Stoke, P2 born 2011-07 in Tamworth, P3 born 2008-03 in Stafford:
///   E6 P2 2024-02-29 18:00 → 2024-03-01 10:00  (leap day: February 2024, 2023-24)
///   E1 P1 2024-04-10 10:00 → 20:00, interview offered 2024-04-13 20:00 (exactly 72 h)
///   E2 P1 2024-05-01 09:00 → 2024-05-02 09:00, offered 72 h 1 min later; from care
///   E3 P1 2024-06-20 12:00, no end (still missing)
///   E5 P3 2024-07-01 00:30 → 05:30 (BST: 30 June 23:30 UTC, yet July and Q2 in the UK)
///   E7 P3 2024-09-30 20:00 → 2024-10-01 09:00 (open at the end of Q2)
///   E4 P2 2024-10-26 22:00 → 2024-10-27 00:30 BST, offered 2024-10-30 00:15 GMT: 71 h 45 min on the clock, 72 h 45 min in fact; from care
/// Screenings (submitted only to 2024-09-30): S2 P2 2023-06-01 medium; S1 P1 2024-05-10 high.
@Suite("Framework engine: hand-computed figures on both engines")
struct FrameworkEngineTests {
    static let now = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)

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
                  - {id: episodes, title: E, definition: D, dataset: missing_episodes, measure: events, periods: [month, quarter, financial-year], breakdowns: [la, sex, age-band]}
                  - {id: children, title: C, definition: D, dataset: missing_episodes, measure: people, periods: [quarter, financial-year, rolling-12-months], breakdowns: [la, age-band]}
                  - {id: rate, title: R, definition: D, dataset: missing_episodes, measure: rate, periods: [financial-year]}
                  - {id: from-care, title: F, definition: D, dataset: missing_episodes, measure: {type: percentage, numerator: {missing_from: [care]}}, periods: [financial-year]}
                  - {id: offered, title: O, definition: D, dataset: missing_episodes, measure: {type: within, from: end_datetime, to: rhi_offered_datetime, limit: 72h}, periods: [financial-year]}
                  - {id: hours, title: H, definition: D, dataset: missing_episodes, measure: {type: duration, from: start_datetime, to: end_datetime, unit: hours, percentiles: [50, 90]}, periods: [financial-year]}
                  - {id: repeat, title: RP, definition: D, dataset: missing_episodes, measure: {type: repeats, count: 3, window: 90d}, periods: [quarter, financial-year]}
                  - {id: open, title: OP, definition: D, dataset: missing_episodes, measure: {type: snapshot, start: start_datetime, end: end_datetime}, periods: [quarter]}
                  - {id: overlap, title: OV, definition: D, dataset: ce_screenings, where: {risk_level: [medium, high]}, measure: {type: overlap, with: missing_episodes}, periods: [financial-year]}
                  - {id: nrm, title: N, definition: D, dataset: nrm_referrals, measure: events, periods: [financial-year]}
              - id: unanswered
                question: What do children say?
                sources: [Voice]
        """

    func write(_ dir: String, _ name: String, _ dataset: Dataset, _ rows: [[String: String]]) throws {
        let names = dataset.schema.fieldNames
        let text = names.joined(separator: ",") + "\n" + rows.map { r in names.map { r[$0] ?? "" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
    }

    func episode(_ id: String, _ p: String, _ start: String, _ end: String = "", from: String = "home", offered: String = "") -> [String: String] {
        [
            "episode_id": id, "person_id": p, "start_datetime": start, "end_datetime": end, "missing_type": "M", "missing_from": from,
            "rhi_offered_datetime": offered,
        ]
    }

    func load(_ store: HubStore) async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dots-fw-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        for d in ["a", "b"] { try FileManager.default.createDirectory(atPath: "\(base)/\(d)", withIntermediateDirectories: true) }
        let people: [[String: String]] = [
            ["person_id": "P1", "birth_year_month": "2010-05", "sex": "F", "ethnicity": "WBRI", "home_area": "E06000021", "looked_after": "N"],
            ["person_id": "P2", "birth_year_month": "2011-07", "sex": "M", "home_area": "E07000199", "looked_after": "Y"],
            ["person_id": "P3", "birth_year_month": "2008-03", "sex": "F", "home_area": "E07000197", "looked_after": "N"],
        ]
        try write("\(base)/a", "people.csv", .people, people)
        try write(
            "\(base)/a", "missing_episodes.csv", .missingEpisodes,
            [
                episode("E6", "P2", "2024-02-29 18:00", "2024-03-01 10:00"),
                episode("E1", "P1", "2024-04-10 10:00", "2024-04-10 20:00", offered: "2024-04-13 20:00"),
                episode("E2", "P1", "2024-05-01 09:00", "2024-05-02 09:00", from: "care", offered: "2024-05-05 09:01"),
                episode("E3", "P1", "2024-06-20 12:00"),
                episode("E5", "P3", "2024-07-01 00:30", "2024-07-01 05:30"),
                episode("E7", "P3", "2024-09-30 20:00", "2024-10-01 09:00"),
                episode("E4", "P2", "2024-10-26 22:00", "2024-10-27 00:30", from: "care", offered: "2024-10-30 00:15"),
            ])
        try write(
            "\(base)/b", "ce_screenings.csv", .ceScreenings,
            [
                ["screening_id": "S2", "person_id": "P2", "screening_date": "2023-06-01", "risk_level": "medium", "outcome": "nfa"],
                ["screening_id": "S1", "person_id": "P1", "screening_date": "2024-05-10", "risk_level": "high", "outcome": "mace_referral"],
            ])
        let ingest = IngestService(store: store, clock: Self.now, submittedBy: "tester")
        let a = try await ingest.ingest(path: "\(base)/a", options: .init(agency: "staffs-csc", period: Period(parsing: "2023-04-01/2025-03-31")))
        #expect(a.report.isValid, "\(a.report.summary())")
        let b = try await ingest.ingest(path: "\(base)/b", options: .init(agency: "staffs-csc", period: Period(parsing: "2023-04-01/2024-09-30")))
        #expect(b.report.isValid, "\(b.report.summary())")
    }

    func compute(_ store: HubStore) async throws -> [IndicatorCell] {
        try await load(store)
        let spec = try FrameworkService.load(Self.framework)
        _ = try await FrameworkService(store: store, clock: Self.now, runBy: "tester").compute(spec, text: Self.framework)
        return try await store.frameworkResults()
    }

    func cell(
        _ cells: [IndicatorCell], _ id: String, _ period: String, scope: String = "all", breakdown: String = "total", group: String = "all",
        stat: String = "value"
    ) -> IndicatorCell? {
        cells.first { $0.indicatorID == id && $0.period == period && $0.scope == scope && $0.breakdown == breakdown && $0.group == group && $0.stat == stat }
    }

    @Test("Every measure type, with leap days, UK clock changes, open episodes and period edges", arguments: StoreKind.available)
    func measures(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let cells = try await compute(store)
            // events: the leap day counts in February; 00:30 BST on 1 July is July (Q2), though 30 June in UTC
            #expect(cell(cells, "episodes", "2024-02")?.numerator == 1)
            #expect(cell(cells, "episodes", "2023-24")?.numerator == 1)
            #expect(cell(cells, "episodes", "2024-25")?.numerator == 6)
            #expect(cell(cells, "episodes", "2024-25 Q1")?.numerator == 3)
            #expect(cell(cells, "episodes", "2024-25 Q2")?.numerator == 2)
            #expect(cell(cells, "episodes", "2024-25 Q3")?.numerator == 1)
            #expect(cell(cells, "episodes", "2024-25 Q4")?.numerator == 0, "an empty period is a true zero")
            #expect(cell(cells, "episodes", "2024-25 Q4")?.status == .ok)
            #expect(cell(cells, "episodes", "2024-25", breakdown: "sex", group: "F")?.numerator == 5)
            #expect(cell(cells, "episodes", "2024-25", breakdown: "sex", group: "M")?.numerator == 1)
            #expect(cell(cells, "episodes", "2024-25", breakdown: "sex", group: "U")?.numerator == 0)
            #expect(cell(cells, "episodes", "2024-25", scope: "E06000021")?.numerator == 3)
            #expect(cell(cells, "episodes", "2024-25", scope: "E10000028")?.numerator == 3)
            // P1 turns 14 in May 2024: her April episode is 10-13, May and June 14-15
            #expect(cell(cells, "episodes", "2024-25", breakdown: "age-band", group: "10-13")?.numerator == 2)
            #expect(cell(cells, "episodes", "2024-25", breakdown: "age-band", group: "14-15")?.numerator == 2)
            #expect(cell(cells, "episodes", "2024-25", breakdown: "age-band", group: "16-17")?.numerator == 2)
            // people: once each, in the age band of their first episode in the period
            #expect(cell(cells, "children", "2024-25")?.numerator == 3)
            #expect(cell(cells, "children", "2024-25", breakdown: "age-band", group: "10-13")?.numerator == 2)
            #expect(cell(cells, "children", "2024-25", breakdown: "age-band", group: "14-15")?.numerator == 0)
            #expect(cell(cells, "children", "2024-25", breakdown: "age-band", group: "16-17")?.numerator == 1)
            #expect(cell(cells, "children", "12 months to 2024-10")?.numerator == 3)
            #expect(cell(cells, "children", "12 months to 2024-03")?.numerator == 1)
            // rate per 10,000 children aged 0-17 (ONS mid-2020: 229,580 in Staffordshire and Stoke-on-Trent)
            let rate = try #require(cell(cells, "rate", "2024-25")?.value)
            #expect(abs(rate - 3.0 / 229_580 * 10_000) < 1e-9)
            #expect(cell(cells, "rate", "2024-25")?.denominator == 229_580)
            // percentage: 2 of 6 episodes from care
            #expect(cell(cells, "from-care", "2024-25")?.numerator == 2)
            #expect(cell(cells, "from-care", "2024-25")?.denominator == 6)
            // within 72 h: only E1 (exactly 72 h); E2 is a minute over; E4 is under on the clock but 72 h 45 min in fact;
            // E3 has not ended, so it is not in the denominator
            #expect(cell(cells, "offered", "2024-25")?.numerator == 1)
            #expect(cell(cells, "offered", "2024-25")?.denominator == 5)
            #expect(cell(cells, "offered", "2024-25")?.value == 20)
            // durations: 2.5, 5, 10, 13, 24 hours
            #expect(cell(cells, "hours", "2024-25", stat: "p50")?.value == 10)
            #expect(cell(cells, "hours", "2024-25", stat: "p90")?.value == 24)
            #expect(cell(cells, "hours", "2024-25", stat: "p50")?.numerator == 5)
            // repeats: P1's third episode in 71 days falls in Q1
            #expect(cell(cells, "repeat", "2024-25 Q1")?.numerator == 1)
            #expect(cell(cells, "repeat", "2024-25")?.numerator == 1)
            #expect(cell(cells, "repeat", "2024-25")?.denominator == 3)
            #expect(cell(cells, "repeat", "2024-25 Q2")?.numerator == 0)
            // snapshot: E3 never ended; E7 ended the day after Q2 ended; E6 ended within 2023-24 Q4
            #expect(cell(cells, "open", "2024-25 Q2")?.numerator == 2)
            #expect(cell(cells, "open", "2024-25 Q4")?.numerator == 1)
            #expect(cell(cells, "open", "2023-24 Q4")?.numerator == 0)
            // overlap: the one child at risk each year also went missing; 2024-25 screenings stop in September
            #expect(cell(cells, "overlap", "2023-24")?.value == 100)
            #expect(cell(cells, "overlap", "2024-25")?.status == .notAvailable)
            #expect(cell(cells, "overlap", "2024-25")?.note?.contains("2024-09-30") == true)
        }
    }

    @Test("What we don't know: a dataset never submitted, a question without indicators", arguments: StoreKind.available)
    func gaps(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let cells = try await compute(store)
            #expect(!cells.contains { $0.indicatorID == "nrm" }, "no figures, not zeros, for data never submitted")
            let gaps = try await store.frameworkGaps()
            #expect(gaps.contains { $0.gap.indicatorID == "nrm" && $0.gap.kind == .neverSubmitted && $0.gap.blocking })
            #expect(gaps.contains { $0.questionID == "unanswered" && $0.gap.kind == .noIndicators })
            let run = try #require(try await store.latestFrameworkRun())
            #expect(run.submissions.count == 2)
            #expect(run.frameworkChecksum.hasPrefix("sha256:"))
        }
    }

    @Test("Ages apart: young adults are never counted among children; their companion counts them, worked by hand", arguments: StoreKind.available)
    func agesApart(kind: StoreKind) async throws {
        // P1 born 2010-05 (a child throughout); P4 born 2006-06: 17 at her May 2024 episode, 18 at July's and August's.
        let framework = """
            format: dots-framework/1
            name: Test
            version: "1"
            ages: 0-17
            ages-apart: {ages: 18-25, datasets: [missing_episodes]}
            themes:
              - id: t
                title: T
                questions:
                  - id: q
                    question: Q?
                    indicators:
                      - {id: episodes, title: E, definition: D, dataset: missing_episodes, measure: events, periods: [month, financial-year], breakdowns: [la, sex]}
                      - {id: children, title: C, definition: D, dataset: missing_episodes, measure: people, periods: [financial-year]}
                      - {id: rate, title: R, definition: D, dataset: missing_episodes, measure: rate, periods: [financial-year]}
                      - {id: older, title: O, definition: D, dataset: missing_episodes, where: {age: 10-17}, measure: events, periods: [financial-year]}
                      - {id: screened, title: S, definition: D, dataset: ce_screenings, measure: people, periods: [financial-year]}
            """
        let spec = try FrameworkService.load(framework)
        // Companions only for indicators with the framework's ages, over the datasets named, and not for rates.
        #expect(spec.companions.map(\.id) == ["episodes-ages-18-25", "children-ages-18-25"])
        let companion = try #require(spec.companion(of: "episodes"))
        #expect(companion.breakdowns == [.la] && companion.periods == [.financialYear] && companion.apartFrom == "episodes")
        try await withStore(kind) { store in
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("dots-apart-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: base) }
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            try write(
                base, "people.csv", .people,
                [
                    ["person_id": "P1", "birth_year_month": "2010-05", "sex": "F", "home_area": "E06000021", "looked_after": "N"],
                    ["person_id": "P4", "birth_year_month": "2006-06", "sex": "F", "home_area": "E06000021", "looked_after": "Y"],
                ])
            try write(
                base, "missing_episodes.csv", .missingEpisodes,
                [
                    episode("E1", "P1", "2024-05-01 10:00", "2024-05-01 20:00"), episode("E2", "P4", "2024-05-20 10:00", "2024-05-20 22:00"),
                    episode("E3", "P4", "2024-07-01 10:00", "2024-07-02 09:00"), episode("E4", "P4", "2024-08-01 10:00", "2024-08-01 23:00"),
                ])
            let ingest = IngestService(store: store, clock: Self.now, submittedBy: "tester")
            let a = try await ingest.ingest(path: base, options: .init(agency: "stoke-csc", period: Period(parsing: "2024-04-01/2025-03-31")))
            #expect(a.report.isValid, "\(a.report.summary())")
            _ = try await FrameworkService(store: store, clock: Self.now, runBy: "tester").compute(spec, text: framework)
            let cells = try await store.frameworkResults()
            #expect(cell(cells, "episodes", "2024-25")?.numerator == 2, "E1 and E2: children")
            #expect(cell(cells, "episodes-ages-18-25", "2024-25")?.numerator == 2, "E3 and E4: a young adult")
            #expect(cell(cells, "episodes-ages-18-25", "2024-25", scope: "E06000021")?.numerator == 2)
            #expect(cell(cells, "children", "2024-25")?.numerator == 2)
            #expect(cell(cells, "children-ages-18-25", "2024-25")?.numerator == 1)
            #expect(cell(cells, "older", "2024-25")?.numerator == 2)
            #expect(!cells.contains { $0.indicatorID.hasPrefix("rate-ages") || $0.indicatorID.hasPrefix("screened-ages") })
            // A companion's gaps are its indicator's, listed once.
            #expect(try await store.frameworkGaps().allSatisfy { $0.gap.indicatorID?.contains("-ages-") != true })
        }
    }

    @Test("Ages apart need the framework's ages, must not overlap them, and name datasets of events")
    func agesApartProblems() {
        let head = "format: dots-framework/1\nname: T\nversion: \"1\"\n"
        let tail = "themes:\n  - id: t\n    title: T\n    questions:\n      - {id: q, question: Q?}\n"
        for (middle, path) in [
            ("ages-apart: {ages: 18-25, datasets: [missing_episodes]}\n", "ages-apart"),
            ("ages: 0-17\nages-apart: {ages: 16-25, datasets: [missing_episodes]}\n", "ages-apart.ages"),
            ("ages: 0-17\nages-apart: {ages: 18-25, datasets: [people]}\n", "ages-apart.datasets"),
            ("ages: 0-17\nages-apart: {ages: 18-25, datasets: [missing]}\n", "ages-apart.datasets"),
        ] {
            let problems = FrameworkParser.parse(head + middle + tail).problems
            #expect(problems.contains { $0.path == path }, "\(middle): \(problems)")
        }
    }
}
