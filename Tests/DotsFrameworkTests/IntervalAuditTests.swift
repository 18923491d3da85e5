import DotsCore
import DotsFramework
import DotsSDC
import Testing

@Suite("Interval audit and linked suppression: no hidden count can be narrowed from what is published")
struct IntervalAuditTests {
    typealias Relation = DisclosureControl.Relation

    @Test("The simplex finds bounds worked by hand, and says when there are none")
    func simplex() throws {
        // x + y = 5, y − z = 1: x ∈ [0, 4], y ∈ [1, 5], z ∈ [0, 4].
        var p = EqualityProgram(variables: 3)
        p.add([0: 1, 1: 1], equals: 5)
        p.add([1: 1, 2: -1], equals: 1)
        let basis = try #require(p.feasibleBasis())
        #expect(p.extreme(0, maximise: false, from: basis)?.value == 0)
        #expect(p.extreme(0, maximise: true, from: basis)?.value == 4)
        #expect(p.extreme(1, maximise: false, from: basis)?.value == 1)
        #expect(p.extreme(2, maximise: true, from: basis)?.value == 4)
        // x − y = 0 leaves x unbounded above; x + y = −1 has no non-negative solution.
        var open = EqualityProgram(variables: 2)
        open.add([0: 1, 1: -1], equals: 0)
        #expect(open.extreme(0, maximise: true, from: try #require(open.feasibleBasis())) == nil)
        var none = EqualityProgram(variables: 2)
        none.add([0: 1, 1: 1], equals: -1)
        #expect(none.feasibleBasis() == nil)
    }

    /// A table with margins: cells r×c row-major, then row totals, column totals and the grand total.
    static func table(_ inner: [[Int]]) -> (counts: [Int], relations: [Relation]) {
        let rows = inner.count, cols = inner[0].count
        var counts = inner.flatMap { $0 }
        let rowTotal = counts.count, colTotal = rowTotal + rows, grand = colTotal + cols
        counts += inner.map { $0.reduce(0, +) }
        counts += (0..<cols).map { c in inner.reduce(0) { $0 + $1[c] } }
        counts.append(counts[rowTotal..<colTotal].reduce(0, +))
        var relations: [Relation] = []
        for r in 0..<rows { relations.append(Relation(total: rowTotal + r, parts: (0..<cols).map { r * cols + $0 })) }
        for c in 0..<cols { relations.append(Relation(total: colTotal + c, parts: (0..<rows).map { $0 * cols + c })) }
        relations.append(Relation(total: grand, parts: Array(rowTotal..<colTotal)))
        relations.append(Relation(total: grand, parts: Array(colTotal..<grand)))
        return (counts, relations)
    }

    @Test("A 2×2 table with every inner cell hidden: the interval worked by hand")
    func handWorked() {
        // 3 7 | 10 / 6 4 | 10 / 9 11 | 20. With a = t: b = 10 − t, c = 9 − t, d = 1 + t, each ≥ 1, so a ∈ [1, 8].
        let (counts, relations) = Self.table([[3, 7], [6, 4]])
        let audit = IntervalAudit(counts: counts, relations: relations)
        let intervals = audit.intervals(hidden: [0, 1, 2, 3], lowerBounds: [:])
        #expect(intervals[0] == IntervalAudit.Interval(lower: 1, upper: 8))
        #expect(intervals[3] == IntervalAudit.Interval(lower: 2, upper: 9))
        // Hiding a and d only: row 1 gives a away (10 − 7).
        #expect(audit.exposed(hidden: [0, 3], lowerBounds: [:], level: 3) == [0, 3])
        // Hidden row total with nothing else bounding it from above.
        let open = IntervalAudit(counts: [2, 3, 5], relations: [Relation(total: 2, parts: [0, 1])])
        #expect(open.intervals(hidden: [0, 2], lowerBounds: [:])[0] == IntervalAudit.Interval(lower: 1, upper: nil))
    }

