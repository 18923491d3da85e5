import DotsCore

/// One figure: an indicator for a period, a scope (the whole partnership area, `all`, or one local authority by
/// ONS code) and a group of a breakdown (`total`/`all` for the headline).
public struct IndicatorCell: Sendable, Equatable, Codable {
    public var indicatorID: String
    public var periodKind: String
    public var period: String
    public var periodStart: CalendarDate
    public var periodEnd: CalendarDate
    public var scope: String
    public var breakdown: String
    public var group: String
    /// `value`, or for durations the percentile (`p50`, `p90`).
    public var stat: String
    public var numerator: Int?
    public var denominator: Int?
    public var value: Double?
    public var status: Status
    /// Why a figure is not available, in plain words.
    public var note: String?

    public enum Status: String, Sendable, Codable {
        case ok
        /// The data cannot give this figure (`:` in published tables).
        case notAvailable = "not-available"
        /// The figure makes no sense here, such as a percentage of nothing (`z`).
        case notApplicable = "not-applicable"
    }

    public init(
        indicatorID: String, period: ReportingPeriod, scope: String, breakdown: String, group: String, stat: String,
        numerator: Int?, denominator: Int?, value: Double?, status: Status = .ok, note: String? = nil
    ) {
        self.indicatorID = indicatorID
        self.periodKind = period.kind.rawValue
        self.period = period.label
        self.periodStart = period.start
        self.periodEnd = period.end
        self.scope = scope
        self.breakdown = breakdown
        self.group = group
        self.stat = stat
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.status = status
        self.note = note
    }
}

/// A row as the compiled SQL returns it.
public struct RawCell: Sendable, Equatable {
    public var period: String
    public var scope: String
    public var breakdown: String
    public var group: String
    public var stat: String
    public var num: Int
    public var den: Int?
    public var val: Double?

    public init(period: String, scope: String, breakdown: String, group: String, stat: String, num: Int, den: Int?, val: Double?) {
        self.period = period
        self.scope = scope
        self.breakdown = breakdown
        self.group = group
        self.stat = stat
        self.num = num
        self.den = den
        self.val = val
    }
}

extension RawCell {
    /// The whole-area (`all`) cells as the sum of the per-local-authority ones, for counts.
    public static func addingWholeArea(_ cells: [RawCell]) -> [RawCell] {
        struct Key: Hashable { let period, breakdown, group, stat: String }
        var sums: [Key: (num: Int, den: Int?)] = [:]
        var order: [Key] = []
        for c in cells {
            let key = Key(period: c.period, breakdown: c.breakdown, group: c.group, stat: c.stat)
            if let s = sums[key] {
                sums[key] = (s.num + c.num, c.den.map { $0 + (s.den ?? 0) } ?? s.den)
            } else {
                sums[key] = (c.num, c.den)
                order.append(key)
            }
        }
        return cells
            + order.map { k in
                RawCell(period: k.period, scope: "all", breakdown: k.breakdown, group: k.group, stat: k.stat, num: sums[k]!.num, den: sums[k]!.den, val: nil)
            }
    }
}
