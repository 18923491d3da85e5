/// Why a pair scored as it did: each comparison's level and the evidence it gave, then the total.
public struct Explanation: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        public let comparison: String
        public let level: String
        public let m: Double?
        public let u: Double?
        /// log2(m/u), in bits; 0 when not known.
        public let weight: Double
        /// Set when the weight was adjusted for how common the agreeing value is.
        public let termFrequency: Double?
    }

    public let a: String
    public let b: String
    public let priorWeight: Double
    public let lines: [Line]
    public let totalWeight: Double
    public let probability: Double
    public let deterministic: Bool
    /// "match", "review" or "non-match", and whether a person confirmed or rejected it.
    public let decision: String

    public init(pair: ScoredPair, records: [LinkRecord], scorer: Scorer, decision: String) {
        let a = records[Int(pair.a)]
        self.a = a.key
        b = records[Int(pair.b)].key
        priorWeight = scorer.model.priorWeight
        let contributions = scorer.contributions(pair.levels, a, records[Int(pair.b)])
        lines = scorer.comparator.comparisons.enumerated().map { c, comparison in
            let level = Int(pair.levels[c])
            return Line(
                comparison: comparison.name.rawValue, level: comparison.label(level),
                m: level == 0 ? nil : scorer.model.m[c][level], u: level == 0 ? nil : scorer.model.u[c][level],
                weight: contributions[c].weight, termFrequency: contributions[c].termFrequency)
        }
        totalWeight = pair.weight
        probability = pair.probability
        deterministic = pair.deterministic
        self.decision = decision
    }

    /// A readable waterfall, one comparison per line.
    public func text() -> String {
        func f(_ x: Double) -> String { (x >= 0 ? "+" : "") + String(Int((x * 100).rounded())).inserting(dot: 2) }
        var out = "\(a)  ↔  \(b)\n"
        out += "  prior (that two random records are one person)  \(f(priorWeight)) bits\n"
        for l in lines {
            var row = "  \(l.comparison.padding(16)) \(l.level.padding(26)) \(f(l.weight)) bits"
            if let m = l.m, let u = l.u { row += "   (m \(fmt(m)), u \(fmt(u))\(l.termFrequency.map { ", value frequency \(fmt($0))" } ?? ""))" }
            out += row + "\n"
        }
        out += "  total \(f(totalWeight)) bits → match probability \(fmt(probability))"
        if deterministic { out += " (NHS number agrees: linked deterministically)" }
        return out + "; decision: \(decision)"
    }

    func fmt(_ x: Double) -> String {
        if x == 0 || x >= 0.001 { return String(Int((x * 10000).rounded())).inserting(dot: 4) }
        var e = 0, v = x
        while v < 1 { v *= 10; e += 1 }
        return "\(String(Int((v * 100).rounded())).inserting(dot: 2))e-\(e)"
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }

    /// Treats the digits as a fixed-point number with `dot` decimals: "1234" → "12.34", "-5" → "-0.05".
    func inserting(dot: Int) -> String {
        let negative = hasPrefix("-")
        var digits = negative ? String(dropFirst()) : self
        while digits.count <= dot { digits = "0" + digits }
        let i = digits.index(digits.endIndex, offsetBy: -dot)
        return (negative ? "-" : "") + digits[..<i] + "." + digits[i...]
    }
}
