/// An instant, as whole seconds since 1970-01-01T00:00:00Z.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }

    public init(utcDate: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        seconds = Int64(utcDate.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public var utcDate: CalendarDate { CalendarDate(dayNumber: Int(floorDiv(seconds, 86_400))) }

    /// ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String {
        let day = floorDiv(seconds, 86_400)
        let rest = Int(seconds - day * 86_400)
        return Digits.format { out in
            Digits.appendDate(CalendarDate(dayNumber: Int(day)), to: &out)
            out.append(84)
            Digits.append(rest / 3600, width: 2, to: &out)
            out.append(58)
            Digits.append(rest % 3600 / 60, width: 2, to: &out)
            out.append(58)
            Digits.append(rest % 60, width: 2, to: &out)
            out.append(90)
        }
    }

    public static func < (l: Instant, r: Instant) -> Bool { l.seconds < r.seconds }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

/// UK civil time (Europe/London): GMT in winter, BST (UTC+1) from 01:00 UTC on the last Sunday of March
/// to 01:00 UTC on the last Sunday of October. Agencies record local wall-clock times; Dots stores instants,
/// so that "within 72 hours" is measured in real hours across the clock changes.
public enum UKTime {
    /// The instant BST starts in `year`.
    public static func bstStart(_ year: Int) -> Instant { Instant(utcDate: lastSunday(year: year, month: 3), hour: 1) }
    /// The instant BST ends in `year`.
    public static func bstEnd(_ year: Int) -> Instant { Instant(utcDate: lastSunday(year: year, month: 10), hour: 1) }

    /// Offset from UTC, in seconds, in force at `instant`.
    public static func offset(at instant: Instant) -> Int {
        let s = instant.seconds
        // Intake converts millions of times, so the BST bounds of 1900-2199 are worked out once.
        let index = Int((s - firstYearStart) / 31_556_952)
        guard index >= 1, index < bstBounds.count - 1 else {
            let year = instant.utcDate.year
            return instant >= bstStart(year) && instant < bstEnd(year) ? 3600 : 0
        }
        // The estimate can be a year out near 1 January; BST never runs across it, so check both neighbours.
        for i in (index - 1)...(index + 1) where s >= bstBounds[i].0 && s < bstBounds[i].1 { return 3600 }
        return 0
    }

    static let firstYear = 1900
    static let firstYearStart = Instant(utcDate: CalendarDate(year: firstYear, month: 1, day: 1)!).seconds
    static let bstBounds: [(Int64, Int64)] = (firstYear..<2200).map { (bstStart($0).seconds, bstEnd($0).seconds) }

    /// Converts a UK wall-clock time to an instant. A time that happens twice (the autumn hour from 01:00
    /// to 02:00) is taken as its first, BST, occurrence; a time that never happens (the spring hour from 01:00
    /// to 02:00) is read as GMT, i.e. moved an hour later, the way a clock that was not yet changed would read it.
    public static func instant(localDate: CalendarDate, hour: Int, minute: Int, second: Int = 0) -> Instant {
        let asUTC = Instant(utcDate: localDate, hour: hour, minute: minute, second: second)
        let bst = Instant(seconds: asUTC.seconds - 3600)
        if offset(at: bst) == 3600 { return bst }
        return asUTC
    }

    /// The UK wall-clock date of an instant.
    public static func localDate(of instant: Instant) -> CalendarDate {
        Instant(seconds: instant.seconds + Int64(offset(at: instant))).utcDate
    }

    /// An instant as people in the UK read it: `25 Nov 2026, 14:05` in UK time (GMT or BST as in force).
    public static func display(_ instant: Instant) -> String {
        let local = instant.seconds + Int64(offset(at: instant))
        let date = Instant(seconds: local).utcDate
        let minutes = Int((local % 86_400 + 86_400) % 86_400 / 60)
        return "\(date.day) \(monthAbbreviations[date.month - 1]) \(date.year), \(Digits.pad(minutes / 60, 2)):\(Digits.pad(minutes % 60, 2))"
    }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func lastSunday(year: Int, month: Int) -> CalendarDate {
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
        return last.adding(days: -((last.weekday + 1) % 7))
    }
}

extension Instant: TextCodable {
    public init?(text: String) { self.init(iso: text) }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (UTC), as `description` writes it. Also accepts a space for `T`.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 20 || u.count == 19, let date = CalendarDate(iso: String(decoding: u[0..<10], as: UTF8.self)),
            u[10] == 84 || u[10] == 32, u[13] == 58, u[16] == 58,
            let h = Digits.value(u, 11, 2), let m = Digits.value(u, 14, 2), let s = Digits.value(u, 17, 2), h < 24, m < 60, s < 60
        else { return nil }
        if u.count == 20 && u[19] != 90 { return nil }
        self.init(utcDate: date, hour: h, minute: m, second: s)
    }
}
