/// A count as it may be published outside the framework's own tables (cohort journeys, places, contexts): hidden
/// from 1 to the threshold like every published figure; 0 is a true zero and shown.
public struct PublishedCount: Sendable, Equatable {
    /// Nil when hidden.
    public let shown: Int?

    public init(shown: Int?) { self.shown = shown }

    public init(_ n: Int, threshold: Int) { shown = n >= 1 && n <= threshold ? nil : n }

    public var text: String { shown.map(String.init) ?? Symbol.confidential.rawValue }

    /// Counts that add up to a whole published (or knowable) elsewhere: hidden from 1 to the threshold, and where
    /// only one would be hidden, the smallest other non-zero part is hidden with it, so the whole less the rest does
    /// not give it away.
    public static func parts(_ counts: [Int], threshold: Int) -> [PublishedCount] {
        var hidden = Set(counts.indices.filter { counts[$0] >= 1 && counts[$0] <= threshold })
        if hidden.count == 1, let next = counts.indices.filter({ !hidden.contains($0) && counts[$0] > 0 }).min(by: { counts[$0] < counts[$1] }) {
            hidden.insert(next)
        }
        return counts.indices.map { PublishedCount(shown: hidden.contains($0) ? nil : counts[$0]) }
    }
}
