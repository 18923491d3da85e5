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
    let termFrequencies: [TermFrequencies]
    let deterministic: [Int]

    public init(model: FellegiSunterModel, comparator: Comparator, settings: LinkageSettings, records: [LinkRecord]) {
        self.model = model
        self.comparator = comparator
        deterministic = settings.deterministic.compactMap { d in comparator.comparisons.firstIndex { $0.name == d } }
        let beyondExact = settings.termFrequencyBeyondExact && comparator.gradesErrors
        termFrequencies = settings.termFrequencyAdjustments.compactMap { name in
            guard let index = comparator.comparisons.firstIndex(where: { $0.name == name }) else { return nil }
            let isName = name == .firstName || name == .surname
            return TermFrequencies(
                index: index, name: name, records: records, levels: beyondExact && isName ? comparator.errorLevels : nil)
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

    static func sound(_ name: ComparisonName, _ r: LinkRecord) -> Int32 {
        switch name {
        case .firstName: r.firstNameSound
        case .surname: r.surnameSound
        default: 0
        }
    }

    /// The weight each comparison contributed to a pair, with its term-frequency adjustment (`TermFrequencies`)
    /// and the frequency it used.
    public func contributions(_ levels: [UInt8], _ a: LinkRecord, _ b: LinkRecord) -> [(weight: Double, termFrequency: Double?)] {
        var out = levels.enumerated().map { (c, l) in (weight: model.weight(c, Int(l)), termFrequency: Double?.none) }
        withUnsafePointer(to: a) { pa in
            withUnsafePointer(to: b) { pb in
                for tf in termFrequencies {
                    if let (bits, f) = tf.adjustment(level: levels[tf.index], pa, pb, model: model) {
                        out[tf.index] = (out[tf.index].weight + bits, f)
                    }
                }
            }
        }
        return out
    }

    public func score(_ levels: [UInt8], _ a: LinkRecord, _ b: LinkRecord, ai: Int32, bi: Int32) -> ScoredPair {
        withUnsafePointer(to: a) { pa in withUnsafePointer(to: b) { pb in score(levels, base: baseWeight(levels), pa, pb, ai: ai, bi: bi) } }
    }

    /// The prior plus every level's log2(m/u), before term-frequency adjustments: the same for every pair with these levels.
    public func baseWeight(_ levels: [UInt8]) -> Double {
        model.priorWeight + levels.enumerated().reduce(0) { $0 + model.weight($1.offset, Int($1.element)) }
    }

    /// Scores a pair whose levels' base weight is known, adding term-frequency adjustments, reading the records in
    /// place (the scoring loop scores hundreds of thousands of pairs).
    func score(
        _ levels: [UInt8], base: Double, _ a: UnsafePointer<LinkRecord>, _ b: UnsafePointer<LinkRecord>, ai: Int32, bi: Int32
    ) -> ScoredPair {
        var weight = base
        for tf in termFrequencies {
            if let (bits, _) = tf.adjustment(level: levels[tf.index], a, b, model: model) { weight += bits }
        }
        var isDeterministic = false
        for d in deterministic where levels[d] == 1 { isDeterministic = true }
        return ScoredPair(
            a: ai, b: bi, levels: levels, weight: weight,
            probability: isDeterministic ? 1 : FellegiSunterModel.probability(weight: weight), deterministic: isDeterministic)
    }
}
