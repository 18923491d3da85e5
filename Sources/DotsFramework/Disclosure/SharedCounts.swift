import DotsCore
import DotsSDC

/// The same count published by several indicators: missing episodes reported to the police are the numerator of
/// `missing-episodes` and the denominator of `missing-from-care`; children at medium or high risk are the count of
/// `ce-cohort` and the base of two overlap indicators. Protected one indicator at a time, a count hidden in one and
/// published in the other is simply read off the other; so every count that two indicators share is one system,
/// suppressed once, and each indicator publishes its part of the outcome.
public enum SharedCounts {
    /// What one count of an indicator counts, as a key: two counts with the same key count the same rows in the same
    /// way, so their cells with the same period, area, breakdown and group hold the same number. Nil for a count no
    /// other indicator can share (a duration's ended episodes, a snapshot, the numerator of a repeat or overlap).
    public static func key(_ ind: IndicatorSpec, _ quantity: DisclosureSystem.Quantity) -> String? {
        let base = [ind.dataset.rawValue] + ind.filters.map(text)
        func events(_ extra: [String] = []) -> String { (["events"] + (base + extra).sorted()).joined(separator: "|") }
        func people() -> String { (["people"] + base.sorted()).joined(separator: "|") }
        switch (ind.measure, quantity) {
        case (.events, .numerator), (.rate(of: .events), .numerator): return events()
        case (.people, .numerator), (.rate(of: .people), .numerator): return people()
        // An event's numerator is the same events with the numerator's filters as well; a person's is not the
        // same people (their area and age come from their first row, not their first row meeting the filters).
        case (.percentage(let numerator, of: .events), .numerator): return events(numerator.map(text))
        case (.percentage(_, of: .events), .denominator): return events()
        case (.percentage(_, of: .people), .denominator), (.repeats, .denominator), (.overlap, .denominator): return people()
        // The base of a time limit is the events with a start time.
        case (.within(let from, _, _), .denominator): return events(["\(from) recorded"])
        default: return nil
        }
    }

    static func text(_ f: FilterSpec) -> String {
        switch f {
        case .values(let field, let values): "\(field)=\(values.sorted().joined(separator: ","))"
        case .age(let lo, let hi): "age=\(lo)-\(hi)"
        case .agencyKind(let kinds): "agency_kind=\(kinds.sorted().joined(separator: ","))"
        }
    }

    /// Several indicators' systems of one shared count, as one: every cell once (by its period, area, breakdown,
    /// group and statistic), every relation of each. Nil when the counts of a cell differ between them (then they
    /// are not the same count after all, and each is protected on its own).
    public static func merge(_ members: [(cells: [IndicatorCell], system: DisclosureSystem)]) -> Merged? {
        var index: [String: Int] = [:]
        var cells: [IndicatorCell] = [], labels: [String] = [], counts: [Int] = []
        var maps: [[Int]] = []
        for (memberCells, system) in members {
            var map: [Int] = []
            for (i, label) in system.labels.enumerated() {
                if let j = index[label] {
                    guard counts[j] == system.counts[i] else { return nil }
                    map.append(j)
                } else {
                    index[label] = labels.count
                    map.append(labels.count)
                    labels.append(label)
                    counts.append(system.counts[i])
                    cells.append(memberCells[i])
                }
            }
            maps.append(map)
        }
        var seen: Set<String> = []
        var relations: [CountRelation] = []
        for (k, member) in members.enumerated() {
            for r in member.system.relations {
                let mapped = CountRelation(total: maps[k][r.total], parts: r.parts.map { maps[k][$0] }.sorted(), kind: r.kind)
                if seen.insert("\(mapped.kind)|\(mapped.total)|\(mapped.parts)").inserted { relations.append(mapped) }
            }
        }
        let first = members[0].system
        var system = first
        system.labels = labels
        system.counts = counts
        system.relations = relations
        system.sharedBy = members.map { "\($0.system.indicatorID) \($0.system.quantity.rawValue)" }
        return Merged(cells: cells, system: system, maps: maps)
    }

    /// One system made of several indicators' shared count, and where each member's cells sit in it.
    public struct Merged: Sendable {
        public var cells: [IndicatorCell]
        public var system: DisclosureSystem
        /// For each member, its cell i is cell `maps[member][i]` of the merged system.
        public var maps: [[Int]]

        /// Member `k`'s system with the merged system's suppressions.
        public func part(_ k: Int, of member: DisclosureSystem) -> DisclosureSystem {
            let map = maps[k]
            func back(_ list: [Int]) -> [Int] {
                let set = Set(list)
                return map.indices.filter { set.contains(map[$0]) }
            }
            var out = member
            out.primary = back(system.primary)
            out.secondary = back(system.secondary)
            out.withheld = back(system.withheld)
            out.rounded = back(system.rounded)
            out.roundTo = out.rounded.isEmpty ? nil : system.roundTo
            out.sharedBy = system.sharedBy
            return out
        }
    }
}
