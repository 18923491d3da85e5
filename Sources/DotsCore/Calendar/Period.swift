/// A reporting period: an inclusive range of calendar dates, with the name people use for it.
public struct Period: Hashable, Sendable, TextCodable {
    public enum Kind: String, Sendable, Codable {
        case month, quarter, financialYear = "financial-year", custom
    }

    public let start: CalendarDate
    public let end: CalendarDate
    public let kind: Kind

    public init(start: CalendarDate, end: CalendarDate, kind: Kind = .custom) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    /// The English financial year starting 1 April of `startYear` (`2025-26`).
    public static func financialYear(_ startYear: Int) -> Period {
        Period(
            start: CalendarDate(year: startYear, month: 4, day: 1)!,
            end: CalendarDate(year: startYear + 1, month: 3, day: 31)!, kind: .financialYear)
    }

    public static func month(_ ym: YearMonth) -> Period { Period(start: ym.firstDay, end: ym.lastDay, kind: .month) }

    /// Quarter `q` (1-4) of the financial year starting in `startYear`: Q1 is April to June.
    public static func quarter(financialYear startYear: Int, _ q: Int) -> Period {
        let first = YearMonth(year: startYear, month: 4)!.adding(months: (q - 1) * 3)
        return Period(start: first.firstDay, end: first.adding(months: 2).lastDay, kind: .quarter)
    }

    /// The financial year containing `date`.
    public static func financialYear(containing date: CalendarDate) -> Period {
        financialYear(date.month >= 4 ? date.year : date.year - 1)
    }

    /// Parses `2025-26` (financial year), `2025-26 Q1`, `2025-04` (month) or `2025-04-01/2026-03-31`.
    public init?(parsing raw: String) {
        let text = raw.trimmingSpaces
        if text.contains("/") {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let s = CalendarDate(iso: parts[0]), let e = CalendarDate(iso: parts[1]), s <= e else { return nil }
            self.init(start: s, end: e)
            return
        }
        if let ym = YearMonth(iso: text) { self = .month(ym); return }
        let pieces = text.split(separator: " ")
        guard !pieces.isEmpty else { return nil }
        let fy = Array(pieces[0].utf8)
        guard fy.count == 7, fy[4] == 45, let y = Digits.value(fy, 0, 4), let y2 = Digits.value(fy, 5, 2), (y + 1) % 100 == y2 else { return nil }
        if pieces.count == 1 { self = .financialYear(y); return }
        let q = Array(pieces[1].utf8)
        guard pieces.count == 2, q.count == 2, q[0] == 81 || q[0] == 113, let n = Digits.value(q, 1, 1), (1...4).contains(n) else { return nil }
        self = .quarter(financialYear: y, n)
    }

    public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }
    public func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }
    public var days: Int { end.dayNumber - start.dayNumber + 1 }

    /// How people write it: `2025-26`, `2025-26 Q1`, `2025-04`, or `2025-04-01/2026-03-31`.
    public var description: String {
        switch kind {
        case .financialYear: return "\(start.year)-\(Digits.pad((start.year + 1) % 100, 2))"
        case .month: return start.yearMonth.description
        case .quarter:
            let fyStart = start.month >= 4 ? start.year : start.year - 1
            let q = (start.yearMonth.index - YearMonth(year: fyStart, month: 4)!.index) / 3 + 1
            return "\(fyStart)-\(Digits.pad((fyStart + 1) % 100, 2)) Q\(q)"
        case .custom: return "\(start)/\(end)"
        }
    }

    /// Codable as its display text, so a period reads the same in JSON, YAML and the CLI.
    public init?(text: String) { self.init(parsing: text) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
