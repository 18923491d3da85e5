import DotsCore
import Foundation

/// A person's decision on a pair, which overrides the model on every later run.
public struct ReviewDecision: Codable, Sendable, Equatable {
    public typealias Verdict = LinkVerdict
    public let a: String
    public let b: String
    public let verdict: Verdict

    public init(a: String, b: String, verdict: Verdict) {
        (self.a, self.b) = a < b ? (a, b) : (b, a)
        self.verdict = verdict
    }
}

/// The outcome of a linkage run.
public struct LinkResult: Sendable {
    public var model: FellegiSunterModel
    /// Pairs linked, sent for review or decided by a reviewer, with their levels and weights.
    public var pairs: [ScoredPair]
    /// For each pair in `pairs`: match, review, or the reviewer's verdict.
    public var decisions: [LinkDecision]
    /// The partnership person id of each record, in input order.
    public var personIDs: [String]
    /// The highest person id number ever given, this run's new ids included.
    public var highestPersonNumber: Int
    /// How many young people the records are (clusters).
    public var people: Int
    public var candidatePairs: Int
    public var pairsPerRule: [Int]
    public var skippedBlocks: [(rule: Int, size: Int)]
    public var seconds: [String: Double]
    /// Candidate pairs as (left, right) record indices, kept for block-recall evaluation.
    public var candidates: (left: [Int32], right: [Int32])

    public var links: Int { decisions.filter(\.links).count }
    public var reviews: Int { decisions.filter { $0 == .review }.count }
}

/// `dots link`, in memory: block, compare, train, score, cluster. Pure: the caller loads records and saves results.
public struct Linker: Sendable {
    public let settings: LinkageSettings
    public let comparator: Comparator

    public init(settings: LinkageSettings) {
        self.settings = settings
        comparator = Comparator(settings: settings)
    }

