/// A set of cells whose counts add up: `total` = the sum of `parts`. Counts of people by a group they can
/// change within a period (an age band, a district) may count one child in two groups, so the parts add up
/// to at least the total: `kind` says which holds, as anyone who knows how the figures are made can tell.
public struct CountRelation: Sendable, Equatable, Codable {
    public let total: Int
    public let parts: [Int]
    public var kind: Kind = .equal

    public enum Kind: String, Sendable, Codable {
        case equal
        /// Σ parts ≥ total.
        case partsAtLeast
        /// Σ parts ≤ total.
        case partsAtMost
    }

    public init(total: Int, parts: [Int], kind: Kind = .equal) {
        self.total = total
        self.parts = parts
        self.kind = kind
    }

    /// The relation as these counts bear it out.
    public func holding(in counts: [Int]) -> CountRelation {
        let sum = parts.reduce(0) { $0 + counts[$1] }
        return CountRelation(total: total, parts: parts, kind: sum == counts[total] ? .equal : sum > counts[total] ? .partsAtLeast : .partsAtMost)
    }
}
