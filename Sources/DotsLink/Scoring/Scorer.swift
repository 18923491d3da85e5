import Foundation

/// One compared pair worth keeping: a link, or a candidate for clerical review.
public struct ScoredPair: Sendable {
    public let a: Int32
    public let b: Int32
    public let levels: [UInt8]
    /// Total evidence in bits, including the prior and term-frequency adjustments.
    public let weight: Double
    public let probability: Double
    /// Linked because a deterministic identifier (the NHS number) agrees.
    public let deterministic: Bool
}

/// Turns comparison levels into match weights and probabilities.
public struct Scorer: Sendable {
    public let model: FellegiSunterModel
    public let comparator: Comparator
    let tfComparisons: [(index: Int, frequency: [Int32: Double])]
    let deterministic: [Int]

    public init(model: FellegiSunterModel, comparator: Comparator, settings: LinkageSettings, records: [LinkRecord]) {
        self.model = model
        self.comparator = comparator
        deterministic = settings.deterministic.compactMap { d in comparator.comparisons.firstIndex { $0.name == d } }
        tfComparisons = settings.termFrequencyAdjustments.compactMap { name in
            guard let index = comparator.comparisons.firstIndex(where: { $0.name == name }) else { return nil }
            var counts: [Int32: Int] = [:]
            var total = 0
            for r in records {
                let v = Scorer.value(name, r)
                if v != 0 { counts[v, default: 0] += 1; total += 1 }
            }
            return (index, counts.mapValues { Double($0) / Double(max(total, 1)) })
        }
    }

    static func value(_ name: ComparisonName, _ r: LinkRecord) -> Int32 {
        switch name {
        case .firstName: r.firstName
        case .surname: r.surname
        case .nhs: r.nhs
        case .upn: r.upn
        case .localID: r.localID
        case .postcode: r.postcode
        case .dob: r.dob
        case .sex: r.sex
        }
    }

    /// The weight each comparison contributed to a pair: for exact name agreement, log2(m / frequency of the
    /// value) instead of log2(m / u), so agreeing on a rare name counts for more than agreeing on a common one.
    public func contributions(_ levels: [UInt8], _ a: LinkRecord) -> [(weight: Double, termFrequency: Double?)] {
        var out = levels.enumerated().map { (c, l) in (weight: model.weight(c, Int(l)), termFrequency: Double?.none) }
        for (index, freq) in tfComparisons where levels[index] == 1 {
            let name = comparator.comparisons[index].name
            if let f = freq[Scorer.value(name, a)], f > 0 {
                out[index] = (log2(model.m[index][1] / max(f, model.u[index][1] * 0.01)), f)
            }
        }
        return out
    }

    public func score(_ levels: [UInt8], _ a: LinkRecord, ai: Int32, bi: Int32) -> ScoredPair {
        score(levels, base: baseWeight(levels), a, ai: ai, bi: bi)
    }

    /// The prior plus every level's log2(m/u), before term-frequency adjustments: the same for every pair with these levels.
    public func baseWeight(_ levels: [UInt8]) -> Double {
        model.priorWeight + levels.enumerated().reduce(0) { $0 + model.weight($1.offset, Int($1.element)) }
    }

    /// Scores a pair whose levels' base weight is known, adding term-frequency adjustments where names agree exactly.
    public func score(_ levels: [UInt8], base: Double, _ a: LinkRecord, ai: Int32, bi: Int32) -> ScoredPair {
        withUnsafePointer(to: a) { score(levels, base: base, $0, ai: ai, bi: bi) }
    }

    /// The same, reading the record in place (the scoring loop scores hundreds of thousands of pairs).
    func score(_ levels: [UInt8], base: Double, _ a: UnsafePointer<LinkRecord>, ai: Int32, bi: Int32) -> ScoredPair {
        var weight = base
        for (index, freq) in tfComparisons where levels[index] == 1 {
            if let f = freq[Scorer.value(comparator.comparisons[index].name, a.pointee)], f > 0 {
                weight += log2(model.m[index][1] / max(f, model.u[index][1] * 0.01)) - model.weight(index, 1)
            }
        }
        var isDeterministic = false
        for d in deterministic where levels[d] == 1 { isDeterministic = true }
        return ScoredPair(
            a: ai, b: bi, levels: levels, weight: weight,
            probability: isDeterministic ? 1 : FellegiSunterModel.probability(weight: weight), deterministic: isDeterministic)
    }
}
