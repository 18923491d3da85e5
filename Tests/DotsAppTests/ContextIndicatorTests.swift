import DotsApp
import DotsContexts
import DotsCore
import DotsFramework
import DotsStore
import DotsTestSupport
import Testing

/// The default framework's context indicators over a small set of contexts worked by hand, on both engines: the
/// rows Dots keeps from its context records are rewritten at the run, and counted like any dataset.
@Suite("Context indicators: contexts open, reviews in time, young people linked, outcomes (both engines)")
struct ContextIndicatorTests {
    static func day(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    static func step(_ stage: SafeguardingContext.Stage, _ on: String, review: String?, outcome: ContextOutcome? = nil) -> SafeguardingContext.Step {
        .init(stage: stage, outcome: outcome, on: day(on), by: "Pat", note: "-", reviewBy: review.map(day))
    }

    /// A (peer group, Stoke-on-Trent): referred 1 April (review by 20 April), assessed 15 April (by 31 May), planned
    /// 10 June (late; by 31 August), closed safer 20 August. B (place, Tamworth): referred 1 May (by 15 June), nothing
    /// since. C (online, no area): referred 1 July (by 31 July), closed less safe 20 July.
    static let contexts = [
        SafeguardingContext(
            id: "CX-A", kind: .peerGroup, name: "A", area: "E06000021", agencyID: "stoke-csc", stage: .closed, outcome: .safer, opened: day("2025-04-01"),
            reviewBy: day("2025-08-31"),
            history: [
                step(.referral, "2025-04-01", review: "2025-04-20"), step(.assessment, "2025-04-15", review: "2025-05-31"),
                step(.plan, "2025-06-10", review: "2025-08-31"), step(.closed, "2025-08-20", review: nil, outcome: .safer),
            ]),
        SafeguardingContext(
            id: "CX-B", kind: .place, name: "B", area: "E07000199", agencyID: "staffs-police", stage: .referral, outcome: nil, opened: day("2025-05-01"),
            reviewBy: day("2025-06-15"), history: [step(.referral, "2025-05-01", review: "2025-06-15")]),
        SafeguardingContext(
            id: "CX-C", kind: .online, name: "C", area: nil, agencyID: "staffs-police", stage: .closed, outcome: .lessSafe, opened: day("2025-07-01"),
            reviewBy: day("2025-07-31"),
            history: [step(.referral, "2025-07-01", review: "2025-07-31"), step(.closed, "2025-07-20", review: nil, outcome: .lessSafe)]),
    ]

    /// L1: DP1 to A from 10 April, reviewed, holds until A closes (20 August). L2: DP2 to B from 10 May, review by
    /// 1 August missed: lapsed from 2 August. L3: DP1 to B from 12 May, review by 31 January 2026.
    static var links: [ContextLink] {
        func link(_ id: String, _ context: String, _ person: String, _ on: String, _ review: String) -> ContextLink {
            ContextLink(
                id: id, contextID: context, personID: person, source: "s", reliability: .seen, proportionality: "p", linkedOn: day(on), linkedBy: "Pat",
                reviewBy: day(review))
        }
        var l1 = link("CL-1", "CX-A", "DP1", "2025-04-10", "2025-09-30")
        l1.reviewedOn = day("2025-06-20")
        return [l1, link("CL-2", "CX-B", "DP2", "2025-05-10", "2025-08-01"), link("CL-3", "CX-B", "DP1", "2025-05-12", "2026-01-31")]
    }

    static var spec: FrameworkSpec {
        get throws {
            var spec = try FrameworkService.load()
            spec.themes = spec.themes.map { t in
                var t = t
                t.questions = t.questions.filter { $0.id == "contexts" }
                return t
            }.filter { !$0.questions.isEmpty }
            spec.companions = []
            return spec
        }
    }

    func cell(_ cells: [IndicatorCell], _ id: String, _ period: String, scope: String = "all") -> IndicatorCell? {
        cells.first { $0.indicatorID == id && $0.period == period && $0.scope == scope && $0.breakdown == "total" && $0.group == "all" && $0.stat == "value" }
    }

    @Test("Counted as worked by hand, each on its own unit, with no age filter from the framework", arguments: StoreKind.available)
    func counts(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for c in Self.contexts { try await store.saveContext(c) }
            for l in Self.links { try await store.saveContextLink(l) }
            let spec = try Self.spec
            #expect(spec.indicators.map(\.id) == ["contexts-open", "context-reviews-in-time", "context-children", "contexts-safer"])
            #expect(spec.indicators.allSatisfy { $0.filters.isEmpty }, "the framework's ages 0-17 would hide every row: contexts record no age")
            let clock = FixedClock(Instant(iso: "2026-04-15T12:00:00Z")!)
            _ = try await FrameworkService(store: store, clock: clock, runBy: "test").compute(spec)
            let cells = try await store.frameworkResults()

            // Open at the quarter's end: 30 June A and B (C opened in July); 30 September, 31 December and 31 March B.
            #expect(cell(cells, "contexts-open", "2025-26 Q1")?.numerator == 2)
            #expect(cell(cells, "contexts-open", "2025-26 Q1", scope: "E06000021")?.numerator == 1)
            #expect(cell(cells, "contexts-open", "2025-26 Q1", scope: "E10000028")?.numerator == 1)
            #expect(cell(cells, "contexts-open", "2025-26 Q2")?.numerator == 1)
            #expect(cell(cells, "contexts-open", "2025-26 Q4")?.numerator == 1)

            // Reviews by the quarter they fell due: Q1 20 April met (15 April), 31 May late (10 June), 15 June unmet:
            // 1 of 3. Q2 31 July met by C's closure, 31 August met by A's: 2 of 2.
            let q1 = cell(cells, "context-reviews-in-time", "2025-26 Q1")
            #expect(q1?.numerator == 1 && q1?.denominator == 3)
            let q2 = cell(cells, "context-reviews-in-time", "2025-26 Q2")
            #expect(q2?.numerator == 2 && q2?.denominator == 2)

            // Young people at the quarter's end: 30 June DP1 (twice: counted once) and DP2; 30 September DP1 (L1 ended
            // with A, L2 lapsed); 31 December DP1; 31 March nobody (L3 lapsed on 1 February).
            #expect(cell(cells, "context-children", "2025-26 Q1")?.numerator == 2)
            #expect(cell(cells, "context-children", "2025-26 Q2")?.numerator == 1)
            #expect(cell(cells, "context-children", "2025-26 Q3")?.numerator == 1)
            #expect(cell(cells, "context-children", "2025-26 Q4")?.numerator == 0)

            // Closed in 2025-26: A safer, C less safe.
            let fy = cell(cells, "contexts-safer", "2025-26")
            #expect(fy?.numerator == 1 && fy?.denominator == 2)
        }
    }

