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
    public func stableIDs(keys: [String], components: [Int], previous: [String: String], prefix: String = "DP") -> [String] {
        let n = components.count
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
        let prev: [String?] = previous.isEmpty ? [] : keys.map { previous[$0] }
        var used = Set<String>()
        var highest = previous.values.compactMap { Int($0.dropFirst(prefix.count + 1)) }.max() ?? 0
        var idOf = [String?](repeating: nil, count: n)
        if !prev.isEmpty {
            for root in roots {
                var votes: [String: Int] = [:]
                for k in start[root]..<start[root + 1] { if let p = prev[members[k]] { votes[p, default: 0] += 1 } }
                if let choice = votes.filter({ !used.contains($0.key) }).max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key {
                    idOf[root] = choice
                    used.insert(choice)
                }
            }
        }
        for root in roots where idOf[root] == nil {
            highest += 1
            let digits = String(highest)
            idOf[root] = "\(prefix)-\(String(repeating: "0", count: max(0, 7 - digits.count)))\(digits)"
        }
        return components.map { idOf[$0]! }
    }
}
