import DotsCore
import DotsSDC
import Foundation

/// Primary and secondary suppression of an indicator's figures, so that no hidden count can be recovered from
/// the totals, from breakdowns that add up to a total, or from months that add up to a quarter or year.
public struct DisclosureControl: Sendable {
    public let policy: DisclosurePolicy

    public init(policy: DisclosurePolicy = .standard) { self.policy = policy }

    /// A set of cells whose counts add up (see `CountRelation`).
    public typealias Relation = CountRelation

    /// The method before December 2026, kept so the audit can show what it leaked: small counts, then, until no
    /// relation has exactly one hidden cell, the smallest other count in any relation that would give one away.
    /// It looks at one relation at a time, so a hidden cell can still be narrowed from several together.
    public func greedySuppressed(counts: [Int], relations: [Relation]) -> (primary: Set<Int>, secondary: Set<Int>) {
        let primary = Set(counts.indices.filter { counts[$0] >= 1 && counts[$0] <= policy.threshold })
        var hidden = primary
        var changed = true
        while changed {
            changed = false
            for r in relations {
                let members = [r.total] + r.parts
                guard members.filter({ hidden.contains($0) }).count == 1 else { continue }
                let candidates = members.filter { !hidden.contains($0) && counts[$0] > 0 }
                guard let pick = candidates.min(by: { (counts[$0], $0 == r.total ? 1 : 0, $0) < (counts[$1], $1 == r.total ? 1 : 0, $1) }) else { continue }
                hidden.insert(pick)
                changed = true
            }
        }
        return (primary, hidden.subtracting(primary))
    }

    /// The hidden cells of one count over an indicator's cells, by the policy's method.
    public func suppression(counts: [Int], relations: [Relation], cells: [IndicatorCell]) -> LinkedSuppression.Outcome {
        switch policy.method {
        case .greedy:
            let (p, s) = greedySuppressed(counts: counts, relations: relations)
            return LinkedSuppression.Outcome(primary: p, secondary: s, withheld: [])
        case .linked:
            // A breakdown's cells, or a quarter's months: what is withheld together to keep the figure above them.
            var breakdowns: [String: [Int]] = [:]
            func key(_ c: IndicatorCell) -> String {
                if c.periodKind == PeriodKind.month.rawValue {
                    let quarter = (c.periodStart.yearMonth.index - 3) / 3
                    return "months of \(quarter)|\(c.scope)|\(c.breakdown)|\(c.group)|\(c.stat)"
                }
                // A district's LSOAs are withheld together, not every LSOA of the partnership.
                if c.breakdown == Breakdown.lsoa.rawValue, let d = SmallAreas.parts(of: c.group)?.district {
                    return "\(c.period)|\(c.scope)|\(c.breakdown) in \(d)|\(c.stat)"
                }
                return "\(c.period)|\(c.scope)|\(c.breakdown)|\(c.stat)"
            }
            for (i, c) in cells.enumerated() where c.breakdown != "total" || c.periodKind == PeriodKind.month.rawValue {
                breakdowns[key(c), default: []].append(i)
            }
            var method = LinkedSuppression(threshold: policy.threshold, protectionLevel: policy.protectionLevel, roundTo: policy.roundToProtect)
            method.reshowLimit = policy.reshowLimit
            return method.suppress(
                counts: counts, relations: relations, headline: { Self.isHeadline(cells[$0]) }, breakdownOf: { breakdowns[key(cells[$0])] ?? [] },
                roundable: { Self.isHeadline(cells[$0]) })
        }
    }

    /// Whole-area and local authority totals for a quarter, year or rolling year: what a board reads first, hidden
    /// only when nothing else can protect a small count. A month is a breakdown of its quarter in time: where
    /// one would have to be hidden to protect another, the quarter's months are withheld and the quarter shown.
    public static func isHeadline(_ c: IndicatorCell) -> Bool {
        c.breakdown == "total" && c.scope != "unknown" && c.periodKind != PeriodKind.month.rawValue
    }

