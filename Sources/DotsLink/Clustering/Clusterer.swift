/// Groups linked records into young people (connected components), and gives each a partnership person id that
/// stays the same across runs and new submissions.
public struct Clusterer: Sendable {
    public init() {}

    /// Connected components of `links` over `count` records: a component number per record.
    public func components(count: Int, links: [(Int, Int)]) -> [Int] {
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for (a, b) in links {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        return (0..<count).map(find)
    }

    /// Partnership person ids: each cluster keeps the id most of its records had last time (larger clusters
    /// choose first, so when a person splits the larger part keeps the id); clusters with nothing to keep get
    /// new ids after the highest ever used. `components` must come from `components(count:links:)`, whose
    /// component numbers are each component's smallest record index: ties are broken by it, so the result does
    /// not depend on dictionary order.
    /// - Parameters:
    ///   - previous: each record's id last time (nil for a record not seen before; empty for a first run).
    ///   - highestUsed: the highest id number ever given, whether or not a record still holds it.
    /// - Returns: each record's id, the highest id number used now, and how many people (clusters) there are.
    public func stableIDs(components: [Int], previous: [String?], highestUsed: Int = 0, prefix: String = "DP") -> (ids: [String], highestUsed: Int, people: Int)
    {
        let n = components.count
        precondition(previous.isEmpty || previous.count == n, "previous ids are aligned with the records")
        // Members of each component, by counting sort on the component number.
        var start = [Int](repeating: 0, count: n + 1)
        for c in components { start[c + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        var fill = start
        var members = [Int](repeating: 0, count: n)
        for (i, c) in components.enumerated() {
            members[fill[c]] = i
            fill[c] += 1
        }
        let roots = (0..<n).filter { start[$0 + 1] > start[$0] }
            .sorted { a, b in
                let sa = start[a + 1] - start[a], sb = start[b + 1] - start[b]
                return sa != sb ? sa > sb : a < b
            }
        var used = Set<String>()
        var highest = max(highestUsed, previous.lazy.compactMap { $0.flatMap { Self.number($0, prefix: prefix) } }.max() ?? 0)
        var idOf = [String?](repeating: nil, count: n)
        if !previous.isEmpty {
            for root in roots {
                // Most components are one record or all records agreeing: no vote to count.
                let range = start[root]..<start[root + 1]
                guard let first = previous[members[range.lowerBound]] else {
                    if range.count == 1 { continue }
                    idOf[root] = vote(range.map { previous[members[$0]] }, used: used)
                    if let id = idOf[root] { used.insert(id) }
                    continue
                }
                if range.allSatisfy({ previous[members[$0]] == first }) && !used.contains(first) {
                    idOf[root] = first
                } else {
                    idOf[root] = vote(range.map { previous[members[$0]] }, used: used)
                }
                if let id = idOf[root] { used.insert(id) }
            }
        }
        for root in roots where idOf[root] == nil {
            highest += 1
            let digits = String(highest)
            idOf[root] = "\(prefix)-\(String(repeating: "0", count: max(0, 7 - digits.count)))\(digits)"
        }
        return (components.map { idOf[$0]! }, highest, roots.count)
    }

    /// The id most of a component's records had, not yet taken by a larger component (ties: the smaller id).
    func vote(_ ids: [String?], used: Set<String>) -> String? {
        var votes: [String: Int] = [:]
        for case let id? in ids { votes[id, default: 0] += 1 }
        return votes.filter { !used.contains($0.key) }.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The number in an id such as DP-0000123.
    public static func number(_ id: String, prefix: String = "DP") -> Int? {
        id.hasPrefix(prefix + "-") ? Int(id.dropFirst(prefix.count + 1)) : nil
    }
}
