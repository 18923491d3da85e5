/// A month of a year (`YYYY-MM`): how dates of birth travel once degraded.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == 45, let y = Digits.value(u, 0, 4), let m = Digits.value(u, 5, 2) else { return nil }
        self.init(year: y, month: m)
    }

    public var index: Int { year * 12 + month - 1 }
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))! }
    public var description: String { "\(Digits.pad(year, 4))-\(Digits.pad(month, 2))" }

    public func adding(months: Int) -> YearMonth {
        let i = index + months
        return YearMonth(year: i / 12, month: i % 12 + 1)!
    }

    public static func < (l: YearMonth, r: YearMonth) -> Bool { l.index < r.index }
}
