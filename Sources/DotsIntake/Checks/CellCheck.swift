import DotsCore

/// The result of checking one cell's bytes against its field type.
public enum CellCheck: Equatable {
    /// Valid. `comparable` orders values of date, time, month and integer fields (day number, seconds,
    /// month index, value) so rules across fields can compare them without building strings.
    case valid(comparable: Int64?)
    case invalid(IssueCode, rule: String)
}

/// Checks a cell's bytes against a field type. Works on raw bytes: no String is built for a valid value.
public struct FieldChecker: Sendable {
    public let field: FieldSpec
    private let codeBytes: [[UInt8]]

    public init(field: FieldSpec) {
        self.field = field
        switch field.type {
        case .code(let set), .codes(let set): codeBytes = set.codes.map { Array($0.utf8) }
        default: codeBytes = []
        }
    }

    public func check(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CellCheck {
        let len = end - start
        switch field.type {
        case .identifier:
            guard len <= 64 else { return .invalid(.tooLong, rule: "an id may have at most 64 characters") }
            for i in start..<end where !Self.isIDByte(buf[i]) {
                return .invalid(.formatError, rule: "an id may contain only letters, digits and - _ . / :")
            }
            return .valid(comparable: nil)
        case .pseudonym:
            guard len == 64 else { return .invalid(.formatError, rule: "a pseudonym is 64 hexadecimal characters, as written by `dots prepare`") }
            for i in start..<end {
                let c = buf[i]
                guard (c &- 48 < 10) || (c &- 97 < 6) else {
                    return .invalid(.formatError, rule: "a pseudonym is 64 lowercase hexadecimal characters (0-9, a-f), as written by `dots prepare`")
                }
            }
            return .valid(comparable: nil)
        case .bloomFilter(let bits):
            // Base64 of bits/8 bytes, padded: 4 characters per 3 bytes.
            let expected = (bits / 8 + 2) / 3 * 4
            guard len == expected else { return .invalid(.formatError, rule: "an encoding is \(expected) base64 characters, as written by `dots prepare`") }
            for i in start..<end {
                let c = buf[i]
                guard (c &- 65 < 26) || (c &- 97 < 26) || (c &- 48 < 10) || c == 43 || c == 47 || (c == 61 && i >= end - 2) else {
                    return .invalid(.formatError, rule: "an encoding is base64 (A-Z, a-z, 0-9, +, /), as written by `dots prepare`")
                }
            }
            return .valid(comparable: nil)
        case .text(let max), .rawIdentifier(let max):
            if len > max {
                // Count characters, not bytes, only when the bytes alone are over the limit.
                let chars = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self).count
                if chars > max { return .invalid(.tooLong, rule: "at most \(max) characters are allowed") }
            }
            return .valid(comparable: nil)
        case .code(let set):
            return matchesCode(buf, start, end) ? .valid(comparable: nil) : .invalid(.codeError, rule: Self.codeRule(set))
        case .codes(let set):
            var s = start
            var i = start
            while i <= end {
                if i == end || buf[i] == 59 {
                    guard i > s, matchesCode(buf, s, i) else {
                        return .invalid(.codeError, rule: "each code, separated by ;, must be one of: " + Self.codeList(set))
                    }
                    s = i + 1
                }
                i += 1
            }
            return .valid(comparable: nil)
        case .date:
            return Self.parseDate(buf, start, end).map { .valid(comparable: Int64($0.dayNumber)) }
                ?? Self.dateProblem(buf, start, end)
        case .dateTime:
            if let instant = Self.parseDateTime(buf, start, end) { return .valid(comparable: instant.seconds) }
            return .invalid(.typeError, rule: "must be a date and time written YYYY-MM-DD HH:MM (UK time), for example 2025-06-14 21:30")
        case .yearMonth:
            guard len == 7, buf[start + 4] == 45, let y = Self.digits(buf, start, 4), let m = Self.digits(buf, start + 5, 2),
                let ym = YearMonth(year: y, month: m)
            else { return .invalid(.typeError, rule: "must be a year and month written YYYY-MM, for example 2009-07") }
            guard y >= 1900 else { return .invalid(.rangeError, rule: "must be 1900 or later") }
            return .valid(comparable: Int64(ym.index))
        case .boolean:
            guard len == 1, buf[start] == 89 || buf[start] == 78 else { return .invalid(.codeError, rule: "must be Y or N") }
            return .valid(comparable: buf[start] == 89 ? 1 : 0)
        case .integer(let min, let max):
            guard let v = Self.integer(buf, start, end) else { return .invalid(.typeError, rule: "must be a whole number") }
            guard v >= min && v <= max else { return .invalid(.rangeError, rule: "must be between \(min) and \(max)") }
            return .valid(comparable: Int64(v))
        case .areaCode(let levels):
            guard let level = Self.areaLevel(buf, start, end), levels.contains(level) else {
                let example = levels == [.lsoa] ? "E01014270" : levels == [.ward] ? "E05008320" : levels == [.msoa] ? "E02003156" : "E07000197"
                return .invalid(
                    .formatError, rule: "must be the ONS code of a " + levels.map(\.rawValue).joined(separator: " or ") + ", for example \(example)")
            }
            return .valid(comparable: nil)
        }
    }