    /// Every whole-number assignment of the hidden cells (from their least value up to twice the largest count) that
    /// agrees with everything published: the attacker's exact view, by enumeration.
    static func bruteForce(_ counts: [Int], _ relations: [Relation], hidden: [Int], lowerBounds: [Int: Int]) -> [Int: (Int, Int)] {
        let limit = 2 * (counts.max() ?? 0)
        var values = counts
        var seen: [Int: (Int, Int)] = [:]
        func consistent(upTo i: Int) -> Bool {
            let open = Set(hidden[i...])
            return relations.allSatisfy { r in
                ([r.total] + r.parts).contains { open.contains($0) } || values[r.total] == r.parts.reduce(0) { $0 + values[$1] }
            }
        }
        func search(_ i: Int) {
            if i == hidden.count {
                for h in hidden { seen[h] = (min(seen[h]?.0 ?? values[h], values[h]), max(seen[h]?.1 ?? values[h], values[h])) }
                return
            }
            for v in (lowerBounds[hidden[i]] ?? 1)...limit {
                values[hidden[i]] = v
                if consistent(upTo: i + 1) { search(i + 1) }
            }
            values[hidden[i]] = counts[hidden[i]]
        }
        search(0)
        return seen
    }

    @Test("The LP audit agrees with enumeration on small tables and hidden patterns", arguments: 0..<40)
    func agreesWithBruteForce(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let inner = (0..<2).map { _ in (0..<3).map { _ in Int(rng.next() % 7) } }
        let (counts, relations) = Self.table(inner)
        let candidates = counts.indices.filter { counts[$0] > 0 }
        let hidden = candidates.filter { _ in rng.next() % 3 == 0 }.sorted()
        guard !hidden.isEmpty else { return }
        let lowerBounds = seed % 4 == 0 ? Dictionary(uniqueKeysWithValues: hidden.map { ($0, 0) }) : [:]
        let lp = IntervalAudit(counts: counts, relations: relations).intervals(hidden: Set(hidden), lowerBounds: lowerBounds)
        let exact = Self.bruteForce(counts, relations, hidden: hidden, lowerBounds: lowerBounds)
        for h in hidden {
            let (low, high) = exact[h]!
            #expect(lp[h]?.lower == low, "cell \(h) of \(inner), hidden \(hidden)")
            // Where the LP finds no upper bound, enumeration must pass every published count.
            if let upper = lp[h]?.upper {
                #expect(upper == high, "cell \(h) of \(inner), hidden \(hidden)")
            } else {
                #expect(high > counts.max()!, "cell \(h) of \(inner), hidden \(hidden)")
            }
        }
    }

    @Test("The old greedy method leaks where the linked method does not: parts 1, 1, 6 of a published 8")
    func greedyLeak() {
        // One relation: 8 = 1 + 1 + 6. Greedy sees two hidden cells and stops, but each is at least 1, so both are 1.
        let counts = [8, 1, 1, 6]
        let relations = [Relation(total: 0, parts: [1, 2, 3])]
        let greedy = DisclosureControl().greedySuppressed(counts: counts, relations: relations)
        let audit = IntervalAudit(counts: counts, relations: relations)
        #expect(greedy.primary.union(greedy.secondary) == [1, 2])
        #expect(audit.exposed(hidden: [1, 2], lowerBounds: [:], level: 3) == [1, 2])
        let linked = LinkedSuppression(threshold: 5, protectionLevel: 3).suppress(
            counts: counts, relations: relations, headline: { $0 == 0 }, breakdownOf: { $0 == 0 ? [] : [1, 2, 3] })
        // The 6 goes too; the headline 8 stays: each hidden 1 now ranges over 1...6.
        #expect(linked.hidden == [1, 2, 3])
        #expect(audit.exposed(hidden: linked.hidden, lowerBounds: linked.lowerBounds, level: 3).isEmpty)
    }

