/// What an attacker can work out about hidden counts from everything published alongside them, as statistical
/// offices audit tables: for each hidden cell, the smallest and largest values consistent with every published
/// count, every relation (parts add up to their total) and the least value a hidden cell can have (1 for `c`,
/// as zeros are shown; 0 in a withheld breakdown). Solved by linear programming, one connected group of hidden
/// cells at a time.
public struct IntervalAudit: Sendable {
    public let counts: [Int]
    public let relations: [CountRelation]

    public init(counts: [Int], relations: [CountRelation]) {
        self.counts = counts
        self.relations = relations
    }

    /// The attacker's interval for one hidden cell; `upper` is nil when nothing bounds it from above.
    public struct Interval: Sendable, Equatable {
        public var lower: Int
        public var upper: Int?

        public init(lower: Int, upper: Int?) {
            self.lower = lower
            self.upper = upper
        }

        public var width: Int? { upper.map { $0 - lower } }
        public func narrower(than level: Int) -> Bool { width.map { $0 < level } ?? false }
    }

    /// Hidden cells whose interval is narrower than `level`. Cheaper than `intervals`: a relation with one hidden
    /// member gives it away without solving anything, and a cell already seen at values `level` apart in the
    /// solutions found so far is protected without solving for its own bounds.
    public func exposed(hidden: Set<Int>, lowerBounds: [Int: Int], upperBounds: [Int: Int] = [:], level: Int) -> Set<Int> {
        var cache: [[Int]: Set<Int>] = [:]
        return exposed(hidden: hidden, lowerBounds: lowerBounds, upperBounds: upperBounds, level: level, cache: &cache)
    }

    /// As `exposed`, reusing the answers for components already solved (a component's answer depends only on
    /// its hidden cells and what is known of each, so a suppression loop re-solves only those it changed).
    public func exposed(
        hidden: Set<Int>, lowerBounds: [Int: Int], upperBounds: [Int: Int] = [:], level: Int, cache: inout [[Int]: Set<Int>]
    ) -> Set<Int> {
        var out: Set<Int> = []
        for component in components(hidden) {
            // The answer depends on the cells and on what is known of each: its least value, and any upper bound.
            let key = component.cells + component.cells.map { (lowerBounds[$0] ?? 1) * 2 + (upperBounds[$0] == nil ? 0 : 1) }
            if let known = cache[key] {
                out.formUnion(known)
                continue
            }
            let pinned = pinnedCells(component, hidden: hidden).filter { upperBounds[$0] == nil }
            let found =
                pinned.isEmpty ? solve(component, hidden: hidden, lowerBounds: lowerBounds, upperBounds: upperBounds, level: level).exposed : Set(pinned)
            cache[key] = found
            out.formUnion(found)
        }
        return out
    }

    /// Every hidden cell's interval.
    public func intervals(hidden: Set<Int>, lowerBounds: [Int: Int], upperBounds: [Int: Int] = [:]) -> [Int: Interval] {
        var out: [Int: Interval] = [:]
        for component in components(hidden) {
            out.merge(solve(component, hidden: hidden, lowerBounds: lowerBounds, upperBounds: upperBounds, level: nil).intervals) { a, _ in a }
        }
        return out
    }

    /// Cells an equality with no other hidden member gives away (zeros, known to be nothing, are not at risk).
    func pinnedCells(_ component: Component, hidden: Set<Int>) -> [Int] {
        component.relations.compactMap { r -> Int? in
            guard relations[r].kind == .equal else { return nil }
            let h = ([relations[r].total] + relations[r].parts).filter { hidden.contains($0) }
            return h.count == 1 && counts[h[0]] > 0 ? h[0] : nil
        }
    }

    struct Component {
        var cells: [Int]
        var relations: [Int]
    }

    /// Hidden cells joined by the relations they share.
    func components(_ hidden: Set<Int>) -> [Component] {
        var parent: [Int: Int] = [:]
        func find(_ x: Int) -> Int {
            var x = x
            while let p = parent[x], p != x {
                parent[x] = parent[p] ?? p
                x = p
            }
            return x
        }
        for h in hidden { parent[h] = h }
        var touching: [Int] = []
        for (r, rel) in relations.enumerated() {
            let h = ([rel.total] + rel.parts).filter { hidden.contains($0) }
            guard let first = h.first else { continue }
            touching.append(r)
            for other in h.dropFirst() {
                let a = find(first), b = find(other)
                if a != b { parent[b] = a }
            }
        }
        var cells: [Int: [Int]] = [:], rels: [Int: [Int]] = [:]
        for h in hidden.sorted() { cells[find(h), default: []].append(h) }
        for r in touching {
            let rel = relations[r]
            let h = ([rel.total] + rel.parts).first { hidden.contains($0) }!
            rels[find(h), default: []].append(r)
        }
        return cells.keys.sorted().map { Component(cells: cells[$0]!, relations: rels[$0] ?? []) }
    }