    /// `Area.level(ofCode:)` on bytes: E, two digits naming the entity, six more digits.
    static func areaLevel(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Area.Level? {
        guard end - start == 9, buf[start] == 69, let entity = digits(buf, start + 1, 2), digits(buf, start + 3, 6) != nil else { return nil }
        switch entity {
        case 12: return .region
        case 10: return .county
        case 6, 8, 9: return .unitary
        case 7: return .district
        case 5: return .ward
        case 2: return .msoa
        case 1: return .lsoa
        default: return nil
        }
    }

    func matchesCode(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let len = end - start
        outer: for code in codeBytes where code.count == len {
            for k in 0..<len where code[k] != buf[start + k] { continue outer }
            return true
        }
        return false
    }

    static func codeList(_ set: CodeSet) -> String {
        set.codes.count <= 20 ? set.codes.joined(separator: ", ") : "the codes in `dots schema show`"
    }

    static func codeRule(_ set: CodeSet) -> String { "must be one of: " + codeList(set) }

    static func isIDByte(_ c: UInt8) -> Bool {
        (c &- 48 < 10) || (c &- 65 < 26) || (c &- 97 < 26) || c == 45 || c == 95 || c == 46 || c == 47 || c == 58
    }

    static func digits(_ buf: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var v = 0
        for i in at..<(at + count) {
            let d = buf[i] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    static func integer(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        let negative = i < end && buf[i] == 45
        if negative { i += 1 }
        guard i < end, end - i <= 18, let v = digits(buf, i, end - i) else { return nil }
        return negative ? -v : v
    }

    /// `YYYY-MM-DD`, a real date, from 1900.
    public static func parseDate(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CalendarDate? {
        guard end - start == 10, buf[start + 4] == 45, buf[start + 7] == 45,
            let y = digits(buf, start, 4), let m = digits(buf, start + 5, 2), let d = digits(buf, start + 8, 2), y >= 1900
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    static func dateProblem(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CellCheck {
        if end - start == 10, buf[start + 4] == 45, buf[start + 7] == 45, let y = digits(buf, start, 4), digits(buf, start + 5, 2) != nil,
            digits(buf, start + 8, 2) != nil
        {
            if y < 1900 { return .invalid(.rangeError, rule: "must be 1900 or later") }
            return .invalid(.typeError, rule: "is not a real date (check the day and month)")
        }
        return .invalid(.typeError, rule: "must be a date written YYYY-MM-DD, for example 2025-03-31")
    }

    /// `YYYY-MM-DD[ T]HH:MM[:SS][Z|±HH:MM]`, or a bare date (read as 00:00). Without an offset the time is UK time.
    public static func parseDateTime(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Instant? {
        let len = end - start
        guard len >= 10, let date = parseDate(buf, start, start + 10) else { return nil }
        if len == 10 { return UKTime.instant(localDate: date, hour: 0, minute: 0) }
        guard len >= 16, buf[start + 10] == 32 || buf[start + 10] == 84, buf[start + 13] == 58,
            let h = digits(buf, start + 11, 2), let mi = digits(buf, start + 14, 2), h < 24, mi < 60
        else { return nil }
        var i = start + 16
        var sec = 0
        if i < end, buf[i] == 58 {
            guard i + 3 <= end, let s = digits(buf, i + 1, 2), s < 60 else { return nil }
            sec = s
            i += 3
        }
        if i == end { return UKTime.instant(localDate: date, hour: h, minute: mi, second: sec) }
        let utc = Instant(utcDate: date, hour: h, minute: mi, second: sec)
        if buf[i] == 90, i + 1 == end { return utc }
        guard end - i == 6, buf[i] == 43 || buf[i] == 45, buf[i + 3] == 58,
            let oh = digits(buf, i + 1, 2), let om = digits(buf, i + 4, 2), oh <= 14, om < 60
        else { return nil }
        let offset = Int64(oh * 3600 + om * 60) * (buf[i] == 43 ? 1 : -1)
        return Instant(seconds: utc.seconds - offset)
    }
}
