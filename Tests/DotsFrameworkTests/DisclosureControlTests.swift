import DotsCore
import DotsFramework
import DotsSDC
import Testing

@Suite("Disclosure control: primary and secondary suppression resist differencing")
struct DisclosureControlTests {
    /// A period's table: total, two local authorities (+ unknown), and sex groups within each.
    static func table(_ counts: [String: [String: Int]]) -> [IndicatorCell] {
        let p = ReportingPeriod(kind: .financialYear, firstMonth: YearMonth(year: 2024, month: 4)!, lastMonth: YearMonth(year: 2025, month: 3)!)
        var cells: [IndicatorCell] = []
        for (scope, groups) in counts.sorted(by: { $0.key < $1.key }) {
            for (g, n) in groups.sorted(by: { $0.key < $1.key }) {
                cells.append(
                    IndicatorCell(
                        indicatorID: "x", period: p, scope: scope, breakdown: g == "all" ? "total" : "sex", group: g, stat: "value",
                        numerator: n, denominator: nil, value: Double(n)))
            }
        }
        return cells
    }

    /// Every assignment of the hidden cells (0...limit) that agrees with everything published: an attacker's view.
    /// A count published rounded to 5 is known only to within 2 either side: it is searched too, after the hidden
    /// ones (its values come last in each solution).
    static func feasible(_ cells: [IndicatorCell], _ published: [PublishedCell], limit: Int) -> [[Int]] {
        let relations = DisclosureControl.relations(cells, additiveBreakdowns: ["sex"], additiveInTime: false)
        let hidden =
            published.indices.filter { published[$0].numerator == "c" } + published.indices.filter { published[$0].suppression == "rounded" }
        var known = cells.map { $0.numerator ?? 0 }
        var solutions: [[Int]] = []
        var open = Set(hidden)
        // Depth-first, checking each relation as soon as all its cells have values, so the search stays small.
        func consistent() -> Bool {
            relations.allSatisfy { r in
                ([r.total] + r.parts).contains { open.contains($0) } || known[r.total] == r.parts.reduce(0) { $0 + known[$1] }
            }
        }
        func search(_ i: Int) {
            if i == hidden.count { solutions.append(hidden.map { known[$0] }); return }
            open.remove(hidden[i])
            let range =
                published[hidden[i]].suppression == "rounded"
                ? Int(published[hidden[i]].numerator)!.advanced(by: -2)...Int(published[hidden[i]].numerator)! + 2 : 0...limit
            for v in range {
                known[hidden[i]] = v
                if consistent() { search(i + 1) }
            }
            open.insert(hidden[i])
        }
        search(0)
        return solutions
    }

    @Test("Counts 1-5 become c, zeros stay, and a lone hidden cell in any total is joined by another")
    func primaryAndSecondary() {
        let cells = Self.table([
            "all": ["all": 40, "F": 23, "M": 17],
            "E06000021": ["all": 12, "F": 3, "M": 9],
            "E10000028": ["all": 28, "F": 20, "M": 8],
        ])
        let out = DisclosureControl().publish(cells, measure: .people, additiveBreakdowns: ["sex"], monthly: false)
        let shown = Dictionary(uniqueKeysWithValues: out.map { ("\($0.cell.scope)/\($0.cell.group)", $0.numerator) })
        #expect(shown["E06000021/F"] == "c")
        // Stoke's F is 3: its M (9) must go too, or 12 - 9 gives it away; then Staffordshire's F or M, then the area's.
        #expect(shown["E06000021/M"] == "c")
        #expect(out.filter { $0.numerator == "c" }.count >= 4)
        #expect(out.contains { $0.suppression == "secondary" })
        #expect(shown["all/all"] == "40")
    }

    @Test(
        "No hidden count can be recovered from totals and breakdowns",
        arguments: [
            ["all": ["all": 12, "F": 7, "M": 5], "E06000021": ["all": 4, "F": 2, "M": 2], "E10000028": ["all": 8, "F": 5, "M": 3]],
            ["all": ["all": 30, "F": 25, "M": 5], "E06000021": ["all": 10, "F": 10, "M": 0], "E10000028": ["all": 20, "F": 15, "M": 5]],
            ["all": ["all": 9, "F": 1, "M": 8], "E06000021": ["all": 1, "F": 1, "M": 0], "E10000028": ["all": 8, "F": 0, "M": 8]],
        ])
    func differencing(counts: [String: [String: Int]]) {
        let cells = Self.table(counts)
        let out = DisclosureControl().publish(cells, measure: .people, additiveBreakdowns: ["sex"], monthly: false)
        let hidden = out.indices.filter { out[$0].numerator == "c" }
        #expect(!hidden.isEmpty)
        let solutions = Self.feasible(cells, out, limit: 25)
        // The truth is among them, and for every hidden cell at least two values fit what is published.
        #expect(solutions.contains { Array($0.prefix(hidden.count)) == hidden.map { cells[$0].numerator! } })
        for (k, _) in hidden.enumerated() {
            #expect(Set(solutions.map { $0[k] }).count >= 2, "hidden cell \(out[hidden[k]].cell.scope)/\(out[hidden[k]].cell.group) can be worked out")
        }
    }

