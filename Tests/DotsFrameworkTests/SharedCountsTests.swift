import DotsCore
import DotsFramework
import DotsSDC
import Testing

@Suite("Counts several indicators share are protected as one system")
struct SharedCountsTests {
    static func spec() throws -> FrameworkSpec {
        try #require(FrameworkParser.parse(DefaultFramework.yaml).spec)
    }

    static func key(_ spec: FrameworkSpec, _ id: String, _ q: DisclosureSystem.Quantity) -> String? {
        spec.computed.first { $0.id == id }.flatMap { SharedCounts.key($0, q) }
    }

    @Test("The default framework's shared counts are recognised from their definitions, and different counts are not")
    func keys() throws {
        let spec = try Self.spec()
        func same(_ a: (String, DisclosureSystem.Quantity), _ b: (String, DisclosureSystem.Quantity)) -> Bool {
            guard let x = Self.key(spec, a.0, a.1) else { return false }
            return x == Self.key(spec, b.0, b.1)
        }
        // Police missing episodes: counted by one indicator, the base of another.
        #expect(same(("missing-episodes", .numerator), ("missing-from-care", .denominator)))
        // Episodes with an end time: the base of both return-interview time limits.
        #expect(same(("rhi-offered-72h", .denominator), ("rhi-completed-72h", .denominator)))
        // Children at medium or high risk: counted, and the base of the overlaps with exclusions and missing.
        #expect(same(("ce-cohort", .numerator), ("ce-exclusions-overlap", .denominator)))
        #expect(same(("ce-cohort", .numerator), ("ce-missing-overlap", .denominator)))
        // Not the same: episodes and the children who had them; all episodes and those with an end time; children
        // and young adults counted apart; a within numerator (no other indicator counts it).
        #expect(!same(("missing-episodes", .numerator), ("missing-children", .numerator)))
        #expect(!same(("missing-episodes", .numerator), ("rhi-offered-72h", .denominator)))
        #expect(!same(("missing-episodes", .numerator), ("missing-episodes-ages-18-25", .numerator)))
        #expect(Self.key(spec, "rhi-offered-72h", .numerator) == nil)
        // Filters are compared as sets: their order in the file does not matter.
        var a = spec.computed.first { $0.id == "ce-cohort" }!
        var b = a
        a.filters = [.values(field: "risk_level", values: ["medium", "high"]), .age(min: 0, max: 17)]
        b.filters = [.age(min: 0, max: 17), .values(field: "risk_level", values: ["high", "medium"])]
        #expect(SharedCounts.key(a, .numerator) == SharedCounts.key(b, .numerator))
    }

    /// One financial year's cells: whole area, two local authorities and "unknown", optionally with a sex breakdown.
    static func cells(_ id: String, _ counts: [String: Int], sex: [String: [String: Int]] = [:]) -> [IndicatorCell] {
        let p = ReportingPeriod(kind: .financialYear, firstMonth: YearMonth(year: 2024, month: 4)!, lastMonth: YearMonth(year: 2025, month: 3)!)
        var out: [IndicatorCell] = []
        for (scope, n) in counts.sorted(by: { $0.key < $1.key }) {
            out.append(
                IndicatorCell(
                    indicatorID: id, period: p, scope: scope, breakdown: "total", group: "all", stat: "value", numerator: n, denominator: nil,
                    value: Double(n)))
            for (g, m) in (sex[scope] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out.append(
                    IndicatorCell(
                        indicatorID: id, period: p, scope: scope, breakdown: "sex", group: g, stat: "value", numerator: m, denominator: nil,
                        value: Double(m)))
            }
        }
        return out
    }

    @Test("Merged, two indicators' systems share each cell once and every relation of each; their parts hide alike where they overlap")
    func mergeAndProject() throws {
        // The same count in two indicators: A by area only, B by area and sex. 9 = 6 + 3 in one local authority.
        let areas = ["all": 40, "E06000021": 9, "E10000028": 29, "unknown": 2]
        let a = Self.cells("a", areas)
        let b = Self.cells(
            "b", areas, sex: ["all": ["F": 25, "M": 15], "E06000021": ["F": 6, "M": 3], "E10000028": ["F": 18, "M": 11], "unknown": ["F": 1, "M": 1]])
        let control = DisclosureControl(policy: DisclosurePolicy(threshold: 5, roundToProtect: nil))
        let sa = control.unsuppressedSystems(a, measure: .events, additiveBreakdowns: [], monthly: false)[0]
        let sb = control.unsuppressedSystems(b, measure: .events, additiveBreakdowns: ["sex"], monthly: false)[0]
        let merged = try #require(SharedCounts.merge([(a, sa), (b, sb)]))
        // Four area totals once, and B's eight sex cells: twelve cells. The areas' relation once (both have it), B's
        // sex relation in each of four areas, and the areas' relation for each sex: seven.
        #expect(merged.cells.count == 12)
        #expect(merged.system.relations.count == 7)
        #expect(merged.maps[0] == [0, 1, 2, 3])
        let done = control.suppressed(merged.system, cells: merged.cells)
        var m = merged
        m.system = done
        let pa = m.part(0, of: sa), pb = m.part(1, of: sb)
        for (i, label) in sa.labels.enumerated() {
            let j = sb.labels.firstIndex(of: label)!
            #expect(pa.hidden.contains(i) == pb.hidden.contains(j), "\(label)")
        }
        #expect(pa.sharedBy == ["a numerator", "b numerator"])
        // The merged system holds: nothing narrower than 3 from everything both indicators publish.
        let audit = IntervalAudit(counts: done.counts, relations: done.relations)
        #expect(audit.exposed(hidden: done.hidden, lowerBounds: done.lowerBounds, upperBounds: done.upperBounds, level: 3).isEmpty)
        // Counts that differ at the same cell are not the same count: nothing is merged.
        let other = Self.cells("c", ["all": 41, "E06000021": 9, "E10000028": 30, "unknown": 2])
        let sc = control.unsuppressedSystems(other, measure: .events, additiveBreakdowns: [], monthly: false)[0]
        #expect(SharedCounts.merge([(a, sa), (other, sc)]) == nil)
    }
}
