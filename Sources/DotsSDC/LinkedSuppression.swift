/// Cell suppression over one system of linked tables (every relation at once), checked by the interval audit:
/// hide the small counts, then, while the audit finds a hidden cell an attacker could narrow to less than the
/// protection level, hide one more cell where it protects most for least: a breakdown cell before a headline, a
/// count big enough to give cover before a small one, the smallest of those. Where only a headline could
/// protect a breakdown cell, the breakdown is withheld for that period and area instead (its zeros too, so an
/// attacker cannot assume every hidden cell is at least 1); a headline is hidden only when nothing else can.
public struct LinkedSuppression: Sendable {
    public let threshold: Int
    public let protectionLevel: Int
    /// Where only a headline could protect a cell, a roundable headline is published rounded to this (an
    /// attacker then knows it only to within half of it either side) instead of hidden; nil never rounds.
    public let roundTo: Int?

    public init(threshold: Int, protectionLevel: Int, roundTo: Int? = nil) {
        self.threshold = threshold
        self.protectionLevel = protectionLevel
        self.roundTo = roundTo
    }

    /// A count rounded to the nearest multiple of `base`, halves up: what is published for a rounded cell.
    public static func rounded(_ n: Int, to base: Int) -> Int { (n + base / 2) / base * base }

    /// Which cells a count is hidden in, and why.
    public struct Outcome: Sendable, Equatable {
        public var primary: Set<Int> = []
        public var secondary: Set<Int> = []
        /// Cells of breakdowns withheld to keep a headline: zeros included, so their least value is 0.
        public var withheld: Set<Int> = []
        /// Headlines published rounded instead of hidden, and the rounded value of each.
        public var rounded: [Int: Int] = [:]
        var roundingBase: Int?

        public init(primary: Set<Int> = [], secondary: Set<Int> = [], withheld: Set<Int> = [], rounded: [Int: Int] = [:], roundedTo: Int? = nil) {
            self.primary = primary
            self.secondary = secondary
            self.withheld = withheld
            self.rounded = rounded
            roundingBase = roundedTo
        }

        /// The cells an attacker does not know exactly.
        public var hidden: Set<Int> { primary.union(secondary).union(withheld).union(rounded.keys) }
        /// The cells whose count is hidden (`c`).
        public var suppressed: Set<Int> { primary.union(secondary).union(withheld) }
        /// The least value an attacker knows each hidden cell has (1 unless given here).
        public var lowerBounds: [Int: Int] {
            var out = Dictionary(uniqueKeysWithValues: withheld.map { ($0, 0) })
            // Halves round up: a published r means r − base/2 ... r + (base − 1)/2 (r ± 2 for 5; r − 5 ... r + 4 for 10).
            if let base = roundingBase { for (c, r) in rounded { out[c] = max(0, r - base / 2) } }
            return out
        }
        /// The greatest value an attacker knows each rounded cell has.
        public var upperBounds: [Int: Int] {
            guard let base = roundingBase else { return [:] }
            return rounded.mapValues { $0 + (base - 1) / 2 }
        }
    }

