import Foundation

/// The trained model: for each comparison level, m (how often true matches show it) and u (how often
/// non-matches do), and λ (the share of compared pairs that match). Codable, saved with every run.
public struct FellegiSunterModel: Codable, Sendable, Equatable {
    /// m[comparison][level]; level 0 ("not known") is unused.
    public var m: [[Double]]
    public var u: [[Double]]
    public var lambda: Double
    public var iterations: Int

    public init(m: [[Double]], u: [[Double]], lambda: Double, iterations: Int) {
        self.m = m
        self.u = u
        self.lambda = lambda
        self.iterations = iterations
    }

    /// log2(m/u) of a level: the evidence it gives, in bits.
    public func weight(_ comparison: Int, _ level: Int) -> Double {
        level == 0 ? 0 : log2(m[comparison][level] / u[comparison][level])
    }

    /// The starting evidence before any comparison: log2(λ / (1 − λ)).
    public var priorWeight: Double { log2(lambda / (1 - lambda)) }

    public static func probability(weight: Double) -> Double {
        let odds = pow(2, weight)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }
}

/// Estimates u from random pairs (almost all non-matches) and m and λ by expectation maximisation over the
/// compared pairs' comparison patterns, with u held fixed. No ground truth is used.
public struct Trainer: Sendable {
    public let comparator: Comparator
    public let settings: LinkageSettings

    public init(comparator: Comparator, settings: LinkageSettings) {
        self.comparator = comparator
        self.settings = settings
    }

    /// u for every comparison level, from `settings.uSamplePairs` random pairs (Laplace-smoothed), sampled on
    /// every core at once, each with its own stream, so the result does not depend on scheduling.
    ///
    /// Version 3 reads names' Dice only between encodings salted alike (the same birth year), so random pairs,
    /// almost all of other years, would make a Dice level look far rarer among non-matches than it is among the
    /// pairs blocking brings (nearly all of one year), and a similar name would outweigh an exact one. There the
    /// names' u comes from random pairs of the same birth year instead.
    public func estimateU(_ records: [LinkRecord]) -> [[Double]] {
        var total = sampleU(records, sameBirthYear: false)
        if comparator.gradesErrors, records.count > 1 {
            let sameYear = sampleU(records, sameBirthYear: true)
            for (c, comparison) in comparator.comparisons.enumerated() where comparison.name == .firstName || comparison.name == .surname {
                total[c] = sameYear[c]
            }
        }
        return normalise(total)
    }

