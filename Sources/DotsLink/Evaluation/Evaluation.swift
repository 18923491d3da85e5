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

    /// - Parameters:
    ///   - keys: each record's `agency/person_id`; `predicted`: its partnership person id; `truth`: key → true id.
    ///   - candidates: the compared pairs, for block recall.
    public init(keys: [String], predicted: [String], truth: [String: String], candidates: (left: [Int32], right: [Int32])) {
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
    }

    static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    public func text() -> String {
        func pct(_ x: Double) -> String { String(Int((x * 10000).rounded())).inserting(dot: 2) + "%" }
        return """
            Records evaluated: \(records) (true pairs \(truePairs), predicted pairs \(predictedPairs), correct \(correctPairs))
            Pairwise:  precision \(pct(pairPrecision))  recall \(pct(pairRecall))  F1 \(pct(pairF1))
            Clusters:  precision \(pct(clusterPrecision))  recall \(pct(clusterRecall))  F1 \(pct(clusterF1))  (\(exactClusters) of \(trueClusters) young people exactly right; \(predictedClusters) predicted)
            Blocking:  recall \(pct(blockRecall)) of true pairs compared
            """
    }
}