    @Test("A breakdown is withheld, not its headline, when only the headline could protect it")
    func withholdsBreakdown() {
        // 7 = 2 + 5: hiding both leaves 2 ∈ [1, 6]... but 5 is primary too, so both are hidden; with 6 = 1 + 5
        // and level 6 no other cell can help: the breakdown (with its zero) is withheld and the 6 stays shown.
        let counts = [6, 1, 5, 0]
        let relations = [Relation(total: 0, parts: [1, 2, 3])]
        let linked = LinkedSuppression(threshold: 5, protectionLevel: 6).suppress(
            counts: counts, relations: relations, headline: { $0 == 0 }, breakdownOf: { $0 == 0 ? [] : [1, 2, 3] })
        #expect(!linked.hidden.contains(0))
        #expect(linked.withheld == [1, 2, 3])
        #expect(IntervalAudit(counts: counts, relations: relations).exposed(hidden: linked.hidden, lowerBounds: linked.lowerBounds, level: 6).isEmpty)
    }

    @Test("A whole-area total is rounded, not hidden, to protect a small 'area not recorded' count; both areas stay")
    func roundsTheWholeArea() {
        // 92 = 27 + 61 + 4 (area not recorded). Hiding the 4 alone gives it away; rounding 92 to 90 means it
        // could be 1 to 4 (90 − 2 ... 90 + 2, less 88), a range of 3.
        let counts = [92, 27, 61, 4]
        let relations = [Relation(total: 0, parts: [1, 2, 3])]
        let linked = LinkedSuppression(threshold: 5, protectionLevel: 3, roundTo: 5).suppress(
            counts: counts, relations: relations, headline: { $0 < 3 }, breakdownOf: { _ in [] }, roundable: { $0 == 0 })
        #expect(linked.suppressed == [3])
        #expect(linked.rounded == [0: 90])
        #expect(linked.lowerBounds[0] == 88 && linked.upperBounds[0] == 92)
        let audit = IntervalAudit(counts: counts, relations: relations)
        #expect(audit.intervals(hidden: linked.hidden, lowerBounds: linked.lowerBounds, upperBounds: linked.upperBounds)[3] == .init(lower: 1, upper: 4))
        #expect(audit.exposed(hidden: linked.hidden, lowerBounds: linked.lowerBounds, upperBounds: linked.upperBounds, level: 3).isEmpty)
        // Without rounding, a headline has to go.
        let hiding = LinkedSuppression(threshold: 5, protectionLevel: 3).suppress(
            counts: counts, relations: relations, headline: { $0 < 3 }, breakdownOf: { _ in [] })
        #expect(hiding.suppressed.count == 2 && hiding.suppressed.contains(1))
        // Rounding to 10 is known to within 85 ... 94 (halves up).
        #expect(LinkedSuppression.rounded(94, to: 10) == 90 && LinkedSuppression.rounded(95, to: 10) == 100 && LinkedSuppression.rounded(92, to: 5) == 90)
    }

    @Test("A local authority total is rounded too when rounding the whole area is not enough; nothing is hidden but the small count")
    func roundsALocalAuthority() {
        // 40 = 20 + 19 + 1 (area not recorded). Rounding 40 to 40 (38 ... 42) leaves the 1 at 1 ... 3, a range of 2;
        // rounding the first local authority's 20 as well (18 ... 22) widens it to 1 ... 5 (42 − 18 − 19).
        let counts = [40, 20, 19, 1]
        let relations = [Relation(total: 0, parts: [1, 2, 3])]
        let linked = LinkedSuppression(threshold: 5, protectionLevel: 3, roundTo: 5).suppress(
            counts: counts, relations: relations, headline: { $0 < 3 }, breakdownOf: { _ in [] }, roundable: { $0 < 3 })
        #expect(linked.suppressed == [3])
        #expect(linked.rounded == [0: 40, 1: 20])
        let audit = IntervalAudit(counts: counts, relations: relations)
        #expect(audit.intervals(hidden: linked.hidden, lowerBounds: linked.lowerBounds, upperBounds: linked.upperBounds)[3] == .init(lower: 1, upper: 5))
        // With only the whole area roundable (the rule before), the 20 is hidden instead.
        let wholeAreaOnly = LinkedSuppression(threshold: 5, protectionLevel: 3, roundTo: 5).suppress(
            counts: counts, relations: relations, headline: { $0 < 3 }, breakdownOf: { _ in [] }, roundable: { $0 == 0 })
        #expect(wholeAreaOnly.suppressed.count == 2)
    }

