/// An indicator compiled to SQL: named steps (common table expressions) ending in one query that returns
/// `period, scope, breakdown, grp, stat, num, den, val` rows. `dots framework explain` prints the steps.
public struct CompiledIndicator: Sendable {
    public struct Step: Sendable, Equatable {
        public let name: String
        /// What the step does, in plain words, for `explain`.
        public let purpose: String
        public let sql: String
        /// Computed once and kept (`AS MATERIALIZED`), rather than folded into the steps that use it.
        public var materialized: Bool = false

        public init(name: String, purpose: String, sql: String, materialized: Bool = false) {
            self.name = name
            self.purpose = purpose
            self.sql = sql
            self.materialized = materialized
        }
    }

    /// Additive measures are counted per calendar month and summed into longer periods (exact, and one scan);
    /// the rest are computed per reporting period, since distinct people and medians do not add up.
    public enum Grain: String, Sendable { case month, period }

    public let indicatorID: String
    public let grain: Grain
    public let steps: [Step]
    /// Breakdowns the dataset cannot give, and similar caveats, in plain words.
    public let notes: [String]
    /// True when the query returns counts per local authority only and the whole area is their sum
    /// (`RawCell.addingWholeArea`): every unit has exactly one local authority, so this is exact and halves the
    /// rows the query groups. Percentiles are not sums, so durations return the whole area themselves.
    public var wholeAreaBySum: Bool = false
    /// Each breakdown the query gives, with every group it can take (`BreakdownColumn.groups`): what the results
    /// fill with true zeros. A breakdown the indicator lists but cannot have (see `notes`) is not here.
    public var groups: [String: [String]] = [:]

    /// The whole query.
    public var sql: String {
        let ctes = steps.dropLast().map { "\($0.name) AS \($0.materialized ? "MATERIALIZED " : "")(\n\($0.sql)\n)" }
        return (ctes.isEmpty ? "" : "WITH " + ctes.joined(separator: ",\n") + "\n") + steps.last!.sql
    }
}