    @Test("Rates and percentages are withheld on a suppressed or small base; symbols for unavailable and not applicable")
    func derivedFigures() {
        let p = ReportingPeriod(kind: .quarter, firstMonth: YearMonth(year: 2024, month: 4)!, lastMonth: YearMonth(year: 2024, month: 6)!)
        let cells = [
            IndicatorCell(
                indicatorID: "x", period: p, scope: "all", breakdown: "total", group: "all", stat: "value", numerator: 8, denominator: 9, value: 88.9),
            IndicatorCell(
                indicatorID: "x", period: p, scope: "E06000021", breakdown: "total", group: "all", stat: "value", numerator: 30, denominator: 40, value: 75),
            IndicatorCell(
                indicatorID: "x", period: p, scope: "E10000028", breakdown: "total", group: "all", stat: "value", numerator: 0, denominator: 0, value: nil,
                status: .notApplicable),
            IndicatorCell(
                indicatorID: "x", period: p, scope: "unknown", breakdown: "total", group: "all", stat: "value", numerator: nil, denominator: nil, value: nil,
                status: .notAvailable),
        ]
        let out = DisclosureControl().publish(cells, measure: .percentage(numerator: [], of: .events), additiveBreakdowns: [], monthly: false)
        #expect(out[0].value == "c", "a denominator of 9 is below 10")
        #expect(out[1].value == "75.0")
        #expect(out[2].value == "z")
        #expect(out[3].value == ":")
    }

    @Test("Totals can be rounded to 5 or 10")
    func rounding() {
        let cells = Self.table(["all": ["all": 47, "F": 23, "M": 24]])
        let out = DisclosureControl(policy: DisclosurePolicy(roundTotalsTo: 10)).publish(cells, measure: .events, additiveBreakdowns: ["sex"], monthly: false)
        #expect(out.first { $0.cell.breakdown == "total" }?.numerator == "50")
        #expect(out.first { $0.cell.group == "F" }?.numerator == "23")
    }
}

@Suite("Reporting periods and the default framework")
struct ReportingPeriodTests {
    @Test("Whole financial quarters and years inside the data; rolling years end each month")
    func covering() {
        let periods = ReportingPeriod.covering(
            YearMonth(year: 2023, month: 5)!, YearMonth(year: 2025, month: 3)!, kinds: [.quarter, .financialYear, .rolling12])
        let quarters = periods.filter { $0.kind == .quarter }.map(\.label)
        #expect(quarters.first == "2023-24 Q2")
        #expect(quarters.last == "2024-25 Q4")
        #expect(quarters.count == 7, "2023-24 Q2 to Q4, and the four quarters of 2024-25")
        #expect(periods.filter { $0.kind == .financialYear }.map(\.label) == ["2024-25"])
        #expect(periods.filter { $0.kind == .rolling12 }.map(\.label).first == "12 months to 2024-04")
        #expect(periods.filter { $0.kind == .rolling12 }.count == 12)
        #expect(ReportingPeriod.covering(YearMonth(year: 2025, month: 3)!, YearMonth(year: 2025, month: 1)!, kinds: [.month]).isEmpty)
    }

    @Test("The shipped framework is valid: about 10 questions and 30 indicators, each with a plain definition")
    func defaultFramework() throws {
        let (spec, problems) = FrameworkParser.parse(DefaultFramework.yaml)
        #expect(problems.isEmpty, "\(problems)")
        let s = try #require(spec)
        #expect(s.questions.count >= 10)
        #expect(s.indicators.count >= 30)
        #expect(s.indicators.allSatisfy { $0.definition.count > 40 })
    }

    @Test("Population denominators: the county is its districts; unknown areas give no rate")
    func population() {
        let p = PopulationEstimates.onsMid2020
        #expect(p.children(in: ReferenceGeography.staffordshireDistricts.map(\.code)) == 171_275)
        #expect(p.children(in: ["E06000021"]) == 58_305)
        #expect(p.children(in: ["E06000021"], ages: 10...17) == 3172 + 3133 + 3354 + 3023 + 2994 + 3023 + 2848 + 2772)
        #expect(p.children(in: ["E01000001"]) == nil)
    }
}
