/// What linkage decided about a pair of records, as the linker, the store, the use cases and the CLI all name it.
public enum LinkDecision: String, Sendable, Codable, CaseIterable {
    /// The model scored the pair above the match threshold.
    case match
    /// Between the review and match thresholds: a person should look at it.
    case review
    /// A reviewer said the records are the same young person.
    case confirmed
    /// A reviewer said they are not.
    case rejected

    /// Whether the pair is linked.
    public var links: Bool { self == .match || self == .confirmed }

    /// A reviewer's verdict as a decision.
    public init(_ verdict: LinkVerdict) {
        self = verdict == .confirmed ? .confirmed : .rejected
    }
}

/// A reviewer's verdict on a pair, which overrides the model on every later run.
public enum LinkVerdict: String, Sendable, Codable, CaseIterable {
    case confirmed, rejected
}
