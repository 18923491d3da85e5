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

    /// The rule's key for a record: 0 when any of its fields is blank (blanks never block). One or two fields pack
    /// exactly; three or more are mixed into 64 bits, where a collision only adds a pair to compare.
    static func key(_ rule: [BlockingField], _ r: UnsafePointer<LinkRecord>) -> UInt64 {
        var key: UInt64 = 0
        for (i, field) in rule.enumerated() {
            let v = field.value(r.pointee)
            guard v != 0 else { return 0 }
            if rule.count <= 2 {
                key = i == 0 ? UInt64(UInt32(bitPattern: v)) : key << 32 | UInt64(UInt32(bitPattern: v))
            } else {
                var z = key &+ UInt64(UInt32(bitPattern: v)) &+ 0x9E37_79B9_7F4A_7C15
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                key = z ^ (z >> 31)
            }
        }
        return key == 0 ? 1 : key
    }

    /// - Parameter limit: stop after this many pairs (training samples); blocks are taken in key order, which
    ///   follows no property of the records, so the sample is not biased towards any value.
    public func pairs(_ records: [LinkRecord], limit: Int = .max) -> Result {
        let keys: [[UInt64]] = records.withUnsafeBufferPointer { buf in
            rules.map { rule in (0..<buf.count).map { Blocker.key(rule, buf.baseAddress! + $0) } }
        }
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
                            if result.left.count >= limit { return result }
                        }
                    }
                }
                start = end
            }
        }
        return result
    }
}