    /// Level counts (plus one) over random pairs; with `sameBirthYear`, each record's partner is drawn from the
    /// records of its own birth year (or, without one, of those without).
    func sampleU(_ records: [LinkRecord], sameBirthYear: Bool) -> [[Double]] {
        let streams = 4
        guard records.count > 1 else { return comparator.comparisons.map { [Double](repeating: 1, count: $0.levelCount) } }
        let n = UInt64(records.count)
        let perStream = settings.uSamplePairs / streams
        let (comparator, seed) = (comparator, settings.seed)
        // Records in birth-year order, and for each record where its year's run starts and how long it is: a
        // partner is then one draw and two array reads (a dictionary per pair took as long as comparing).
        var order: [Int32] = [], groupStart: [Int32] = [], groupSize: [Int32] = []
        if sameBirthYear {
            let year = records.map(\.birthYear)
            order = Array(0..<Int32(records.count))
            order.sort { year[Int($0)] != year[Int($1)] ? year[Int($0)] < year[Int($1)] : $0 < $1 }
            groupStart = [Int32](repeating: 0, count: records.count)
            groupSize = [Int32](repeating: 0, count: records.count)
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count && year[Int(order[end])] == year[Int(order[start])] { end += 1 }
                for k in start..<end {
                    groupStart[Int(order[k])] = Int32(start)
                    groupSize[Int(order[k])] = Int32(end - start)
                }
                start = end
            }
        }
        let (sortedByYear, starts, sizes) = (order, groupStart, groupSize)
        let partial = parallelMap(streams) { s -> [[Double]] in
            var state = seed &+ UInt64(s) &* 0xD1B5_4A32_D192_ED03 &+ (sameBirthYear ? 0x5851_F42D_4C95_7F2D : 0)
            func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            // Patterns counted flat, then spread into levels once: cheaper than a nested count per comparison.
            var patterns = [Int](repeating: 0, count: comparator.patternCount)
            var levels = [UInt8](repeating: 0, count: comparator.comparisons.count)
            records.withUnsafeBufferPointer { buf in
                // One side walks the records in order and the other is drawn at random: every pair is still equally
                // likely, and half the reads are sequential, which the memory system serves far faster.
                var i = Int(UInt64(s) * n / UInt64(streams))
                for _ in 0..<perStream {
                    i = i + 1 == Int(n) ? 0 : i + 1
                    let j: Int
                    if sameBirthYear {
                        j = Int(sortedByYear[Int(starts[i]) + Int(next() % UInt64(sizes[i]))])
                    } else {
                        j = Int(next() % n)
                    }
                    if i == j { continue }
                    comparator.levels(buf, i, j, into: &levels)
                    patterns[Int(comparator.pattern(levels))] += 1
                }
            }
            var counts = comparator.comparisons.map { [Double](repeating: 0, count: $0.levelCount) }
            for (p, k) in patterns.enumerated() where k > 0 {
                for (c, l) in comparator.unpack(UInt32(p)).enumerated() { counts[c][Int(l)] += Double(k) }
            }
            return counts
        }
        var total = comparator.comparisons.map { [Double](repeating: 1, count: $0.levelCount) }
        for p in partial { for c in p.indices { for l in p[c].indices { total[c][l] += p[c][l] } } }
        return total
    }

    func normalise(_ counts: [[Double]]) -> [[Double]] {
        counts.map { c in
            let known = c.dropFirst().reduce(0, +)
            return c.enumerated().map { $0.offset == 0 ? 1 : $0.element / known }
        }
    }

    /// m by EM sessions, one per training rule, and λ from the prior rules. No ground truth is used.
    public func train(_ records: [LinkRecord], u: [[Double]]) -> FellegiSunterModel {
        var sums = comparator.comparisons.map { [Double](repeating: 0, count: $0.levelCount) }
        var sessions = [Int](repeating: 0, count: comparator.comparisons.count)
        var iterations = 0
        // One EM session per training rule, run side by side; each session's result is kept by its rule's index,
        // so the averages do not depend on which finishes first.
        let rules = settings.trainingRules
        let trainer = self
        let results = parallelMap(rules.count) { r -> (m: [[Double]], learnt: Set<Int>, iterations: Int)? in
            let rule = rules[r]
            let held = Set(rule.flatMap(\.comparisons).compactMap { name in trainer.comparator.comparisons.firstIndex { $0.name == name } })
            let blocks = Blocker(rules: [rule], maxBlockSize: trainer.settings.maxBlockSize, bands: trainer.settings.bands).pairs(
                records, limit: trainer.settings.maxTrainingPairs)
            guard blocks.count > 0 else { return nil }
            var levels = [UInt8](repeating: 0, count: trainer.comparator.comparisons.count)
            // Counted in a flat array: there are tens of thousands of possible patterns, and up to maxTrainingPairs pairs.
            var counts = [Int](repeating: 0, count: trainer.comparator.patternCount)
            let heldList = Array(held)
            records.withUnsafeBufferPointer { buf in
                for k in 0..<blocks.count {
                    trainer.comparator.levels(buf, Int(blocks.left[k]), Int(blocks.right[k]), into: &levels)
                    for c in heldList { levels[c] = 0 }
                    counts[Int(trainer.comparator.pattern(levels))] += 1
                }
            }
            var patterns: [UInt32: Int] = [:]
            var known = Set<Int>()
            for (p, n) in counts.enumerated() where n > 0 {
                patterns[UInt32(p)] = n
                for (c, l) in trainer.comparator.unpack(UInt32(p)).enumerated() where l > 0 { known.insert(c) }
            }
            // EM tells matches from non-matches by comparisons agreeing together. With one comparison left free (the
            // rule holds the rest, and the data has nothing else: no sex, no postcode), it has nothing to check that
            // one against, and learns only that pairs agreeing on it are the matches: m of "different" falls towards
            // zero however often true matches differ. Such a session teaches nothing.
            let free = known.subtracting(held)
            let (m, _, n) = trainer.em(patterns: patterns, u: u, held: held)
            return (m, free.count >= 2 ? free : [], n)
        }
        for case let (m, learnt, n)? in results {
            iterations += n
            for c in comparator.comparisons.indices where learnt.contains(c) {
                sessions[c] += 1
                for l in 1..<m[c].count { sums[c][l] += m[c][l] }
            }
        }
        let m = sums.enumerated().map { c, s in
            sessions[c] == 0 ? Self.initialM(comparator.comparisons[c].levelCount) : [1] + s.dropFirst().map { max($0 / Double(sessions[c]), 1e-6) }
        }
        return FellegiSunterModel(m: m, u: tiedNamesInEachOthersFields(u, m: m), lambda: priorProbability(records), iterations: iterations)
    }

    /// Names in each other's fields (version 3) weigh what both names agreeing in order weigh. Random pairs almost
    /// never show it, so its u would be the smoothing floor and each name would add some twenty bits: two young
    /// people who share a common name, one with it recorded the other way round, would link whatever their dates
    /// of birth. A slip that swaps the fields is as likely for a non-match that shares the name as for a match, so
    /// its m/u is exact agreement's: u is set to give that.
    func tiedNamesInEachOthersFields(_ u: [[Double]], m: [[Double]]) -> [[Double]] {
        guard comparator.gradesErrors else { return u }
        var u = u
        for (c, comparison) in comparator.comparisons.enumerated() where comparison.name == .firstName || comparison.name == .surname {
            u[c][2] = u[c][1] * m[c][2] / m[c][1]
        }
        return u
    }

    /// How likely two random records are the same young person: pairs found by the prior rules, over all pairs,
    /// scaled up by the rules' assumed recall.
    public func priorProbability(_ records: [LinkRecord]) -> Double {
        let found = Blocker(rules: settings.priorRules, maxBlockSize: settings.maxBlockSize, bands: settings.bands).pairs(records).count
        let all = Double(records.count) * Double(records.count - 1) / 2
        guard all > 0 else { return 0.5 }
        return min(max(Double(found) / settings.priorRecall / all, 1e-12), 0.5)
    }

    /// The prior refined on the pairs blocking compared: λ such that the expected number of true pairs among them
    /// (each pair's match probability under λ, summed) over all pairs is λ again, starting from the prior rules'
    /// estimate. Pairs never compared are taken as non-matches, so it cannot count what blocking misses; the prior
    /// rules' estimate assumes a recall (`priorRecall`) that data with many errors does not reach (FEBRL 4: the
    /// name-and-date rule finds 43% of true pairs, not 80%, and λ came out at half its true value).
    /// - Parameter patterns: how many compared pairs show each comparison pattern, with the pattern's levels.
    public func refinedPrior(_ model: FellegiSunterModel, patterns: [(levels: [UInt8], pairs: Int)], records: Int) -> Double {
        let all = Double(records) * Double(records - 1) / 2
        guard all > 0, !patterns.isEmpty else { return model.lambda }
        // Each pattern's evidence without the prior, in bits.
        let evidence = patterns.map { p in p.levels.enumerated().reduce(0.0) { $0 + model.weight($1.offset, Int($1.element)) } }
        var lambda = model.lambda
        for _ in 0..<200 {
            let prior = log2(lambda / (1 - lambda))
            var expected = 0.0
            for (i, p) in patterns.enumerated() { expected += Double(p.pairs) * FellegiSunterModel.probability(weight: evidence[i] + prior) }
            let next = min(max(expected / all, 1e-12), 0.5)
            let settled = abs(next - lambda) <= lambda * 1e-6
            lambda = next
            if settled { break }
        }
        return lambda
    }

    /// u with the true pairs taken out. A random pair is a true pair with probability λ, so the share of random
    /// pairs showing a level is λm + (1 − λ)u, not u: u = (share − λm) / (1 − λ). For most levels λm is
    /// negligible; for a shared identifier agreeing, true pairs are nearly all the agreement random pairs show (FEBRL 4:
    /// its u came out at 9e-5 where chance agreement is under 1e-5, costing each pair agreeing on it four bits),
    /// and among random pairs of one birth year (where names' u comes from) true pairs are tens of times commoner.
    /// Each level keeps at least a tenth of the share seen, so no level's evidence grows by more than log2(10) bits.
    /// - Parameters:
    ///   - sampled: u as sampled (`estimateU`).
    ///   - sameYearLambda: the true share of the names' sample (random pairs of one birth year), `sameYearShare`.
    public func uWithoutMatches(_ sampled: [[Double]], m: [[Double]], lambda: Double, sameYearLambda: Double) -> [[Double]] {
        comparator.comparisons.enumerated().map { c, comparison in
            let names = comparator.gradesErrors && (comparison.name == .firstName || comparison.name == .surname)
            let share = min(max(names ? sameYearLambda : lambda, 0), 0.5)
            var u = sampled[c]
            for l in 1..<u.count { u[l] = max((u[l] - share * m[c][l]) / (1 - share), u[l] / 10) }
            let known = u.dropFirst().reduce(0, +)
            return u.enumerated().map { $0.offset == 0 ? 1 : $0.element / known }
        }
    }

    /// The share of true pairs among random pairs of one birth year, given λ over all pairs, taking every true pair
    /// to share its birth year: a record's partner is drawn from the n − 1 others of its year, so the share is
    /// λ (N − 1) / N · Σ over years of n / (n − 1).
    public static func sameYearShare(lambda: Double, birthYears: [Int32]) -> Double {
        var sizes: [Int32: Int] = [:]
        for y in birthYears { sizes[y, default: 0] += 1 }
        let n = Double(birthYears.count)
        guard n > 1 else { return 0 }
        let sum = sizes.values.filter { $0 > 1 }.reduce(0.0) { $0 + Double($1) / Double($1 - 1) }
        return min(lambda * (n - 1) / n * sum, 0.5)
    }

    /// Where EM starts m, and what m stays when no session could learn it: most true matches agree, a few differ.
    public static func initialM(_ levelCount: Int) -> [Double] {
        let n = levelCount - 1
        return [1] + (1...n).map { l in l == 1 ? 0.8 : (l == n ? 0.05 : 0.15 / Double(max(1, n - 2))) }
    }

    /// One EM session over pattern counts with u fixed; `held` comparisons are ignored.
    func em(patterns: [UInt32: Int], u: [[Double]], held: Set<Int>) -> (m: [[Double]], lambda: Double, iterations: Int) {
        let vectors = patterns.map { (comparator.unpack($0.key), Double($0.value)) }
        var m = comparator.comparisons.map { Self.initialM($0.levelCount) }
        var lambda = 0.3
        var iterations = 0
        for _ in 0..<settings.emIterations {
            iterations += 1
            var mNum = comparator.comparisons.map { [Double](repeating: 0, count: $0.levelCount) }
            var matchTotal = 0.0, total = 0.0
            for (levels, count) in vectors {
                var pm = lambda, pu = 1 - lambda
                for (c, l) in levels.enumerated() where l > 0 {
                    pm *= m[c][Int(l)]
                    pu *= u[c][Int(l)]
                }
                let p = pm / (pm + pu)
                matchTotal += p * count
                total += count
                for (c, l) in levels.enumerated() where l > 0 { mNum[c][Int(l)] += p * count }
            }
            var change = abs(matchTotal / total - lambda)
            lambda = min(max(matchTotal / total, 1e-9), 1 - 1e-9)
            for c in m.indices where !held.contains(c) {
                let known = mNum[c].dropFirst().reduce(0, +)
                guard known > 0 else { continue }
                for l in 1..<m[c].count {
                    let new = max(mNum[c][l] / known, 1e-6)
                    change = max(change, abs(new - m[c][l]))
                    m[c][l] = new
                }
            }
            if change < 1e-7 { break }
        }
        return (m, lambda, iterations)
    }
}
