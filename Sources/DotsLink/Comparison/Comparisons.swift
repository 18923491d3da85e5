/// The comparisons linkage makes between two records, each with levels from strongest agreement to disagreement.
/// Level 0 of every comparison is "not known" (one side blank): it neither adds nor takes away weight.
public enum ComparisonName: String, Codable, Sendable, CaseIterable {
    case nhs, upn, localID = "local_id", firstName = "first_name", surname, dob, postcode, sex
}

public struct Comparison: Sendable {
    public let name: ComparisonName
    /// Labels of levels 1…n (level 0 is "not known").
    public let levels: [String]

    public var levelCount: Int { levels.count + 1 }

    public func label(_ level: Int) -> String { level == 0 ? "not known" : levels[level - 1] }
}

/// Computes comparison vectors.
public struct Comparator: Sendable {
    public let comparisons: [Comparison]
    let nameDice: [Double]
    /// Settings version 2 on: a date of birth in the same month of another year (a year mistyped) is a level of its
    /// own, not "different". Version 1 settings (runs saved before it) keep their five levels, so their saved models
    /// still explain them.
    let monthOfAnotherYear: Bool
    /// Settings version 3 on: levels that grade typing errors (names in each other's fields or sounding alike, a
    /// year of birth out with the day and month right).
    public let gradesErrors: Bool

    public init(settings: LinkageSettings) {
        nameDice = settings.nameDiceLevels
        monthOfAnotherYear = settings.version >= 2
        gradesErrors = settings.version >= 3
        let nameLevels =
            gradesErrors
            ? ["exact", "exact, in the other name's field"] + settings.nameDiceLevels.map { "similar (Dice ≥ \($0))" } + ["sounds alike", "different"]
            : ["exact"] + settings.nameDiceLevels.map { "similar (Dice ≥ \($0))" } + ["different"]
        let dobLevels =
            gradesErrors
            ? [
                "exact", "day and month swapped", "same day and month, year one out", "same month", "within a month",
                "same day and month, another year", "same month, another year", "different",
            ]
            : ["exact", "day and month swapped", "same month", "within a month"] + (settings.version >= 2 ? ["same month, another year"] : [])
                + ["different"]
        comparisons = [
            Comparison(name: .nhs, levels: ["agree", "different"]),
            Comparison(name: .upn, levels: ["agree", "different"]),
            Comparison(name: .localID, levels: ["agree", "different"]),
            Comparison(name: .firstName, levels: nameLevels),
            Comparison(name: .surname, levels: nameLevels),
            Comparison(name: .dob, levels: dobLevels),
            Comparison(name: .postcode, levels: ["same postcode", "same area", "different"]),
            Comparison(name: .sex, levels: ["same", "different"]),
        ]
    }

    /// Version 3's name levels that grade errors: those similar by Dice, and "sounds alike".
    public struct ErrorLevels: Sendable {
        let similar: ClosedRange<UInt8>
        let sound: UInt8
    }

    /// The name levels that grade errors (meaningful with version 3's levels only).
    var errorLevels: ErrorLevels { ErrorLevels(similar: 3...UInt8(nameDice.count + 2), sound: UInt8(nameDice.count + 3)) }

    /// The level of each comparison for a pair, in `comparisons` order.
    public func levels(_ a: LinkRecord, _ b: LinkRecord, into out: inout [UInt8]) {
        withUnsafePointer(to: a) { pa in withUnsafePointer(to: b) { pb in levels(pa, pb, into: &out) } }
    }

    /// The same, reading the records in place: the hot loops compare millions of pairs, and copying two records
    /// (with their ids' reference counts) per pair cost more than comparing them.
    @inline(__always)
    public func levels(_ a: UnsafePointer<LinkRecord>, _ b: UnsafePointer<LinkRecord>, into out: inout [UInt8]) {
        out[0] = exact(a.pointee.nhs, b.pointee.nhs)
        out[1] = exact(a.pointee.upn, b.pointee.upn)
        out[2] = exact(a.pointee.localID, b.pointee.localID)
        out[3] = name(a.pointee.firstName, b.pointee.firstName, a, b, first: true)
        out[4] = name(a.pointee.surname, b.pointee.surname, a, b, first: false)
        out[5] = dob(a, b)
        let (pa, pb, aa, ab) = (a.pointee.postcode, b.pointee.postcode, a.pointee.area, b.pointee.area)
        out[6] = pa == 0 || pb == 0 ? (aa != 0 && ab != 0 ? (aa == ab ? 2 : 3) : 0) : (pa == pb ? 1 : (aa != 0 && aa == ab ? 2 : 3))
        let (sa, sb) = (a.pointee.sex, b.pointee.sex)
        out[7] = sa == 0 || sb == 0 ? 0 : (sa == sb ? 1 : 2)
    }

    /// Levels for records `i` and `j` of a buffer.
    @inline(__always)
    public func levels(_ records: UnsafeBufferPointer<LinkRecord>, _ i: Int, _ j: Int, into out: inout [UInt8]) {
        levels(records.baseAddress! + i, records.baseAddress! + j, into: &out)
    }

    @inline(__always)
    func exact(_ a: Int32, _ b: Int32) -> UInt8 { a == 0 || b == 0 ? 0 : (a == b ? 1 : 2) }