    /// - Parameters:
    ///   - previousIDs: each record's partnership person id last time, aligned with `records` (nil for a record
    ///     not seen before; empty for a first run).
    ///   - highestPersonNumber: the highest person id number ever given.
    public func run(_ records: [LinkRecord], reviews: [ReviewDecision] = [], previousIDs: [String?] = [], highestPersonNumber: Int = 0) -> LinkResult {
        var seconds: [String: Double] = [:]
        var watch = Stopwatch()
        func lap(_ stage: String) { seconds[stage] = watch.seconds; watch = Stopwatch() }

        let blocks = Blocker(settings: settings).pairs(records)
        lap("blocking")
        // Pairs are compared, and below scored, in chunks on every core; chunks are joined in order, so the
        // result is the same as one pass.
        let chunks = Self.chunks(blocks.count)
        let comparator = comparator
        let patternOf = parallelMap(chunks.count) { c in
            var levels = [UInt8](repeating: 0, count: comparator.comparisons.count)
            return records.withUnsafeBufferPointer { buf in
                chunks[c].map { k in
                    comparator.levels(buf, Int(blocks.left[k]), Int(blocks.right[k]), into: &levels)
                    return comparator.pattern(levels)
                }
            }
        }.flatMap { $0 }
        lap("comparing")
        let trainer = Trainer(comparator: comparator, settings: settings)
        let u = trainer.estimateU(records)
        lap("estimating u")
        var model = trainer.train(records, u: u)
        lap("estimating m (EM)")
        // The prior refined on the compared pairs, then u corrected for the true pairs among random pairs (with
        // whichever λ the run has) and m and the prior learnt again on it: each setting works with or without the other.
        var patterns: [(levels: [UInt8], pairs: Int)] = []
        if settings.priorFromComparedPairs {
            var counts: [UInt32: Int] = [:]
            for p in patternOf { counts[p, default: 0] += 1 }
            patterns = counts.map { (comparator.unpack($0.key), $0.value) }
            model.lambda = trainer.refinedPrior(model, patterns: patterns, records: records.count)
        }
        if settings.uWithoutMatches {
            let sameYear = Trainer.sameYearShare(lambda: model.lambda, birthYears: records.map(\.birthYear))
            let corrected = trainer.uWithoutMatches(u, m: model.m, lambda: model.lambda, sameYearLambda: sameYear)
            model = trainer.train(records, u: corrected)
            if settings.priorFromComparedPairs { model.lambda = trainer.refinedPrior(model, patterns: patterns, records: records.count) }
        }
        lap("refining the prior")

        let scorer = Scorer(model: model, comparator: comparator, settings: settings, records: records)
        // Reviews by record index pair, so the scoring loop never builds a string.
        let index = Self.index(of: Set(reviews.flatMap { [$0.a, $0.b] }), in: records)
        @Sendable func packed(_ i: Int, _ j: Int) -> UInt64 { UInt64(UInt32(min(i, j))) << 32 | UInt64(UInt32(max(i, j))) }
        var verdicts: [UInt64: ReviewDecision.Verdict] = [:]
        for r in reviews { if let a = index[r.a], let b = index[r.b] { verdicts[packed(a, b)] = r.verdict } }
        // Each pattern's levels and weight are worked out once; only term-frequency adjustments vary by pair.
        var levelsOf = [[UInt8]?](repeating: nil, count: comparator.patternCount)
        var baseOf = [Double](repeating: 0, count: comparator.patternCount)
        for p in patternOf where levelsOf[Int(p)] == nil {
            let levels = comparator.unpack(p)
            levelsOf[Int(p)] = levels
            baseOf[Int(p)] = scorer.baseWeight(levels)
        }
        let settings = settings
        let (levelsByPattern, baseByPattern, verdictsByPair) = (levelsOf, baseOf, verdicts)
        let scored = parallelMap(chunks.count) { c in
            var out = ScoredChunk()
            for k in chunks[c] {
                let a = Int(blocks.left[k]), b = Int(blocks.right[k]), p = Int(patternOf[k])
                let pair = records.withUnsafeBufferPointer { buf in
                    scorer.score(levelsByPattern[p]!, base: baseByPattern[p], buf.baseAddress! + a, buf.baseAddress! + b, ai: Int32(a), bi: Int32(b))
                }
                let verdict = verdictsByPair.isEmpty ? nil : verdictsByPair[packed(a, b)]
                if verdict != nil { out.reviewed.append(packed(a, b)) }
                guard verdict != nil || pair.probability >= settings.reviewThreshold else { continue }
                let decision = verdict.map(LinkDecision.init) ?? (pair.probability >= settings.matchThreshold ? .match : .review)
                if decision.links { out.links.append((a, b)) }
                out.pairs.append(pair)
                out.decisions.append(decision)
            }
            return out
        }
        let pairs = scored.flatMap(\.pairs)
        let decisions = scored.flatMap(\.decisions)
        var links = scored.flatMap(\.links)
        let reviewed = Set(scored.flatMap(\.reviewed))
        // Confirmed pairs the blocking did not bring together are linked all the same.
        for r in reviews where r.verdict == .confirmed {
            if let a = index[r.a], let b = index[r.b], !reviewed.contains(packed(a, b)) { links.append((a, b)) }
        }
        lap("scoring")
        let clusterer = Clusterer()
        let components = clusterer.components(count: records.count, links: links)
        let ids = clusterer.stableIDs(components: components, previous: previousIDs, highestUsed: highestPersonNumber)
        lap("clustering")
        return LinkResult(
            model: model, pairs: pairs, decisions: decisions, personIDs: ids.ids, highestPersonNumber: ids.highestUsed, people: ids.people,
            candidatePairs: blocks.count,
            pairsPerRule: blocks.pairsPerRule, skippedBlocks: blocks.skippedBlocks, seconds: seconds,
            candidates: (blocks.left, blocks.right))
    }

    /// One chunk's share of scoring.
    struct ScoredChunk {
        var pairs: [ScoredPair] = []
        var decisions: [LinkDecision] = []
        var links: [(Int, Int)] = []
        var reviewed: [UInt64] = []
    }

    /// 0..<count cut into ranges, a few per core, so a slow chunk does not leave a core idle.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let n = max(1, min(count / 4_096, 4 * ProcessInfo.processInfo.activeProcessorCount))
        return (0..<n).map { c in (count * c / n)..<(count * (c + 1) / n) }
    }

    /// Record index by key, for just the keys wanted (reviews name a few records; building every record's key
    /// would cost more than the scoring it serves).
    static func index(of keys: Set<String>, in records: [LinkRecord]) -> [String: Int] {
        guard !keys.isEmpty else { return [:] }
        var byAgency: [String: Set<String>] = [:]
        for key in keys {
            guard let slash = key.firstIndex(of: "/") else { continue }
            byAgency[String(key[..<slash]), default: []].insert(String(key[key.index(after: slash)...]))
        }
        var index: [String: Int] = [:]
        for (i, r) in records.enumerated() where byAgency[r.agency]?.contains(r.personID) == true {
            if index[r.key] == nil { index[r.key] = i }
        }
        return index
    }

    /// The explanation of a scored pair.
    public func explain(_ pair: ScoredPair, decision: String, records: [LinkRecord], model: FellegiSunterModel) -> Explanation {
        Explanation(
            pair: pair, records: records, scorer: Scorer(model: model, comparator: comparator, settings: settings, records: records), decision: decision)
    }
}
