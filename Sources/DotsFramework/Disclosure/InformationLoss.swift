import DotsCore
import DotsSDC

/// What disclosure control cost and whether it held, for one system or a whole run: the figures
/// `dots framework audit` reports and BENCHMARKS.md compares between methods.
public struct InformationLoss: Sendable, Codable, Equatable {
    /// Cells with a count above zero (zeros are always shown).
    public var nonZeroCells = 0
    public var primary = 0
    public var secondary = 0
    /// Cells of breakdowns withheld to keep their headline (zeros included).
    public var withheld = 0
    /// Whole-area and local authority totals published rounded instead of hidden.
    public var rounded = 0
    /// Whole-area and local authority totals for quarters, years and rolling years hidden although above the
    /// threshold.
    public var headlinesHiddenAboveThreshold = 0
    /// The same for single months (withheld with their quarter's other months rather than hide the quarter).
    public var monthlyTotalsHiddenAboveThreshold = 0
    /// The sum of the counts hidden by secondary suppression and withholding (smaller is better).
    public var countHiddenToProtect = 0
    /// Hidden cells an attacker can narrow to less than the protection level (must be 0).
    public var exposed = 0

    public init() {}

    public init(_ system: DisclosureSystem, cells: [IndicatorCell], threshold: Int, protectionLevel: Int) {
        nonZeroCells = system.counts.filter { $0 > 0 }.count
        primary = system.primary.count
        let primarySet = Set(system.primary)
        let suppressed = system.outcome.suppressed
        let protecting = suppressed.subtracting(primarySet)
        rounded = system.rounded.count
        withheld = Set(system.withheld).subtracting(primarySet).count
        secondary = protecting.count - withheld
        headlinesHiddenAboveThreshold = suppressed.filter { system.counts[$0] > threshold && DisclosureControl.isHeadline(cells[$0]) }.count
        monthlyTotalsHiddenAboveThreshold =
            suppressed.filter {
                system.counts[$0] > threshold && cells[$0].breakdown == "total" && cells[$0].scope != "unknown"
                    && cells[$0].periodKind == PeriodKind.month.rawValue
            }.count
        countHiddenToProtect = protecting.reduce(0) { $0 + system.counts[$1] }
        exposed = system.exposed(level: protectionLevel).count
    }

    public static func + (a: Self, b: Self) -> Self {
        var s = a
        s.nonZeroCells += b.nonZeroCells
        s.primary += b.primary
        s.secondary += b.secondary
        s.withheld += b.withheld
        s.rounded += b.rounded
        s.headlinesHiddenAboveThreshold += b.headlinesHiddenAboveThreshold
        s.monthlyTotalsHiddenAboveThreshold += b.monthlyTotalsHiddenAboveThreshold
        s.countHiddenToProtect += b.countHiddenToProtect
        s.exposed += b.exposed
        return s
    }
}
