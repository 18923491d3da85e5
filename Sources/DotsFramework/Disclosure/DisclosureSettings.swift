import DotsCore

/// The framework file's `disclosure:` section: the rules for published figures, with a partnership's own stricter
/// rules where it sets them. Every partnership's figures come from one run whose cells they share (a local
/// authority's row is also part of the joint sub-group's whole area), and a figure published under looser rules
/// in one view would undo the protection of another, so a run is published under the strictest of them all.
public struct DisclosureSettings: Sendable, Equatable {
    /// The framework's own rules (the standard when the file sets none).
    public var base: DisclosurePolicy = .standard
    /// A partnership's rules, by partnership id, where it sets its own.
    public var partnerships: [String: DisclosurePolicy] = [:]

    public init(base: DisclosurePolicy = .standard, partnerships: [String: DisclosurePolicy] = [:]) {
        self.base = base
        self.partnerships = partnerships
    }

    /// The rules every published figure of a run follows: for each setting, the strictest of the framework's and
    /// every partnership's.
    public var applied: DisclosurePolicy {
        partnerships.keys.sorted().reduce(base) { $0.strictest(with: partnerships[$1]!) }
    }

    /// The least a report's public edition applies (the file's `public-edition:`; counts 1–10 hidden and rates from
    /// 20 unless it says otherwise): a public document is read with more beside it than a board paper.
    public var publicFloor = DisclosurePolicy(threshold: 10, minimumBase: 20)

    /// The rules for a report's public edition: the run's rules, made at least as strict as the public floor.
    public var publicEdition: DisclosurePolicy { applied.strictest(with: publicFloor) }

    /// Whose rules these are, in words, for the record published with the figures.
    public var source: String {
        guard !partnerships.isEmpty else { return "the framework's rules" }
        let names = partnerships.keys.sorted().map { id in ReferencePartnership.model.partnerships.first { $0.id == id }?.name ?? id }
        return "the strictest of the framework's rules and those set by \(names.joined(separator: " and "))"
    }

    /// The rules in words with their source: what is recorded with every published figure.
    public var statement: String { "\(applied.summary) (\(source))" }
}

extension DisclosurePolicy {
    /// Each setting at its stricter value: the higher threshold, protection level and minimum base; rounding
    /// only where both allow it (rounding publishes a figure that hiding would not).
    public func strictest(with other: DisclosurePolicy) -> DisclosurePolicy {
        var out = self
        out.threshold = max(threshold, other.threshold)
        out.protectionLevel = max(protectionLevel, other.protectionLevel)
        out.minimumBase = max(minimumBase, other.minimumBase)
        out.roundToProtect = roundToProtect.flatMap { a in other.roundToProtect.map { b in max(a, b) } }
        out.roundTotalsTo = [roundTotalsTo, other.roundTotalsTo].compactMap { $0 }.max()
        return out
    }
}
