import Foundation

/// How common each value of one comparison is among a run's records, so that agreeing on a rare value counts for
/// more than agreeing on a common one.
///
/// Exact agreement: the level's weight log2(m/u) becomes log2(m/f), f the value's share of the records that have
/// one (floored at a hundredth of u, so one record's value cannot outweigh everything else).
///
/// Beyond exact (`LinkageSettings.termFrequencyBeyondExact`, names only, with settings version 3's levels): a name
/// "similar" by Dice or "sounding alike" gains log2(f̄/f), where f̄ is how common, on average, the value two random
/// records share is (Σf² over the values) and f is, for "similar", the more common of the two names (a typing error
/// turns a common name into a rare value, so the rarer side says little), and for "sounds alike" the sound code's own
/// share. The level's u is an average over every value; this moves it towards the value actually met, and adds
/// nothing on average. f is floored at f̄ / `floorRatio`, so a rare name gives at most log2(floorRatio) bits more.
struct TermFrequencies: Sendable {
    let index: Int
    let name: ComparisonName
    let value: [Int32: Double]
    let meanValue: Double
    let sound: [Int32: Double]
    let meanSound: Double
    /// The levels adjusted beyond exact agreement, or nil for exact only.
    let levels: Comparator.ErrorLevels?

    static let floorRatio = 8.0

    init(index: Int, name: ComparisonName, records: [LinkRecord], levels: Comparator.ErrorLevels?) {
        self.index = index
        self.name = name
        self.levels = levels
        (value, meanValue) = Self.shares(records.lazy.map { Scorer.value(name, $0) })
        (sound, meanSound) = levels == nil ? ([:], 0) : Self.shares(records.lazy.map { Scorer.sound(name, $0) })
    }

    /// Each non-zero value's share of the records that have one, and Σ share².
    static func shares(_ values: some Sequence<Int32>) -> (shares: [Int32: Double], mean: Double) {
        var counts: [Int32: Int] = [:]
        var total = 0
        for v in values where v != 0 {
            counts[v, default: 0] += 1
            total += 1
        }
        guard total > 0 else { return ([:], 0) }
        let shares = counts.mapValues { Double($0) / Double(total) }
        return (shares, shares.values.reduce(0) { $0 + $1 * $1 })
    }

    /// The bits to add to the level's weight for this pair, and the frequency used; nil when the level is not adjusted.
    @inline(__always)
    func adjustment(
        level: UInt8, _ a: UnsafePointer<LinkRecord>, _ b: UnsafePointer<LinkRecord>, model: FellegiSunterModel
    ) -> (bits: Double, frequency: Double)? {
        if level == 1 {
            guard let f = value[Scorer.value(name, a.pointee)], f > 0 else { return nil }
            return (log2(model.m[index][1] / max(f, model.u[index][1] * 0.01)) - model.weight(index, 1), f)
        }
        guard let levels else { return nil }
        if levels.similar.contains(level) {
            let f = max(value[Scorer.value(name, a.pointee)] ?? 0, value[Scorer.value(name, b.pointee)] ?? 0)
            guard f > 0 else { return nil }
            return (log2(meanValue / max(f, meanValue / Self.floorRatio)), f)
        }
        if level == levels.sound {
            guard let f = sound[Scorer.sound(name, a.pointee)], f > 0 else { return nil }
            return (log2(meanSound / max(f, meanSound / Self.floorRatio)), f)
        }
        return nil
    }
}
