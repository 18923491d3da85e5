/// Chooses which pairs to compare: those agreeing on every field of at least one blocking rule. A pair found by
/// several rules is kept once, by the first rule that finds it, without a set of all pairs in memory. A rule with a
/// name's bands is tried once per band (the pair meets if it agrees on any).
public struct Blocker: Sendable {
    public let rules: [[BlockingField]]
    public let maxBlockSize: Int
    let bands: NameBands
    /// The rules as keyed: each settings rule, once per band if it has bands, with the settings rule it came from.
    let expanded: [(rule: Int, band: Int, fields: [BlockingField])]

    public init(settings: LinkageSettings) {
        self.init(rules: settings.blockingRules, maxBlockSize: settings.maxBlockSize, bands: settings.bands)
    }

    public init(rules: [[BlockingField]], maxBlockSize: Int, bands: NameBands = NameBands(count: 8, bits: 16, seed: 1)) {
        self.rules = rules
        self.maxBlockSize = maxBlockSize
        self.bands = bands
        expanded = rules.enumerated().flatMap { i, rule in
            rule.contains(where: \.isBand) ? (0..<bands.count).map { (i, $0, rule) } : [(i, 0, rule)]
        }
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
    /// exactly, then go through a bijective mix, so blocks sort in an order unrelated to the values (interned ids
    /// follow the order records arrive in, which a training sample taken in key order would otherwise follow);
    /// three or more are mixed into 64 bits, where a collision only adds a pair to compare.
    static func key(_ rule: [BlockingField], _ r: UnsafePointer<LinkRecord>, band: Int = 0, bands: NameBands? = nil) -> UInt64 {
        var key: UInt64 = 0
        for (i, field) in rule.enumerated() {
            let v: Int32
            switch field {
            case .firstNameBands: v = bands?.key(r.pointee.firstNameBloom, band: band) ?? 0
            case .surnameBands: v = bands?.key(r.pointee.surnameBloom, band: band) ?? 0
            default: v = field.value(r.pointee)
            }
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
        if rule.count <= 2 {
            // The SplitMix64 finaliser: invertible, and 0 only for 0, which a packed key never is.
            key = (key ^ (key >> 30)) &* 0xBF58_476D_1CE4_E5B9
            key = (key ^ (key >> 27)) &* 0x94D0_49BB_1331_11EB
            return key ^ (key >> 31)
        }
        return key == 0 ? 1 : key
    }

    /// - Parameter limit: stop after this many pairs (training samples); blocks are taken in key order, which
    ///   follows no property of the records, so the sample is not biased towards any value.
    public func pairs(_ records: [LinkRecord], limit: Int = .max) -> Result {
        // Each keyed rule's keys, then its pairs, on every core: a rule reads the earlier rules' keys only.
        let expanded = expanded, bands = bands
        let keys: [[UInt64]] = parallelMap(expanded.count) { r in
            records.withUnsafeBufferPointer { buf in
                (0..<buf.count).map { Blocker.key(expanded[r].fields, buf.baseAddress! + $0, band: expanded[r].band, bands: bands) }
            }
        }
        let maxBlockSize = maxBlockSize
        let perRule = parallelMap(expanded.count) { r in Blocker.pairs(rule: r, keys: keys, maxBlockSize: maxBlockSize, limit: limit) }
        var result = Result(pairsPerRule: Array(repeating: 0, count: rules.count))
        for (r, found) in perRule.enumerated() {
            let take = min(found.left.count, limit - result.left.count)
            result.left += found.left.prefix(take)
            result.right += found.right.prefix(take)
            result.pairsPerRule[expanded[r].rule] += take
            result.skippedBlocks += found.skipped.map { (expanded[r].rule, $0) }
            if result.left.count >= limit { break }
        }
        return result
    }

    /// Rule `r`'s pairs not found by an earlier rule, block by block in key order (records by index within a
    /// block), and the sizes of blocks too big to use.
    static func pairs(rule r: Int, keys: [[UInt64]], maxBlockSize: Int, limit: Int) -> (left: [Int32], right: [Int32], skipped: [Int]) {
        let ruleKeys = keys[r]
        // (key, record) sorted by both: direct comparisons, and the same order on every run.
        var order: [(key: UInt64, index: Int32)] = []
        order.reserveCapacity(ruleKeys.count)
        for (i, k) in ruleKeys.enumerated() where k != 0 { order.append((k, Int32(i))) }
        order.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        var left: [Int32] = [], right: [Int32] = [], skipped: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && order[end].key == order[start].key { end += 1 }
            let size = end - start
            if size > maxBlockSize {
                skipped.append(size)
            } else if size > 1 {
                for x in start..<(end - 1) {
                    for y in (x + 1)..<end {
                        let i = Int(order[x].index), j = Int(order[y].index)
                        // Found by an earlier rule already?
                        var seen = false
                        for q in 0..<r where keys[q][i] != 0 && keys[q][i] == keys[q][j] { seen = true; break }
                        if seen { continue }
                        left.append(Int32(i))
                        right.append(Int32(j))
                        if left.count >= limit { return (left, right, skipped) }
                    }
                }
            }
            start = end
        }
        return (left, right, skipped)
    }
}

extension LinkageSettings {
    /// The name bands these settings block on.
    public var bands: NameBands { NameBands(count: nameBands, bits: nameBandBits, seed: seed) }
}
