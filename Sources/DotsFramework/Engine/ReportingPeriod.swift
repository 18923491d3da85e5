import DotsCore

/// One period an indicator is reported for: a month, a financial-year quarter, a financial year, or the twelve
/// months to a month's end. Periods are whole months, so each is a range of month indexes.
public struct ReportingPeriod: Hashable, Sendable, Comparable {
    public let kind: PeriodKind
    public let firstMonth: YearMonth
    public let lastMonth: YearMonth

    public init(kind: PeriodKind, firstMonth: YearMonth, lastMonth: YearMonth) {
        self.kind = kind
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
    }

    public var start: CalendarDate { firstMonth.firstDay }
    public var end: CalendarDate { lastMonth.lastDay }
    public var months: ClosedRange<Int> { firstMonth.index...lastMonth.index }

    /// How people name it: `2025-04`, `2025-26 Q1`, `2025-26`, `12 months to 2026-03`.
    public var label: String {
        switch kind {
        case .month: firstMonth.description
        case .quarter: Period(start: start, end: end, kind: .quarter).description
        case .financialYear: Period(start: start, end: end, kind: .financialYear).description
        case .rolling12: "12 months to \(lastMonth)"
        }
    }

    /// The same period a year earlier, for comparison.
    public var yearEarlier: ReportingPeriod {
        ReportingPeriod(kind: kind, firstMonth: firstMonth.adding(months: -12), lastMonth: lastMonth.adding(months: -12))
    }

    public static func < (l: ReportingPeriod, r: ReportingPeriod) -> Bool {
        (l.lastMonth.index, l.kind.rawValue) < (r.lastMonth.index, r.kind.rawValue)
    }

    /// Every whole period of the given kinds that lies within `first...last` months (a period partly outside
    /// the data would be an undercount, so it is not offered).
    public static func covering(_ first: YearMonth, _ last: YearMonth, kinds: [PeriodKind]) -> [ReportingPeriod] {
        guard first <= last else { return [] }
        var out: [ReportingPeriod] = []
        for kind in kinds {
            switch kind {
            case .month:
                for i in first.index...last.index { out.append(.init(kind: .month, firstMonth: month(i), lastMonth: month(i))) }
            case .quarter, .financialYear:
                let length = kind == .quarter ? 3 : 12
                // Financial quarters and years start in April, July, October and January: month indexes ≡ 3 (mod 3 or 12).
                var i = first.index
                while (i - 3) % length != 0 { i += 1 }
                while i + length - 1 <= last.index {
                    out.append(.init(kind: kind, firstMonth: month(i), lastMonth: month(i + length - 1)))
                    i += length
                }
            case .rolling12:
                guard last.index - first.index >= 11 else { continue }
                for end in (first.index + 11)...last.index {
                    out.append(.init(kind: .rolling12, firstMonth: month(end - 11), lastMonth: month(end)))
                }
            }
        }
        return out.sorted()
    }

    static func month(_ index: Int) -> YearMonth { YearMonth(year: index / 12, month: index % 12 + 1)! }
}
