/// A calendar date with no time zone, stored as its day number so comparisons and differences are cheap.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is day 0).
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Returns nil when the date does not exist (31 April, 29 February in a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        dayNumber = CalendarDate.days(fromCivil: year, month, day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45,
            let y = Digits.value(u, 0, 4), let m = Digits.value(u, 5, 2), let d = Digits.value(u, 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) { CalendarDate.civil(fromDays: dayNumber) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }
    public var yearMonth: YearMonth { let c = components; return YearMonth(year: c.year, month: c.month)! }

    /// ISO 8601, `YYYY-MM-DD`.
    public var description: String {
        Digits.format { Digits.appendDate(self, to: &$0) }
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28 or 29 Feb).
    public func adding(months: Int) -> CalendarDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(c.day, CalendarDate.daysIn(month: m, year: y)))!
    }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// Whole years from `birth` to this date (an age in years).
    public func years(since birth: CalendarDate) -> Int {
        let a = components, b = birth.components
        var years = a.year - b.year
        if (a.month, a.day) < (b.month, b.day) { years -= 1 }
        return years
    }

    public static func < (l: CalendarDate, r: CalendarDate) -> Bool { l.dayNumber < r.dayNumber }
}

extension CalendarDate: TextCodable {
    public init?(text: String) { self.init(iso: text) }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-from-days algorithms: exact for the proleptic Gregorian calendar.
    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// Small helpers for fixed-width decimal fields, shared by the date parsers.
public enum Digits {
    /// The value of `count` ASCII digits starting at `offset`, or nil if any is not a digit.
    @inlinable
    public static func value(_ u: [UInt8], _ offset: Int, _ count: Int) -> Int? {
        var v = 0
        for i in offset..<(offset + count) {
            let c = u[i] &- 48
            guard c < 10 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }

    /// Builds a short ASCII string from bytes (dates and times are formatted millions of times at intake).
    @inlinable
    public static func format(_ build: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        build(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a date as `YYYY-MM-DD`.
    public static func appendDate(_ date: CalendarDate, to out: inout [UInt8]) {
        let c = date.components
        append(c.year, width: 4, to: &out)
        out.append(45)
        append(c.month, width: 2, to: &out)
        out.append(45)
        append(c.day, width: 2, to: &out)
    }

    /// Appends `value` as at least `width` decimal digits.
    @inlinable
    public static func append(_ value: Int, width: Int, to out: inout [UInt8]) {
        var v = value
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (48, 48, 48, 48, 48, 48, 48, 48)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[7 - n] = UInt8(48 + v % 10)
                v /= 10
                n += 1
            } while v > 0 && n < 8
            n = max(n, width)
            for i in (8 - n)..<8 { out.append(buf[i]) }
        }
    }

    public static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
