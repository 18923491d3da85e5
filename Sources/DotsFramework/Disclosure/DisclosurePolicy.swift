/// The rules for any figure that leaves the analyst role, after DfE/GSS practice (see docs/disclosure-control.md).
public struct DisclosurePolicy: Sendable, Equatable, Codable {
    /// Counts from 1 to this are shown as `c` (0 is a true zero and is shown).
    public var threshold: Int = 5
    /// Rates, percentages and medians are withheld when their base is below this.
    public var minimumBase: Int = 10
    /// Round the partnership-wide totals to this (5 or 10); nil leaves them exact.
    public var roundTotalsTo: Int? = nil

    public init(threshold: Int = 5, minimumBase: Int = 10, roundTotalsTo: Int? = nil) {
        self.threshold = threshold
        self.minimumBase = minimumBase
        self.roundTotalsTo = roundTotalsTo
    }

    public static let standard = DisclosurePolicy()
}

/// GSS symbols for figures that are not shown.
public enum Symbol: String, Sendable, Codable {
    /// Confidential: suppressed to protect a small count, or so one cannot be worked out.
    case confidential = "c"
    /// Not applicable.
    case notApplicable = "z"
    /// Not available.
    case notAvailable = ":"
}

/// A figure as published: exactly what a strategic lead or a public report may see.
public struct PublishedCell: Sendable, Equatable, Codable {
    public var cell: IndicatorCell
    public var numerator: String
    public var denominator: String
    public var value: String
    /// Why it is hidden, when it is: `primary` (a small count), `secondary` (protects another cell), `base`.
    public var suppression: String?
}
