import DotsCore
import Foundation

/// Primary and secondary suppression of an indicator's figures, so that no hidden count can be recovered from
/// the totals, from breakdowns that add up to a total, or from months that add up to a quarter or year.
public struct DisclosureControl: Sendable {
    public let policy: DisclosurePolicy

    public init(policy: DisclosurePolicy = .standard) { self.policy = policy }

    /// A set of cells whose counts add up: `total` = the sum of `parts`.
    public struct Relation: Sendable, Equatable {
        public let total: Int
        public let parts: [Int]
    }

    /// Which cells (by index) must be hidden: small counts, then, until no relation has exactly one hidden cell,
    /// the smallest other count in any relation that would give a hidden cell away.
    public func suppressed(counts: [Int], relations: [Relation]) -> (primary: Set<Int>, secondary: Set<Int>) {
        let primary = Set(counts.indices.filter { counts[$0] >= 1 && counts[$0] <= policy.threshold })
        var hidden = primary
        var changed = true
        while changed {
            changed = false
            for r in relations {
                let members = [r.total] + r.parts
                guard members.filter({ hidden.contains($0) }).count == 1 else { continue }
                // Hide another member: the smallest non-zero one (a hidden zero protects nothing), parts before the total.
                let candidates = members.filter { !hidden.contains($0) && counts[$0] > 0 }
                guard let pick = candidates.min(by: { (counts[$0], $0 == r.total ? 1 : 0, $0) < (counts[$1], $1 == r.total ? 1 : 0, $1) }) else { continue }
                hidden.insert(pick)
                changed = true
            }
        }
        return (primary, hidden.subtracting(primary))
    }

    /// The relations among one indicator's cells: in each period, scope and breakdown, the groups add up to the
    /// total; the local authorities (and `unknown`) add up to the whole area; and for counts made by the month,
    /// months add up to the quarters, years and rolling years that contain them.
    public static func relations(_ cells: [IndicatorCell], additiveBreakdowns: Set<String>, additiveInTime: Bool) -> [Relation] {
        var index: [String: Int] = [:]
        func key(_ c: IndicatorCell) -> String { "\(c.period)|\(c.scope)|\(c.breakdown)|\(c.group)|\(c.stat)" }
        for (i, c) in cells.enumerated() { index[key(c)] = i }
        var relations: [Relation] = []
        var groups: [String: [Int]] = [:], scopes: [String: [Int]] = [:]
        for (i, c) in cells.enumerated() where c.stat == "value" {
            if c.breakdown != "total", additiveBreakdowns.contains(c.breakdown) {
                groups["\(c.period)|\(c.scope)|\(c.breakdown)", default: []].append(i)
            }
            if c.scope != "all" { scopes["\(c.period)|\(c.breakdown)|\(c.group)", default: []].append(i) }
        }
        for (k, parts) in groups {
            let f = k.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let t = index["\(f[0])|\(f[1])|total|all|value"] { relations.append(Relation(total: t, parts: parts.sorted())) }
        }
        for (k, parts) in scopes {
            let f = k.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let t = index["\(f[0])|all|\(f[1])|\(f[2])|value"] { relations.append(Relation(total: t, parts: parts.sorted())) }
        }
        if additiveInTime {
            let months = Dictionary(grouping: cells.indices.filter { cells[$0].periodKind == PeriodKind.month.rawValue }) { i in
                "\(cells[i].scope)|\(cells[i].breakdown)|\(cells[i].group)|\(cells[i].stat)"
            }
            for (i, c) in cells.enumerated() where c.periodKind != PeriodKind.month.rawValue {
                let parts = (months["\(c.scope)|\(c.breakdown)|\(c.group)|\(c.stat)"] ?? []).filter {
                    cells[$0].periodStart >= c.periodStart && cells[$0].periodEnd <= c.periodEnd
                }
                let expected = (c.periodEnd.yearMonth.index - c.periodStart.yearMonth.index) + 1
                if parts.count == expected { relations.append(Relation(total: i, parts: parts.sorted())) }
            }
        }
        return relations.sorted { ($0.total, $0.parts.first ?? 0) < ($1.total, $1.parts.first ?? 0) }
    }