    /// - Parameters:
    ///   - headline: cells never hidden to protect another while any other way remains (whole-area and local
    ///     authority totals for each quarter, year and rolling year).
    ///   - breakdownOf: the cells withheld together with a cell instead of hiding its headline: the same breakdown,
    ///     period and area, or a quarter's months (empty for headlines).
    /// - Returns: the hidden cells. When nothing is left to hide around a cell that is still exposed the loop stops;
    ///   `IntervalAudit` (and `dots framework audit`) would then report it. The audit in the test command checks
    ///   the demo and a small partnership find none.
    public func suppress(
        counts: [Int], relations: [CountRelation], headline: (Int) -> Bool, breakdownOf: (Int) -> [Int], roundable: (Int) -> Bool = { _ in false }
    ) -> Outcome {
        var outcome = Outcome(roundedTo: roundTo)
        outcome.primary = Set(counts.indices.filter { counts[$0] >= 1 && counts[$0] <= threshold })
        guard !outcome.primary.isEmpty else { return outcome }
        let audit = IntervalAudit(counts: counts, relations: relations)
        var relationsOf: [Int: [Int]] = [:]
        for (r, rel) in relations.enumerated() {
            for c in [rel.total] + rel.parts { relationsOf[c, default: []].append(r) }
        }
        var cache: [[Int]: Set<Int>] = [:]
        // Cells published again because they were given away exactly anyway: never hidden again.
        var settled: Set<Int> = []
        while true {
            let hidden = outcome.hidden
            // What one relation alone gives away is cheap to find; only when nothing is, solve the linked system.
            // Components already solved are cached by their cells and what is known of each (IntervalAudit).
            var exposed = locallyExposed(counts: counts, relations: relations, hidden: hidden, lowerBounds: outcome.lowerBounds, rounded: outcome.rounded)
            if exposed.isEmpty {
                exposed = audit.exposed(
                    hidden: hidden, lowerBounds: outcome.lowerBounds, upperBounds: outcome.upperBounds, level: protectionLevel, cache: &cache)
            }
            if exposed.isEmpty { break }
            var chosen: Set<Int> = []
            var withhold: Set<Int> = []
            var unhide: Set<Int> = [], stuck: [Int] = [], round: Set<Int> = []
            var componentRelations: [Int: [Int]]? = nil
            for cell in exposed.sorted() {
                // The relations that hold it tightest first: those where it is the only hidden member.
                let rels = (relationsOf[cell] ?? []).sorted { r1, r2 in
                    let h1 = members(relations[r1]).filter { hidden.contains($0) || chosen.contains($0) }.count
                    let h2 = members(relations[r2]).filter { hidden.contains($0) || chosen.contains($0) }.count
                    return (h1, r1) < (h2, r2)
                }
                var picked: Int?
                for r in rels {
                    let open = members(relations[r]).filter {
                        !hidden.contains($0) && !chosen.contains($0) && !withhold.contains($0) && !settled.contains($0) && counts[$0] > 0
                    }
                    if let best = open.filter({ !headline($0) }).min(by: { rank($0, counts) < rank($1, counts) }) {
                        picked = best
                        break
                    }
                }
                if let picked {
                    chosen.insert(picked)
                    continue
                }
                // Only headlines are left to hide: withhold the breakdown instead, if this cell is in one and it is
                // not withheld already; otherwise hide the headline that protects most for least.
                let group = breakdownOf(cell).filter { !settled.contains($0) }
                if !headline(cell), !group.isEmpty, !group.allSatisfy({ outcome.withheld.contains($0) }) {
                    withhold.formUnion(group)
                    continue
                }
                // A headline that may be published rounded protects without being lost.
                if roundTo != nil,
                    let r = rels.compactMap({ r in
                        // Only where even the rounded range stays above the threshold: a rounded 5 would read as a small count.
                        self.members(relations[r]).first { c in
                            roundable(c) && !hidden.contains(c) && !chosen.contains(c) && Self.rounded(counts[c], to: roundTo!) - roundTo! / 2 > self.threshold
                        }
                    }).first
                {
                    round.insert(r)
                    continue
                }
                // Still nothing: the cell is narrowed through relations it is not in itself (a quarter through its
                // year and the other quarters' months). Look across every relation of its linked group, breakdown
                // cells first, then the headlines of its own relations.
                if componentRelations == nil {
                    componentRelations = [:]
                    for component in audit.components(hidden) {
                        for c in component.cells { componentRelations?[c] = component.relations }
                    }
                }
                let wider = componentRelations?[cell] ?? []
                // A rounded headline that turns out not to protect (its months give it away) may still be hidden.
                let open = { (r: Int) in
                    members(relations[r]).filter {
                        (!hidden.contains($0) || outcome.rounded[$0] != nil) && !chosen.contains($0) && !settled.contains($0) && counts[$0] > 0
                    }
                }
                if let best = wider.flatMap(open).filter({ !headline($0) }).min(by: { rank($0, counts) < rank($1, counts) }) {
                    chosen.insert(best)
                } else if let roundTo,
                    let r = (rels + wider).lazy.flatMap({ self.members(relations[$0]) }).first(where: { c in
                        roundable(c) && !hidden.contains(c) && !chosen.contains(c) && !round.contains(c)
                            && Self.rounded(counts[c], to: roundTo) - roundTo / 2 > self.threshold
                    })
                {
                    round.insert(r)
                } else if let best = rels.flatMap(open).min(by: { rank($0, counts) < rank($1, counts) })
                    ?? wider.flatMap(open).min(by: { rank($0, counts) < rank($1, counts) })
                {
                    chosen.insert(best)
                } else if outcome.primary.contains(cell),
                    // A small count comes first: a cell published again earlier may be hidden for it after all.
                    let best = rels.flatMap({ members(relations[$0]) }).filter({ !hidden.contains($0) && !chosen.contains($0) && counts[$0] > 0 })
                        .min(by: { rank($0, counts) < rank($1, counts) })
                {
                    chosen.insert(best)
                } else if !outcome.primary.contains(cell) {
                    stuck.append(cell)
                }
            }
            // Only when nothing more can be hidden: a cell given away exactly whatever is hidden protects nothing,
            // and publishing what an attacker can already work out adds nothing to what they know.
            if chosen.isEmpty, round.isEmpty, withhold.isSubset(of: outcome.withheld) {
                let components = audit.components(hidden)
                for cell in stuck where !settled.contains(cell) {
                    guard let component = components.first(where: { $0.cells.contains(cell) }) else { continue }
                    let solved = audit.solve(
                        component, hidden: hidden, lowerBounds: outcome.lowerBounds, upperBounds: outcome.upperBounds, level: nil)
                    if outcome.rounded[cell] == nil, solved.intervals[cell]?.width == 0 {
                        unhide.insert(cell)
                    }
                }
            }
            if !unhide.isEmpty {
                settled.formUnion(unhide)
                outcome.secondary.subtract(unhide)
                outcome.withheld.subtract(unhide)
                continue
            }
            if chosen.isEmpty && round.isEmpty && withhold.subtracting(outcome.withheld).isEmpty { break }
            if let roundTo { for c in round { outcome.rounded[c] = Self.rounded(counts[c], to: roundTo) } }
            for c in chosen { outcome.rounded[c] = nil }
            outcome.secondary.formUnion(chosen)
            outcome.withheld.formUnion(withhold)
        }
        // Headlines hidden on the way may no longer be needed once later choices (a rounded total, a withheld
        // breakdown) protect the same cells: show each again, largest first, if nothing becomes exposed, or failing
        // that shown rounded if that is enough. A rounded figure gives away less than an exact one, so where showing
        // it rounded would expose something, showing it exactly would too: that is tried first, and alone.
        var exposedNow = audit.exposed(
            hidden: outcome.hidden, lowerBounds: outcome.lowerBounds, upperBounds: outcome.upperBounds, level: protectionLevel, cache: &cache)
        func holds() -> Set<Int>? {
            let after = audit.exposed(
                hidden: outcome.hidden, lowerBounds: outcome.lowerBounds, upperBounds: outcome.upperBounds, level: protectionLevel, cache: &cache)
            return after.isSubset(of: exposedNow) ? after : nil
        }
        for cell in outcome.secondary.filter(headline).sorted(by: { (counts[$0], $0) > (counts[$1], $1) }) {
            outcome.secondary.remove(cell)
            if let roundTo, roundable(cell), Self.rounded(counts[cell], to: roundTo) - roundTo / 2 > threshold {
                outcome.rounded[cell] = Self.rounded(counts[cell], to: roundTo)
                guard let rounded = holds() else {
                    outcome.rounded[cell] = nil
                    outcome.secondary.insert(cell)
                    continue
                }
                exposedNow = rounded
                outcome.rounded[cell] = nil
                if let exact = holds() { exposedNow = exact } else { outcome.rounded[cell] = Self.rounded(counts[cell], to: roundTo) }
            } else if let exact = holds() {
                exposedNow = exact
            } else {
                outcome.secondary.insert(cell)
            }
        }
        // So may other counts (an optimal suppression of the same tables hides far fewer): show each again, largest
        // first, if nothing becomes exposed. Only where its group of hidden cells is small enough to re-check at
        // once (`reshowLimit` cells): a large group's re-check costs more than the freshness of the figures allows.
        guard reshowLimit > 0 else { return outcome }
        var sizeOf: [Int: Int] = [:]
        for component in audit.components(outcome.hidden) { for c in component.cells { sizeOf[c] = component.cells.count } }
        let others = outcome.secondary.union(outcome.withheld).subtracting(outcome.primary).filter { !headline($0) && (sizeOf[$0] ?? .max) <= reshowLimit }
        for cell in others.sorted(by: { (counts[$0], $0) > (counts[$1], $1) }) {
            let wasWithheld = outcome.withheld.remove(cell) != nil
            let wasSecondary = outcome.secondary.remove(cell) != nil
            let after = audit.exposed(
                hidden: outcome.hidden, lowerBounds: outcome.lowerBounds, upperBounds: outcome.upperBounds, level: protectionLevel, cache: &cache)
            if after.isSubset(of: exposedNow) {
                exposedNow = after
            } else {
                if wasWithheld { outcome.withheld.insert(cell) }
                if wasSecondary { outcome.secondary.insert(cell) }
            }
        }
        return outcome
    }