    /// Min and max of every cell of a component by linear programming over y = x - lower bound ≥ 0. With a
    /// `level`, a cell whose values in the solutions already found lie `level` apart is not solved for. A cell
    /// with an upper bound (published rounded) gets a slack variable and a row `y + slack = upper − lower`.
    func solve(
        _ component: Component, hidden: Set<Int>, lowerBounds: [Int: Int], upperBounds: [Int: Int] = [:], level: Int?
    ) -> (intervals: [Int: Interval], exposed: Set<Int>) {
        let index = Dictionary(uniqueKeysWithValues: component.cells.enumerated().map { ($1, $0) })
        func lb(_ c: Int) -> Int { lowerBounds[c] ?? 1 }
        // An inequality gets a slack variable of its own after the cells, then each bounded cell.
        let inequalities = component.relations.filter { relations[$0].kind != .equal }
        let bounded = component.cells.filter { upperBounds[$0] != nil }
        var program = EqualityProgram(variables: component.cells.count + inequalities.count + bounded.count)
        for (k, c) in bounded.enumerated() {
            program.add([index[c]!: 1, component.cells.count + inequalities.count + k: 1], equals: Double(upperBounds[c]! - lb(c)))
        }
        for r in component.relations {
            let rel = relations[r]
            // Σ parts − total (− slack, or + slack) = 0, with published values moved to the right-hand side.
            var coefficients: [Int: Double] = [:]
            if let k = inequalities.firstIndex(of: r) { coefficients[component.cells.count + k] = rel.kind == .partsAtLeast ? -1 : 1 }
            var value = 0.0
            for (cell, sign) in [(rel.total, -1.0)] + rel.parts.map({ ($0, 1.0) }) {
                if let j = index[cell] {
                    coefficients[j, default: 0] += sign
                    value -= sign * Double(lb(cell))
                } else {
                    value -= sign * Double(counts[cell])
                }
            }
            program.add(coefficients, equals: value)
        }
        var intervals: [Int: Interval] = [:]
        guard let basis = program.feasibleBasis() else {
            // Cannot happen for true counts; treat as exposed so it is never published unprotected.
            for c in component.cells { intervals[c] = Interval(lower: counts[c], upper: counts[c]) }
            return (intervals, Set(component.cells))
        }
        // The true values are one solution; every optimum found widens what each cell is known to range over.
        var seenLow = component.cells.map { Double(counts[$0] - lb($0)) }, seenHigh = seenLow
        func see(_ point: [Double]) {
            for k in component.cells.indices {
                seenLow[k] = min(seenLow[k], point[k])
                seenHigh[k] = max(seenHigh[k], point[k])
            }
        }
        if level != nil, component.cells.count > 8 {
            // A few optima of mixed objectives move most cells at once, so few are left to solve one by one.
            var rng = SystemRandomNumberGenerator()
            for _ in 0..<4 {
                let weights = component.cells.indices.map { _ in Double.random(in: -1...1, using: &rng) }
                if let (_, point) = program.optimum(weights, from: basis) { see(point) }
            }
        }
        var exposed: Set<Int> = []
        for (j, c) in component.cells.enumerated() where (counts[c] > 0 && upperBounds[c] == nil) || level == nil {
            if let level, seenHigh[j] - seenLow[j] >= Double(level) - 1e-6 { continue }
            var low = 0.0, high: Double? = nil
            for maximise in [false, true] {
                guard let (value, point) = program.extreme(j, maximise: maximise, from: basis) else { continue }
                if maximise { high = value } else { low = value }
                see(point)
            }
            // Counts are whole numbers: an attacker rounds the bounds inwards.
            let interval = Interval(lower: lb(c) + Int((low - 1e-6).rounded(.up)), upper: high.map { lb(c) + Int(($0 + 1e-6).rounded(.down)) })
            intervals[c] = interval
            // A rounded cell is published: what it gives away shows up in the hidden cells it narrows.
            if let level, upperBounds[c] == nil, interval.narrower(than: level) { exposed.insert(c) }
        }
        return (intervals, exposed)
    }
}
