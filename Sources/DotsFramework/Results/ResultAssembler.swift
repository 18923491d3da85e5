import DotsCore

/// Turns the SQL's counts into an indicator's figures: sums monthly counts into longer periods, fills groups
/// with no rows as true zeros, and computes rates and percentages (in Swift, from exact integer counts).
public struct ResultAssembler: Sendable {
    public let indicator: IndicatorSpec
    public let population: PopulationEstimates

    public init(indicator: IndicatorSpec, population: PopulationEstimates) {
        self.indicator = indicator
        self.population = population
    }

    struct Key: Hashable { var scope, breakdown, group, stat: String }

    public func assemble(
        _ raw: [RawCell], grain: CompiledIndicator.Grain, periods: [ReportingPeriod], groups: [String: [String]],
        unavailable: [String: String] = [:]
    ) -> [IndicatorCell] {
        var byPeriod: [String: [Key: RawCell]] = [:]
        if grain == .month {
            var months: [Int: [Key: RawCell]] = [:]
            for r in raw { if let m = Int(r.period) { months[m, default: [:]][Key(scope: r.scope, breakdown: r.breakdown, group: r.group, stat: r.stat)] = r } }
            for p in periods {
                var sum: [Key: RawCell] = [:]
                for m in p.months {
                    for (k, r) in months[m] ?? [:] {
                        var s =
                            sum[k] ?? RawCell(period: p.label, scope: k.scope, breakdown: k.breakdown, group: k.group, stat: k.stat, num: 0, den: 0, val: nil)
                        s.num += r.num
                        s.den = (s.den ?? 0) + (r.den ?? 0)
                        sum[k] = s
                    }
                }
                byPeriod[p.label] = sum
            }
        } else {
            for r in raw { byPeriod[r.period, default: [:]][Key(scope: r.scope, breakdown: r.breakdown, group: r.group, stat: r.stat)] = r }
        }
        var out: [IndicatorCell] = []
        for p in periods {
            let cells = byPeriod[p.label] ?? [:]
            for key in keys(present: Array(cells.keys), groups: groups) where key.breakdown != Breakdown.lsoa.rawValue || Self.hasLSOAs(p) {
                if let reason = unavailable[p.label] {
                    out.append(
                        IndicatorCell(
                            indicatorID: indicator.id, period: p, scope: key.scope, breakdown: key.breakdown, group: key.group,
                            stat: key.stat, numerator: nil, denominator: nil, value: nil, status: .notAvailable, note: reason))
                    continue
                }
                out.append(cell(p, key, cells[key]))
            }
        }
        return out
    }

    /// Every cell to report: those with rows, plus every known group of each breakdown in each scope, so an
    /// empty group is a visible zero rather than a missing line.
    func keys(present: [Key], groups: [String: [String]]) -> [Key] {
        if case .duration = indicator.measure {
            return present.sorted { ($0.scope, $0.breakdown, $0.group, $0.stat) < ($1.scope, $1.breakdown, $1.group, $1.stat) }
        }
        var all = Set(present)
        let scopes = ["all", ReferenceGeography.staffordshire.code, ReferenceGeography.stokeOnTrent.code]
        for scope in scopes {
            all.insert(Key(scope: scope, breakdown: "total", group: "all", stat: "value"))
            for (breakdown, list) in groups {
                for g in list where Self.group(g, breakdown: breakdown, fitsScope: scope) {
                    all.insert(Key(scope: scope, breakdown: breakdown, group: g, stat: "value"))
                }
            }
        }
        return all.sorted { ($0.scope, $0.breakdown, $0.group, $0.stat) < ($1.scope, $1.breakdown, $1.group, $1.stat) }
    }

    /// Figures by LSOA are given for financial years only: a month's or a quarter's would be almost all hidden as
    /// small numbers, and each period adds some two cells for every LSOA to the run.
    public static func hasLSOAs(_ p: ReportingPeriod) -> Bool { p.kind == .financialYear }

    /// A district belongs to one local authority (and an LSOA to its district's): in another's scope it is
    /// structurally empty, not zero.
    static func group(_ group: String, breakdown: String, fitsScope scope: String) -> Bool {
        guard scope != "all", group != BreakdownColumn.unknown else { return true }
        switch breakdown {
        case Breakdown.district.rawValue, Breakdown.la.rawValue: return ReferenceGeography.localAuthority(of: group)?.code == scope
        case Breakdown.lsoa.rawValue: return SmallAreas.parts(of: group).flatMap { ReferenceGeography.localAuthority(of: $0.district)?.code } == scope
        default: return true
        }
    }

    func cell(_ p: ReportingPeriod, _ k: Key, _ r: RawCell?) -> IndicatorCell {
        let num = r?.num ?? 0, den = r?.den ?? 0
        func make(_ value: Double?, den: Int? = nil, status: IndicatorCell.Status = .ok, note: String? = nil) -> IndicatorCell {
            IndicatorCell(
                indicatorID: indicator.id, period: p, scope: k.scope, breakdown: k.breakdown, group: k.group, stat: k.stat,
                numerator: num, denominator: den, value: value, status: status, note: note)
        }
        switch indicator.measure {
        case .events, .people, .snapshot:
            return make(Double(num))
        case .repeats:
            return make(Double(num), den: den)
        case .rate:
            guard let children = denominator(scope: k.scope, breakdown: k.breakdown, group: k.group), children > 0 else {
                return make(nil, status: .notAvailable, note: "no ONS population estimate for this group")
            }
            return make(Double(num) / Double(children) * 10_000, den: children)
        case .percentage, .within, .overlap:
            guard den > 0 else { return make(nil, den: 0, status: .notApplicable, note: "nothing to take a percentage of") }
            return make(Double(num) / Double(den) * 100, den: den)
        case .duration:
            return make(r?.val, den: nil)
        }
    }

    /// Children aged 0-17 (or the indicator's age filter, within 0-17) in the scope and group.
    func denominator(scope: String, breakdown: String, group: String) -> Int? {
        var ages = 0...17
        for case .age(let lo, let hi) in indicator.filters {
            guard lo <= 17 else { return nil }
            ages = max(lo, 0)...min(hi, 17)
        }
        var areas: [String]
        switch scope {
        case "all": areas = ReferenceGeography.localAreas.map(\.code)
        case BreakdownColumn.unknown: return nil
        default: areas = ReferenceGeography.localAreas.map(\.code).filter { ReferenceGeography.localAuthority(of: $0)?.code == scope }
        }
        switch breakdown {
        case "total": break
        case Breakdown.district.rawValue:
            guard areas.contains(group) else { return nil }
            areas = [group]
        case Breakdown.ageBand.rawValue:
            let bands = ["0-9": 0...9, "10-13": 10...13, "14-15": 14...15, "16-17": 16...17]
            guard let band = bands[group], band.overlaps(ages) else { return nil }
            ages = max(band.lowerBound, ages.lowerBound)...min(band.upperBound, ages.upperBound)
        default:
            return nil
        }
        return population.children(in: areas, ages: ages)
    }
}