    @Test("No contexts recorded: each context indicator says so as its gap, and nothing is computed", arguments: StoreKind.available)
    func noContexts(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let clock = FixedClock(Instant(iso: "2026-04-15T12:00:00Z")!)
            let outcome = try await FrameworkService(store: store, clock: clock, runBy: "test").compute(try Self.spec)
            #expect(outcome.gaps.filter { $0.gap.detail.hasPrefix("no contexts of harm are recorded in Dots yet") }.count == 4)
            #expect(try await store.frameworkResults().isEmpty)
        }
    }

    @Test("Dots rewrites its own rows whole each time; a row an agency submitted stays", arguments: StoreKind.available)
    func rewrite(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            _ = try await store.textRows(
                "INSERT INTO context_records (submission_id, agency_id, context_id, context_kind, opened_on) VALUES ('S-1', 'stoke-csc', 'THEIRS', 'place', '2025-05-01')"
            )
            try await store.replaceContextRows(ContextDatasetRows.make(contexts: Self.contexts, links: Self.links, on: Self.day("2026-04-15")))
            #expect(try await store.rowCount(.contextReviews) == 5)
            try await store.replaceContextRows(ContextDatasetRows.make(contexts: Array(Self.contexts.prefix(1)), links: [], on: Self.day("2026-04-15")))
            #expect(try await store.rowCount(.contextRecords) == 2)
            #expect(try await store.textRows("SELECT context_id FROM context_records ORDER BY context_id").map { $0["context_id"] } == ["CX-A", "THEIRS"])
            #expect(try await store.rowCount(.contextReviews) == 3)
            #expect(try await store.rowCount(.contextChildren) == 0)
        }
    }
}
