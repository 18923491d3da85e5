/// A linear program over non-negative variables with equality constraints, `A y = b, y ≥ 0`, solved by the
/// two-phase simplex method on a dense tableau (largest reduced cost first, Bland's rule when it stalls). It is small on purpose: an
/// interval audit breaks a run's tables into components of a few dozen hidden cells, and asks each for the
/// smallest and largest value of every variable. `scripts/disclosure-audit` checks the same answers with HiGHS.
public struct EqualityProgram: Sendable {
    public let variables: Int
    public private(set) var rows: [[Double]] = []
    public private(set) var rhs: [Double] = []

    public init(variables: Int) { self.variables = variables }

    /// Adds `Σ coefficients[j] · y_j = value` (sparse: variable index → coefficient).
    public mutating func add(_ coefficients: [Int: Double], equals value: Double) {
        var row = [Double](repeating: 0, count: variables)
        for (j, a) in coefficients { row[j] += a }
        rows.append(row)
        rhs.append(value)
    }

    /// A basic feasible solution after phase one, from which any objective can be optimised.
    public struct Basis: Sendable {
        /// Rows × (variables + 1), the last column the basic values.
        var tableau: [Double]
        var basic: [Int]
        let width: Int
    }

    static let epsilon = 1e-9

    /// Phase one: a feasible basis, or nil when the constraints have no non-negative solution. The artificial
    /// variables (one per row, basic at the start) have no columns: once one leaves the basis it never needs to
    /// come back, and nothing here needs the basis inverse their columns would carry; that keeps the tableau narrow.
    public func feasibleBasis() -> Basis? {
        let m = rows.count, n = variables
        let width = n + 1
        var t = [Double](repeating: 0, count: m * width)
        for i in 0..<m {
            let sign: Double = rhs[i] < 0 ? -1 : 1
            for j in 0..<n { t[i * width + j] = sign * rows[i][j] }
            t[i * width + n] = sign * rhs[i]
        }
        // Basic index n + i marks row i's artificial, which costs 1 in phase one.
        var basic = Array(n..<(n + m))
        var cost = [Double](repeating: 0, count: n + m)
        for i in 0..<m { cost[n + i] = 1 }
        guard Self.optimise(&t, &basic, rows: m, width: width, cost: cost, allowed: n) != nil else { return nil }
        let infeasibility = (0..<m).reduce(0.0) { $0 + (basic[$1] >= n ? t[$1 * width + n] : 0) }
        if infeasibility > 1e-7 { return nil }
        // Drive artificials still in the basis (at zero) out, or drop their row when it repeats others.
        var keep: [Int] = []
        for i in 0..<m {
            if basic[i] >= n {
                if let j = (0..<n).first(where: { abs(t[i * width + $0]) > Self.epsilon }) {
                    Self.pivot(&t, &basic, row: i, column: j, rows: m, width: width)
                    keep.append(i)
                }
            } else {
                keep.append(i)
            }
        }
        var reduced = [Double](repeating: 0, count: keep.count * width)
        for (r, i) in keep.enumerated() {
            for j in 0..<width { reduced[r * width + j] = t[i * width + j] }
        }
        return Basis(tableau: reduced, basic: keep.map { basic[$0] }, width: width)
    }

    /// The smallest (or largest) value variable `j` takes over the feasible set, and a solution where it does;
    /// nil when it is unbounded.
    public func extreme(_ j: Int, maximise: Bool, from basis: Basis) -> (value: Double, solution: [Double])? {
        var weights = [Double](repeating: 0, count: j + 1)
        weights[j] = maximise ? -1 : 1
        guard let (v, solution) = optimum(weights, from: basis) else { return nil }
        return (maximise ? -v : v, solution)
    }

    /// A solution minimising `weights · y` (weights for the first variables, zero for the rest); nil when unbounded.
    public func optimum(_ weights: [Double], from basis: Basis) -> (value: Double, solution: [Double])? {
        var t = basis.tableau, basic = basis.basic
        var cost = [Double](repeating: 0, count: basis.width - 1)
        for (j, w) in weights.enumerated() { cost[j] = w }
        guard let v = Self.optimise(&t, &basic, rows: basic.count, width: basis.width, cost: cost, allowed: basis.width - 1) else { return nil }
        var solution = [Double](repeating: 0, count: variables)
        for (i, b) in basic.enumerated() { solution[b] = t[i * basis.width + basis.width - 1] }
        return (v, solution)
    }

    /// Minimises `cost · y` from the tableau's basic feasible solution; nil when unbounded below. The column with
    /// the most negative reduced cost enters (few pivots); after a run of pivots that do not improve the
    /// objective it falls back to Bland's rule, which cannot cycle.
    static func optimise(_ t: inout [Double], _ basic: inout [Int], rows m: Int, width: Int, cost: [Double], allowed: Int) -> Double? {
        let rhs = width - 1
        // Reduced costs d_j = c_j − Σ c_B(i) t[i][j], kept up to date through each pivot; d[rhs] is −objective.
        // `cost` may be longer than the columns: phase one prices artificial variables that have none.
        var d = Array(cost[0..<(width - 1)]) + [0]
        for i in 0..<m where cost[basic[i]] != 0 {
            let cb = cost[basic[i]]
            for j in 0..<width where t[i * width + j] != 0 { d[j] -= cb * t[i * width + j] }
        }
        var stalled = 0
        while true {
            var entering = -1
            if stalled < 50 {
                var most = -Self.epsilon
                for j in 0..<allowed where d[j] < most {
                    most = d[j]
                    entering = j
                }
            } else {
                entering = (0..<allowed).first { d[$0] < -Self.epsilon } ?? -1
            }
            if entering < 0 { break }
            var leaving = -1
            var best = Double.infinity
            for i in 0..<m {
                let a = t[i * width + entering]
                guard a > Self.epsilon else { continue }
                let ratio = t[i * width + rhs] / a
                if ratio < best - Self.epsilon || (abs(ratio - best) <= Self.epsilon && leaving >= 0 && basic[i] < basic[leaving]) {
                    best = ratio
                    leaving = i
                }
            }
            if leaving < 0 { return nil }
            stalled = best <= Self.epsilon ? stalled + 1 : 0
            pivot(&t, &basic, row: leaving, column: entering, rows: m, width: width)
            let f = d[entering]
            for j in 0..<width where t[leaving * width + j] != 0 { d[j] -= f * t[leaving * width + j] }
            d[entering] = 0
        }
        return (0..<m).reduce(0.0) { $0 + cost[basic[$1]] * t[$1 * width + rhs] }
    }

    static func pivot(_ t: inout [Double], _ basic: inout [Int], row r: Int, column c: Int, rows m: Int, width: Int) {
        let p = t[r * width + c]
        // The pivot row is mostly zeros (each relation names a few cells): update only its non-zero columns.
        var columns: [Int] = []
        for j in 0..<width where t[r * width + j] != 0 {
            t[r * width + j] /= p
            columns.append(j)
        }
        t.withUnsafeMutableBufferPointer { t in
            for i in 0..<m where i != r {
                let f = t[i * width + c]
                guard f != 0 else { continue }
                for j in columns { t[i * width + j] -= f * t[r * width + j] }
                t[i * width + c] = 0
            }
        }
        basic[r] = c
    }
}
