/// How a linkage run compares with the truth (the synthetic generator's truth file): pairwise and cluster
/// precision, recall and F1, and block recall (the share of true pairs the blocking let through to comparison).
public struct Evaluation: Codable, Sendable, Equatable {
    public var records: Int
    public var truePairs: Int
    public var predictedPairs: Int
    public var correctPairs: Int
    public var pairPrecision: Double
    public var pairRecall: Double
    public var pairF1: Double
    public var trueClusters: Int
    public var predictedClusters: Int
    public var exactClusters: Int
    public var clusterPrecision: Double
    public var clusterRecall: Double
    public var clusterF1: Double
    public var blockRecall: Double
    /// Whether the model's match probabilities mean what they say: the pairs it scored, in bands of probability, each
    /// with the share that truly are one young person. Nil in evaluations saved before it was kept.
    public var calibration: [CalibrationBand]?

    /// Pairs the model scored within one band of match probability (`from` inclusive, `to` exclusive but for the last).
    public struct CalibrationBand: Codable, Sendable, Equatable {
        public var from: Double
        public var to: Double
        public var pairs: Int
        /// The mean of their match probabilities: a calibrated model's share of true pairs.
        public var meanProbability: Double
        public var truePairs: Int

        public var trueShare: Double { pairs == 0 ? 0 : Double(truePairs) / Double(pairs) }
    }

    /// The bands' edges: the review band is split where a reader would act differently.
    public static let calibrationEdges = [0.5, 0.8, 0.95, 0.99, 1.0]

    /// - Parameters:
    ///   - keys: each record's `agency/person_id`; `predicted`: its partnership person id; `truth`: key → true id.
    ///   - candidates: the compared pairs, for block recall.
    ///   - scored: the pairs the run scored and kept (record indices and match probability), for calibration; pairs
    ///     below the lowest edge, or with a record the truth does not name, are left out.
    public init(
        keys: [String], predicted: [String], truth: [String: String], candidates: (left: [Int32], right: [Int32]),
        scored: [(a: Int32, b: Int32, probability: Double)] = []
    ) {
        let known = keys.indices.filter { truth[keys[$0]] != nil }
        records = known.count
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        var byPredicted: [String: Int] = [:], byTrue: [String: [Int]] = [:], byBoth: [String: Int] = [:]
        var predictedMembers: [String: Set<Int>] = [:]
        for i in known {
            let t = truth[keys[i]]!
            byPredicted[predicted[i], default: 0] += 1
            byTrue[t, default: []].append(i)
            byBoth[predicted[i] + "\u{1}" + t, default: 0] += 1
            predictedMembers[predicted[i], default: []].insert(i)
        }
        truePairs = byTrue.values.reduce(0) { $0 + pairs($1.count) }
        predictedPairs = byPredicted.values.reduce(0) { $0 + pairs($1) }
        correctPairs = byBoth.values.reduce(0) { $0 + pairs($1) }
        pairPrecision = predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs)
        pairRecall = truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs)
        pairF1 = Evaluation.f1(pairPrecision, pairRecall)

        trueClusters = byTrue.count
        predictedClusters = byPredicted.count
        exactClusters = byTrue.values.filter { members in predictedMembers[predicted[members[0]]] == Set(members) }.count
        clusterPrecision = predictedClusters == 0 ? 1 : Double(exactClusters) / Double(predictedClusters)
        clusterRecall = trueClusters == 0 ? 1 : Double(exactClusters) / Double(trueClusters)
        clusterF1 = Evaluation.f1(clusterPrecision, clusterRecall)

        var compared = Set<UInt64>()
        compared.reserveCapacity(candidates.left.count)
        for k in candidates.left.indices {
            compared.insert(UInt64(UInt32(candidates.left[k])) << 32 | UInt64(UInt32(candidates.right[k])))
        }
        var found = 0
        for members in byTrue.values where members.count > 1 {
            for x in 0..<(members.count - 1) {
                for y in (x + 1)..<members.count {
                    let i = min(members[x], members[y]), j = max(members[x], members[y])
                    if compared.contains(UInt64(UInt32(i)) << 32 | UInt64(UInt32(j))) { found += 1 }
                }
            }
        }
        blockRecall = truePairs == 0 ? 1 : Double(found) / Double(truePairs)

        let edges = Self.calibrationEdges
        var bands = zip(edges, edges.dropFirst()).map { CalibrationBand(from: $0, to: $1, pairs: 0, meanProbability: 0, truePairs: 0) }
        for pair in scored {
            guard let ta = truth[keys[Int(pair.a)]], let tb = truth[keys[Int(pair.b)]],
                let band = bands.lastIndex(where: { pair.probability >= $0.from })
            else { continue }
            bands[band].pairs += 1
            bands[band].meanProbability += pair.probability
            if ta == tb { bands[band].truePairs += 1 }
        }
        for i in bands.indices where bands[i].pairs > 0 { bands[i].meanProbability /= Double(bands[i].pairs) }
        calibration = scored.isEmpty ? nil : bands
    }

    static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    public func text() -> String {
        func pct(_ x: Double) -> String { String(Int((x * 10000).rounded())).inserting(dot: 2) + "%" }
        return """
            Records evaluated: \(records) (true pairs \(truePairs), predicted pairs \(predictedPairs), correct \(correctPairs))
            Pairwise:  precision \(pct(pairPrecision))  recall \(pct(pairRecall))  F1 \(pct(pairF1))
            Clusters:  precision \(pct(clusterPrecision))  recall \(pct(clusterRecall))  F1 \(pct(clusterF1))  (\(exactClusters) of \(trueClusters) young people exactly right; \(predictedClusters) predicted)
            Blocking:  recall \(pct(blockRecall)) of true pairs compared
            """ + calibrationText(pct)
    }

    func calibrationText(_ pct: (Double) -> String) -> String {
        guard let calibration else { return "" }
        func edge(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        return "\nCalibration (pairs scored, by match probability: how many, their mean probability, and how many are truly one young person):"
            + calibration.map { b in
                "\n  \(edge(b.from))–\(edge(b.to)): \(b.pairs) pairs"
                    + (b.pairs == 0 ? "" : ", mean \(pct(b.meanProbability)), \(b.truePairs) true (\(pct(b.trueShare)))")
            }.joined()
    }
}