    @inline(__always)
    func name(_ x: Int32, _ y: Int32, _ a: UnsafePointer<LinkRecord>, _ b: UnsafePointer<LinkRecord>, first: Bool) -> UInt8 {
        if gradesErrors { return gradedName(x, y, a, b, first: first) }
        if x != 0 && x == y { return 1 }
        let ba = first ? a.pointee.firstNameBloom : a.pointee.surnameBloom
        let bb = first ? b.pointee.firstNameBloom : b.pointee.surnameBloom
        guard let ba, let bb else { return x == 0 || y == 0 ? 0 : UInt8(nameDice.count + 2) }
        let d = ba.dice(bb)
        for (i, t) in nameDice.enumerated() where d >= t { return UInt8(i + 2) }
        return UInt8(nameDice.count + 2)
    }

    /// Version 3's name levels: exact · exact, in the other name's field · similar by Dice (each threshold) · sounds
    /// alike · different. Dice is read only when both encodings were salted alike (the same birth year, or both
    /// none): under different salts the same name sets unrelated bits, so there the sound code grades instead.
    @inline(__always)
    func gradedName(_ x: Int32, _ y: Int32, _ a: UnsafePointer<LinkRecord>, _ b: UnsafePointer<LinkRecord>, first: Bool) -> UInt8 {
        let different = UInt8(nameDice.count + 4)
        if x != 0 && x == y { return 1 }
        if a.pointee.namesUnordered != 0 && a.pointee.namesUnordered == b.pointee.namesUnordered {
            // Both names agree in either order, and not in this field's own order: recorded in each other's fields.
            return x == 0 || y == 0 ? 0 : 2
        }
        let ba = first ? a.pointee.firstNameBloom : a.pointee.surnameBloom
        let bb = first ? b.pointee.firstNameBloom : b.pointee.surnameBloom
        guard let ba, let bb else { return x == 0 || y == 0 ? 0 : different }
        if a.pointee.birthYear == b.pointee.birthYear {
            let d = ba.dice(bb)
            for (i, t) in nameDice.enumerated() where d >= t { return UInt8(i + 3) }
        }
        let (sa, sb) = first ? (a.pointee.firstNameSound, b.pointee.firstNameSound) : (a.pointee.surnameSound, b.pointee.surnameSound)
        return sa != 0 && sa == sb ? different - 1 : different
    }

    @inline(__always)
    func dob(_ a: UnsafePointer<LinkRecord>, _ b: UnsafePointer<LinkRecord>) -> UInt8 {
        if gradesErrors { return gradedDOB(a, b) }
        if a.pointee.dob != 0 && a.pointee.dob == b.pointee.dob { return 1 }
        if a.pointee.dobUnordered != 0 && a.pointee.dobUnordered == b.pointee.dobUnordered { return 2 }
        let (ma, mb) = (a.pointee.birthMonth, b.pointee.birthMonth)
        guard ma >= 0, mb >= 0 else { return 0 }
        if ma == mb { return 3 }
        if abs(ma - mb) == 1 { return 4 }
        guard monthOfAnotherYear else { return 5 }
        return ma % 12 == mb % 12 ? 5 : 6
    }

    /// Version 3's date of birth levels: exact · day and month swapped · same day and month, year one out (a year
    /// apart, or one digit of it) · same month (the day differs) · within a month · same day and month, another
    /// year · same month, another year · different. The hub holds the year and month in the clear and the day only
    /// inside keyed pseudonyms, so a day's digits cannot be graded, and a mistyped month only as "within a month".
    @inline(__always)
    func gradedDOB(_ a: UnsafePointer<LinkRecord>, _ b: UnsafePointer<LinkRecord>) -> UInt8 {
        if a.pointee.dob != 0 && a.pointee.dob == b.pointee.dob { return 1 }
        if a.pointee.dobUnordered != 0 && a.pointee.dobUnordered == b.pointee.dobUnordered { return 2 }
        let (ma, mb) = (a.pointee.birthMonth, b.pointee.birthMonth)
        guard ma >= 0, mb >= 0 else { return 0 }
        let sameDayAndMonth = a.pointee.dobMonthDay != 0 && a.pointee.dobMonthDay == b.pointee.dobMonthDay
        if sameDayAndMonth {
            let (ya, yb) = (ma / 12, mb / 12)
            // Same day, month and year under another full-date key cannot come from `dots prepare`: read it as exact.
            if ya == yb { return 1 }
            return abs(ya - yb) == 1 || Self.oneDigitApart(ya, yb) ? 3 : 6
        }
        if ma == mb { return 4 }
        if abs(ma - mb) == 1 { return 5 }
        return ma % 12 == mb % 12 ? 7 : 8
    }

    /// Whether two years differ in exactly one decimal digit (2009 and 2019, 2010 and 2040).
    static func oneDigitApart(_ a: Int32, _ b: Int32) -> Bool {
        var (x, y, differing) = (a, b, 0)
        while x > 0 || y > 0 {
            if x % 10 != y % 10 { differing += 1 }
            x /= 10
            y /= 10
        }
        return differing == 1
    }

    /// How many distinct comparison vectors there are: patterns are below this.
    public var patternCount: Int { comparisons.reduce(1) { $0 * $1.levelCount } }

    /// Packs a comparison vector into one integer (mixed radix), to count patterns.
    public func pattern(_ levels: [UInt8]) -> UInt32 {
        var p: UInt32 = 0
        for (i, c) in comparisons.enumerated() { p = p * UInt32(c.levelCount) + UInt32(levels[i]) }
        return p
    }

    public func unpack(_ pattern: UInt32) -> [UInt8] {
        var p = pattern
        var out = [UInt8](repeating: 0, count: comparisons.count)
        for i in stride(from: comparisons.count - 1, through: 0, by: -1) {
            let n = UInt32(comparisons[i].levelCount)
            out[i] = UInt8(p % n)
            p /= n
        }
        return out
    }
}
