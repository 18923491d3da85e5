import DotsSDC

/// One count of one indicator as disclosure control sees it: every cell's true value, the relations that tie
/// them (parts add up to totals), and which cells are hidden. The interval audit reads it; so does
/// `scripts/disclosure-audit`, which checks the same system with HiGHS (`dots framework audit --systems FILE`).
public struct DisclosureSystem: Sendable, Codable, Equatable {
    public enum Quantity: String, Sendable, Codable { case numerator, denominator }

    public var indicatorID: String
    public var quantity: Quantity
    /// `period|scope|breakdown|group|stat` for each cell, to name one in a finding.
    public var labels: [String]
    public var counts: [Int]
    public var relations: [DisclosureControl.Relation]
    public var primary: [Int]
    public var secondary: [Int]
    /// Cells of withheld breakdowns (zeros included): an attacker knows only that they are at least 0.
    public var withheld: [Int]
    /// Cells published rounded to `roundTo` instead of hidden (whole-area and local authority totals): an attacker knows them to
    /// within half of it.
    public var rounded: [Int] = []
    public var roundTo: Int? = nil
    /// Where the count is shared with other indicators (`SharedCounts`): every indicator and quantity of the one
    /// system it was protected in, as "indicator numerator" or "indicator denominator".
    public var sharedBy: [String]? = nil

    /// The outcome these lists describe.
    public var outcome: LinkedSuppression.Outcome {
        LinkedSuppression.Outcome(
            primary: Set(primary), secondary: Set(secondary), withheld: Set(withheld),
            rounded: Dictionary(uniqueKeysWithValues: rounded.map { ($0, LinkedSuppression.rounded(counts[$0], to: roundTo ?? 1)) }), roundedTo: roundTo)
    }
    /// Cells whose count is not shown exactly (hidden or rounded).
    public var hidden: Set<Int> { outcome.hidden }
    public var lowerBounds: [Int: Int] { outcome.lowerBounds }
    public var upperBounds: [Int: Int] { outcome.upperBounds }

    static func label(_ c: IndicatorCell) -> String { "\(c.period)|\(c.scope)|\(c.breakdown)|\(c.group)|\(c.stat)" }

    /// Hidden cells an attacker can narrow to less than `level`, with the interval they can narrow each to.
    public func exposed(level: Int) -> [(cell: Int, interval: IntervalAudit.Interval)] {
        let audit = IntervalAudit(counts: counts, relations: relations)
        let cells = audit.exposed(hidden: hidden, lowerBounds: lowerBounds, upperBounds: upperBounds, level: level)
        guard !cells.isEmpty else { return [] }
        let intervals = audit.intervals(hidden: hidden, lowerBounds: lowerBounds, upperBounds: upperBounds)
        return cells.sorted().map { ($0, intervals[$0] ?? IntervalAudit.Interval(lower: counts[$0], upper: counts[$0])) }
    }
}