    /// Publishes one indicator's cells.
    public func publish(_ cells: [IndicatorCell], measure: MeasureSpec, additiveBreakdowns: Set<String>, monthly: Bool) -> [PublishedCell] {
        let relations = Self.relations(cells, additiveBreakdowns: additiveBreakdowns, additiveInTime: monthly)
        let nums = cells.map { $0.status == .ok ? ($0.numerator ?? 0) : 0 }
        let hiddenNum = suppressed(counts: nums, relations: relations)
        // Denominators that are counts of people or events are protected the same way.
        var hiddenDen: (primary: Set<Int>, secondary: Set<Int>) = ([], [])
        let countDenominators: Bool
        switch measure {
        case .percentage, .within, .overlap, .repeats: countDenominators = true
        default: countDenominators = false
        }
        if countDenominators { hiddenDen = suppressed(counts: cells.map { $0.status == .ok ? ($0.denominator ?? 0) : 0 }, relations: relations) }
        return cells.enumerated().map { i, c in
            publishOne(
                c, numHidden: hiddenNum.primary.contains(i) ? "primary" : hiddenNum.secondary.contains(i) ? "secondary" : nil,
                denHidden: hiddenDen.primary.contains(i) || hiddenDen.secondary.contains(i), countDenominators: countDenominators, measure: measure)
        }
    }

    func publishOne(_ c: IndicatorCell, numHidden: String?, denHidden: Bool, countDenominators: Bool, measure: MeasureSpec) -> PublishedCell {
        switch c.status {
        case .notAvailable:
            return PublishedCell(
                cell: c, numerator: Symbol.notAvailable.rawValue, denominator: Symbol.notAvailable.rawValue, value: Symbol.notAvailable.rawValue,
                suppression: nil)
        case .notApplicable:
            return PublishedCell(
                cell: c, numerator: show(c.numerator, c), denominator: show(c.denominator, c), value: Symbol.notApplicable.rawValue, suppression: nil)
        case .ok: break
        }
        let hideNum = numHidden != nil
        let num = hideNum ? Symbol.confidential.rawValue : show(c.numerator, c)
        let den = !countDenominators ? (c.denominator.map(String.init) ?? "") : denHidden ? Symbol.confidential.rawValue : show(c.denominator, c)
        var value: String
        var reason = numHidden
        switch measure {
        case .events, .people, .snapshot, .repeats:
            value = num
        case .rate, .percentage, .within, .overlap:
            let base = c.denominator ?? 0
            if hideNum || denHidden || base < policy.minimumBase {
                value = Symbol.confidential.rawValue
                if reason == nil { reason = "base" }
            } else {
                value = c.value.map { String(format: "%.1f", $0) } ?? Symbol.notAvailable.rawValue
            }
        case .duration:
            // Medians and percentiles only where based on enough people.
            if (c.numerator ?? 0) < policy.minimumBase {
                value = Symbol.confidential.rawValue
                reason = "base"
            } else {
                value = c.value.map { String(format: "%.1f", $0) } ?? Symbol.notAvailable.rawValue
            }
        }
        return PublishedCell(cell: c, numerator: num, denominator: den, value: value, suppression: reason)
    }

    /// A count as published: exact, or rounded when it is a partnership-wide total and the policy rounds those.
    func show(_ n: Int?, _ c: IndicatorCell) -> String {
        guard let n else { return "" }
        if let r = policy.roundTotalsTo, r > 1, c.scope == "all", c.breakdown == "total" {
            return String(Int((Double(n) / Double(r)).rounded()) * r)
        }
        return String(n)
    }
}
