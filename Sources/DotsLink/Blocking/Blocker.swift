/// Chooses which pairs to compare: those agreeing on every field of at least one blocking rule. A pair found by
/// several rules is kept once, by the first rule that finds it, without a set of all pairs in memory.
public struct Blocker: Sendable {
    public let rules: [[BlockingField]]
    public let maxBlockSize: Int

    public init(settings: LinkageSettings) {
        rules = settings.blockingRules
        maxBlockSize = settings.maxBlockSize
    }

    public init(rules: [[BlockingField]], maxBlockSize: Int) {
        self.rules = rules
        self.maxBlockSize = maxBlockSize
    }

    public struct Result: Sendable {
        public var left: [Int32] = []
        public var right: [Int32] = []
        public var pairsPerRule: [Int]
        /// Blocks skipped for being larger than `maxBlockSize`: (rule index, block size).
        public var skippedBlocks: [(rule: Int, size: Int)] = []
        public var count: Int { left.count }
    }

    /// The rule's key for a record: 0 when any of its fields is blank (blanks never block).
    static func key(_ rule: [BlockingField], _ r: LinkRecord) -> UInt64 {
        let a = rule[0].value(r)
        guard a != 0 else { return 0 }
        if rule.count == 1 { return UInt64(UInt32(bitPattern: a)) }
        let b = rule[1].value(r)
        guard b != 0 else { return 0 }
        return UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    public func pairs(_ records: [LinkRecord]) -> Result {
        let keys: [[UInt64]] = rules.map { rule in records.map { Blocker.key(rule, $0) } }
        var result = Result(pairsPerRule: Array(repeating: 0, count: rules.count))
        for (r, ruleKeys) in keys.enumerated() {
            var order = ruleKeys.indices.filter { ruleKeys[$0] != 0 }
            order.sort { ruleKeys[$0] < ruleKeys[$1] }
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count && ruleKeys[order[end]] == ruleKeys[order[start]] { end += 1 }
                let size = end - start
                if size > maxBlockSize {
                    result.skippedBlocks.append((r, size))
                } else if size > 1 {
                    for x in start..<(end - 1) {
                        for y in (x + 1)..<end {
                            let i = min(order[x], order[y]), j = max(order[x], order[y])
                            // Found by an earlier rule already?
                            var seen = false
                            for q in 0..<r where keys[q][i] != 0 && keys[q][i] == keys[q][j] { seen = true; break }
                            if seen { continue }
                            result.left.append(Int32(i))
                            result.right.append(Int32(j))
                            result.pairsPerRule[r] += 1
                        }
                    }
                }
                start = end
            }
        }
        return result
    }
}