    @Test("A rounded total that its published parts give away exactly protects nothing: the small count is protected another way")
    func roundedButGivenAway() {
        // 40 = 20 + 19 + 1 by area, and the 20 is also 10 + 10 by month, both published: rounding the 20 protects
        // nothing, so something else must go.
        let counts = [40, 20, 19, 1, 10, 10]
        let relations = [Relation(total: 0, parts: [1, 2, 3]), Relation(total: 1, parts: [4, 5])]
        let linked = LinkedSuppression(threshold: 5, protectionLevel: 3, roundTo: 5).suppress(
            counts: counts, relations: relations, headline: { $0 < 3 }, breakdownOf: { $0 >= 4 ? [4, 5] : [] }, roundable: { $0 < 3 })
        let audit = IntervalAudit(counts: counts, relations: relations)
        #expect(audit.exposed(hidden: linked.hidden, lowerBounds: linked.lowerBounds, upperBounds: linked.upperBounds, level: 3).isEmpty)
        #expect(
            audit.intervals(hidden: linked.hidden, lowerBounds: linked.lowerBounds, upperBounds: linked.upperBounds)[3].map { $0.upper! - $0.lower } ?? 0 >= 3)
        // Rounding the 40 and the 20 alone would leave the 1 exposed: the audit knows the 20 exactly from its months.
        let trusting = LinkedSuppression.Outcome(primary: [3], rounded: [0: 40, 1: 20], roundedTo: 5)
        #expect(audit.exposed(hidden: trusting.hidden, lowerBounds: trusting.lowerBounds, upperBounds: trusting.upperBounds, level: 3) == [3])
    }

    @Test("Linked suppression leaves nothing exposed on random linked tables", arguments: 0..<25)
    func linkedHolds(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed) &+ 1000)
        let inner = (0..<3).map { _ in (0..<4).map { _ in Int(rng.next() % 12) } }
        let (counts, relations) = Self.table(inner)
        let linked = LinkedSuppression(threshold: 5, protectionLevel: 3).suppress(
            counts: counts, relations: relations, headline: { $0 >= 12 }, breakdownOf: { $0 < 12 ? Array((($0 / 4) * 4)..<(($0 / 4) * 4 + 4)) : [] })
        let exposed = IntervalAudit(counts: counts, relations: relations).exposed(hidden: linked.hidden, lowerBounds: linked.lowerBounds, level: 3)
        #expect(exposed.isEmpty, "\(inner): hidden \(linked.hidden.sorted())")
        #expect(linked.primary == Set(counts.indices.filter { (1...5).contains(counts[$0]) }))
        // Offering hidden counts for showing again never exposes anything and never hides more.
        var reshowing = LinkedSuppression(threshold: 5, protectionLevel: 3)
        reshowing.reshowLimit = 100
        let fewer = reshowing.suppress(
            counts: counts, relations: relations, headline: { $0 >= 12 }, breakdownOf: { $0 < 12 ? Array((($0 / 4) * 4)..<(($0 / 4) * 4 + 4)) : [] })
        #expect(IntervalAudit(counts: counts, relations: relations).exposed(hidden: fewer.hidden, lowerBounds: fewer.lowerBounds, level: 3).isEmpty)
        #expect(fewer.hidden.isSubset(of: linked.hidden) && fewer.primary == linked.primary)
        // Rounding every total where it protects (as the framework does for whole-area and local authority totals)
        // never leaves anything exposed either, rounded totals' ranges included.
        let rounding = LinkedSuppression(threshold: 5, protectionLevel: 3, roundTo: 5).suppress(
            counts: counts, relations: relations, headline: { $0 >= 12 }, breakdownOf: { $0 < 12 ? Array((($0 / 4) * 4)..<(($0 / 4) * 4 + 4)) : [] },
            roundable: { $0 >= 12 })
        let left = IntervalAudit(counts: counts, relations: relations).exposed(
            hidden: rounding.hidden, lowerBounds: rounding.lowerBounds, upperBounds: rounding.upperBounds, level: 3)
        #expect(left.isEmpty, "\(inner): hidden \(rounding.suppressed.sorted()), rounded \(rounding.rounded)")
    }
}

/// A small deterministic generator, so a failing case can be rerun.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