    /// The largest group of hidden cells whose members are offered for showing again; 0 (the default) offers none.
    /// Measured on the demo (BENCHMARKS "Disclosure control"): worth doing, too slow yet for the freshness aim.
    public var reshowLimit = 0

    func members(_ r: CountRelation) -> [Int] { [r.total] + r.parts }

    /// Non-zero hidden cells that one equality alone narrows too far: with its total published, the hidden
    /// parts share what the published parts leave, so each ranges over at most that less the others' least
    /// values (a hidden total with every part published is given away outright).
    func locallyExposed(counts: [Int], relations: [CountRelation], hidden: Set<Int>, lowerBounds: [Int: Int], rounded: [Int: Int]) -> Set<Int> {
        var out: Set<Int> = []
        // A relation with a rounded member is left to the linear programs.
        for r in relations where r.kind == .equal && !members(r).contains(where: { rounded[$0] != nil }) {
            let hiddenParts = r.parts.filter { hidden.contains($0) }
            if hidden.contains(r.total) {
                if hiddenParts.isEmpty, counts[r.total] > 0 { out.insert(r.total) }
                continue
            }
            guard !hiddenParts.isEmpty else { continue }
            let share = hiddenParts.reduce(0) { $0 + counts[$1] }
            let least = hiddenParts.reduce(0) { $0 + (lowerBounds[$1] ?? 1) }
            if share - least < protectionLevel { out.formUnion(hiddenParts.filter { counts[$0] > 0 }) }
        }
        return out
    }

    /// Cells that give cover (at least the protection level) before those that don't, then the smallest.
    func rank(_ c: Int, _ counts: [Int]) -> (Int, Int, Int) { (counts[c] > protectionLevel ? 0 : 1, counts[c], c) }
}
