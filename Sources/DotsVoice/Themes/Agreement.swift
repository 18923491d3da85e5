/// Agreement between two coders on the same texts: Cohen's kappa for each theme (did both apply it, or both not?)
/// and pooled over themes (the sums of the per-theme 2 × 2 tables, so rare themes do not swing it).
public struct Agreement: Sendable, Equatable {
    public struct ThemeAgreement: Sendable, Equatable {
        public var theme: String
        /// Texts both coders gave the theme, only the first, only the second, neither.
        public var both: Int, firstOnly: Int, secondOnly: Int, neither: Int
        /// Nil when neither coder varied (kappa is undefined: chance agreement is 1).
        public var kappa: Double?
    }

    /// Texts both coders coded.
    public var units: Int
    public var themes: [ThemeAgreement]
    public var pooledKappa: Double?

    /// `first` and `second`: the themes each coder gave each text they coded. Only texts both coded count.
    public static func measure(_ first: [TextUnit: Set<String>], _ second: [TextUnit: Set<String>], themes: [String]) -> Agreement {
        let units = Set(first.keys).intersection(second.keys).sorted()
        var rows: [ThemeAgreement] = []
        var pooled = (0, 0, 0, 0)
        for theme in themes {
            var t = ThemeAgreement(theme: theme, both: 0, firstOnly: 0, secondOnly: 0, neither: 0, kappa: nil)
            for u in units {
                switch (first[u]!.contains(theme), second[u]!.contains(theme)) {
                case (true, true): t.both += 1
                case (true, false): t.firstOnly += 1
                case (false, true): t.secondOnly += 1
                case (false, false): t.neither += 1
                }
            }
            t.kappa = kappa(t.both, t.firstOnly, t.secondOnly, t.neither)
            pooled = (pooled.0 + t.both, pooled.1 + t.firstOnly, pooled.2 + t.secondOnly, pooled.3 + t.neither)
            rows.append(t)
        }
        return Agreement(units: units.count, themes: rows, pooledKappa: kappa(pooled.0, pooled.1, pooled.2, pooled.3))
    }

    /// Cohen's kappa for a 2 × 2 table: (observed − chance) / (1 − chance).
    public static func kappa(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double? {
        let n = Double(a + b + c + d)
        guard n > 0 else { return nil }
        let observed = Double(a + d) / n
        let chance = (Double(a + b) * Double(a + c) + Double(c + d) * Double(b + d)) / (n * n)
        guard chance < 1 else { return nil }
        return (observed - chance) / (1 - chance)
    }

    /// Landis and Koch's words for a kappa, as coding guides use them.
    public static func words(_ kappa: Double?) -> String {
        guard let k = kappa else { return "not measurable (no variation)" }
        switch k {
        case ..<0: return "poor (worse than chance)"
        case ..<0.21: return "slight"
        case ..<0.41: return "fair"
        case ..<0.61: return "moderate"
        case ..<0.81: return "substantial"
        default: return "almost perfect"
        }
    }
}