    /// The relations among one indicator's cells: in each period, scope and breakdown, the groups add up to the
    /// total; the local authorities (and `unknown`) add up to the whole area; a district's LSOAs (with its
    /// "LSOA not recorded") add up to the district; and for counts made by the month, months add up to the
    /// quarters, years and rolling years that contain them.
    public static func relations(_ cells: [IndicatorCell], additiveBreakdowns: Set<String>, additiveInTime: Bool) -> [Relation] {
        var index: [String: Int] = [:]
        func key(_ c: IndicatorCell) -> String { "\(c.period)|\(c.scope)|\(c.breakdown)|\(c.group)|\(c.stat)" }
        for (i, c) in cells.enumerated() { index[key(c)] = i }
        var relations: [Relation] = []
        var groups: [String: [Int]] = [:], scopes: [String: [Int]] = [:], inDistricts: [String: [Int]] = [:]
        // Percentiles of one group share its count: the count is one quantity, published once per statistic.
        var firstStat: [String: Int] = [:]
        for (i, c) in cells.enumerated() {
            if c.breakdown != "total", additiveBreakdowns.contains(c.breakdown) {
                groups["\(c.period)|\(c.scope)|\(c.breakdown)|\(c.stat)", default: []].append(i)
            }
            if c.breakdown == Breakdown.lsoa.rawValue, let district = SmallAreas.parts(of: c.group)?.district {
                inDistricts["\(c.period)|\(c.scope)|\(Breakdown.district.rawValue)|\(district)|\(c.stat)", default: []].append(i)
            }
            if c.scope != "all" { scopes["\(c.period)|\(c.breakdown)|\(c.group)|\(c.stat)", default: []].append(i) }
            let same = "\(c.period)|\(c.scope)|\(c.breakdown)|\(c.group)"
            if let first = firstStat[same] { relations.append(Relation(total: first, parts: [i])) } else { firstStat[same] = i }
        }
        for (k, parts) in groups {
            let f = k.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let t = index["\(f[0])|\(f[1])|total|all|\(f[3])"] { relations.append(Relation(total: t, parts: parts.sorted())) }
        }
        for (k, parts) in scopes {
            let f = k.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let t = index["\(f[0])|all|\(f[1])|\(f[2])|\(f[3])"] { relations.append(Relation(total: t, parts: parts.sorted())) }
        }
        for (k, parts) in inDistricts {
            if let t = index[k] { relations.append(Relation(total: t, parts: parts.sorted())) }
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

    /// The counts of one indicator that disclosure control protects, each as one system of linked cells: the
    /// numerators, and the denominators where they are counts of people or events.
    public func systems(_ cells: [IndicatorCell], measure: MeasureSpec, additiveBreakdowns: Set<String>, monthly: Bool) -> [DisclosureSystem] {
        unsuppressedSystems(cells, measure: measure, additiveBreakdowns: additiveBreakdowns, monthly: monthly).map { suppressed($0, cells: cells) }
    }

    /// As `systems`, before anything is hidden: the counts and their relations.
    public func unsuppressedSystems(_ cells: [IndicatorCell], measure: MeasureSpec, additiveBreakdowns: Set<String>, monthly: Bool) -> [DisclosureSystem] {
        let relations = Self.relations(cells, additiveBreakdowns: additiveBreakdowns, additiveInTime: monthly)
        func system(_ quantity: DisclosureSystem.Quantity, _ counts: [Int]) -> DisclosureSystem {
            DisclosureSystem(
                indicatorID: cells.first?.indicatorID ?? "", quantity: quantity, labels: cells.map(DisclosureSystem.label), counts: counts,
                relations: relations.map { $0.holding(in: counts) }, primary: [], secondary: [], withheld: [])
        }
        var out = [system(.numerator, cells.map { $0.status == .ok ? ($0.numerator ?? 0) : 0 })]
        if Self.countsDenominators(measure) { out.append(system(.denominator, cells.map { $0.status == .ok ? ($0.denominator ?? 0) : 0 })) }
        return out
    }

    /// A system with its suppressions chosen; `cells` are its cells (what is a headline, what a breakdown).
    public func suppressed(_ system: DisclosureSystem, cells: [IndicatorCell]) -> DisclosureSystem {
        let outcome = suppression(counts: system.counts, relations: system.relations, cells: cells)
        var out = system
        out.primary = outcome.primary.sorted()
        out.secondary = outcome.secondary.sorted()
        out.withheld = outcome.withheld.sorted()
        out.rounded = outcome.rounded.keys.sorted()
        out.roundTo = outcome.rounded.isEmpty ? nil : policy.roundToProtect
        return out
    }

    /// Denominators that are counts of people or events are protected like numerators (a rate's is a population).
    static func countsDenominators(_ measure: MeasureSpec) -> Bool {
        switch measure {
        case .percentage, .within, .overlap, .repeats: true
        default: false
        }
    }

    /// Publishes one indicator's cells.
    public func publish(_ cells: [IndicatorCell], measure: MeasureSpec, additiveBreakdowns: Set<String>, monthly: Bool) -> [PublishedCell] {
        publish(cells, measure: measure, systems: systems(cells, measure: measure, additiveBreakdowns: additiveBreakdowns, monthly: monthly))
    }

    /// Publishes one indicator's cells with the suppressions already chosen for its systems.
    public func publish(_ cells: [IndicatorCell], measure: MeasureSpec, systems: [DisclosureSystem]) -> [PublishedCell] {
        let num = systems.first { $0.quantity == .numerator }
        let den = systems.first { $0.quantity == .denominator }
        let primary = Set(num?.primary ?? []), withheld = Set(num?.withheld ?? []), secondary = Set(num?.secondary ?? [])
        let denHidden = Set(den?.outcome.suppressed ?? [])
        let numRounded = num?.outcome.rounded ?? [:], denRounded = den?.outcome.rounded ?? [:]
        return cells.enumerated().map { i, c in
            let reason = primary.contains(i) ? "primary" : withheld.contains(i) ? "withheld" : secondary.contains(i) ? "secondary" : nil
            var cell = c
            // A rounded count is published as rounded, and a rate or percentage worked out from what is published.
            if c.status == .ok, numRounded[i] != nil || denRounded[i] != nil {
                let n = numRounded[i] ?? c.numerator ?? 0, d = denRounded[i] ?? c.denominator ?? 0
                if let v = c.value, let n0 = c.numerator, let d0 = c.denominator, n0 > 0, d > 0, d0 > 0 {
                    cell.value = v * Double(n) / Double(n0) * Double(d0) / Double(d)
                }
                cell.numerator = n
                cell.denominator = c.denominator == nil ? nil : d
            }
            var published = publishOne(cell, numHidden: reason, denHidden: denHidden.contains(i), countDenominators: den != nil, measure: measure)
            if reason == nil, numRounded[i] != nil || denRounded[i] != nil {
                published.cell = c
                published.suppression = "rounded"
            }
            return published
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
