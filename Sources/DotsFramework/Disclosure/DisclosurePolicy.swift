/// The rules for any figure that leaves the analyst role, after DfE/GSS practice (see docs/disclosure-control.md).
public struct DisclosurePolicy: Sendable, Equatable, Codable {
    /// Counts from 1 to this are shown as `c` (0 is a true zero and is shown).
    public var threshold: Int = 5
    /// Rates, percentages and medians are withheld when their base is below this.
    public var minimumBase: Int = 10
    /// Round the partnership-wide totals to this (5 or 10); nil leaves them exact.
    public var roundTotalsTo: Int? = nil
    /// No hidden count may be narrowed, from everything published with it, to an interval narrower than this.
    public var protectionLevel: Int = 3
    /// How secondary cells are chosen.
    public var method: Method = .linked
    /// Where a whole-area or local authority total would otherwise be hidden to protect a small count, publish it
    /// rounded to this instead, if that protects it (nil hides it).
    public var roundToProtect: Int? = 5
    /// Experimental, off (0): after suppression, offer hidden counts for showing again where their group of hidden
    /// cells has at most this many (`dots framework audit --reshow N` measures it; see BENCHMARKS.md).
    public var reshowLimit = 0

    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Every relation of an indicator at once, checked by the interval audit (see `LinkedSuppression`).
        case linked
        /// The method before December 2026, one relation at a time; it leaks (kept so the audit can show it).
        case greedy
    }

    public init(
        threshold: Int = 5, minimumBase: Int = 10, roundTotalsTo: Int? = nil, protectionLevel: Int = 3, method: Method = .linked,
        roundToProtect: Int? = 5
    ) {
        self.threshold = threshold
        self.minimumBase = minimumBase
        self.roundTotalsTo = roundTotalsTo
        self.protectionLevel = protectionLevel
        self.method = method
        self.roundToProtect = roundToProtect
    }

    /// In words, as recorded with published figures.
    public var summary: String {
        var parts = [
            "counts from 1 to \(threshold) hidden", "no hidden count can be narrowed to a range of less than \(protectionLevel)",
            "rates, percentages and medians shown only for at least \(minimumBase)",
        ]
        if let roundToProtect {
            parts.append("a whole-area or local authority total that would give a small count away is rounded to the nearest \(roundToProtect)")
        }
        if let roundTotalsTo { parts.append("partnership totals rounded to the nearest \(roundTotalsTo)") }
        return parts.joined(separator: "; ")
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
    /// Why it is hidden, when it is: `primary` (a small count), `secondary` (protects another cell), `withheld`
    /// (a breakdown not shown for that period and area so that its headline can be), `base` (too few for a rate),
    /// `rounded` (shown rounded, so that a small count it would give away stays hidden).
    public var suppression: String?
}
