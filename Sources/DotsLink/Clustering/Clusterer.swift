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
    /// new ids after the highest ever used.
    public func stableIDs(keys: [String], components: [Int], previous: [String: String], prefix: String = "DP") -> [String] {
        var members: [Int: [Int]] = [:]
        for (i, c) in components.enumerated() { members[c, default: []].append(i) }
        var used = Set<String>()
        var highest = previous.values.compactMap { Int($0.dropFirst(prefix.count + 1)) }.max() ?? 0
        var idOf: [Int: String] = [:]
        let ordered = members.keys.sorted { a, b in
            let ca = members[a]!.count, cb = members[b]!.count
            return ca != cb ? ca > cb : keys[members[a]![0]] < keys[members[b]![0]]
        }
        for c in ordered {
            var votes: [String: Int] = [:]
            for i in members[c]! { if let p = previous[keys[i]] { votes[p, default: 0] += 1 } }
            let choice = votes.filter { !used.contains($0.key) }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
            if let choice {
                idOf[c] = choice
                used.insert(choice)
            }
        }
        for c in ordered where idOf[c] == nil {
            highest += 1
            idOf[c] = "\(prefix)-\(String(repeating: "0", count: max(0, 7 - String(highest).count)))\(highest)"
        }
        return components.map { idOf[$0]! }
    }
}
