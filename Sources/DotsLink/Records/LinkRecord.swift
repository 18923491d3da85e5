import DotsCore

/// A 512-bit Bloom-filter encoding as eight words, compared by Dice coefficient.
public struct BloomBits: Sendable, Equatable {
    public var w: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    public init?(bytes: [UInt8]) {
        guard bytes.count == 64 else { return nil }
        func word(_ i: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[i * 8 + $1]) << (UInt64($1) * 8) } }
        w = (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
    }

    /// The eight words, lowest bits first.
    public init(words: UnsafeBufferPointer<UInt64>) {
        w = (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7])
    }

    public var words: [UInt64] { [w.0, w.1, w.2, w.3, w.4, w.5, w.6, w.7] }

    var ones: Int {
        w.0.nonzeroBitCount + w.1.nonzeroBitCount + w.2.nonzeroBitCount + w.3.nonzeroBitCount
            + w.4.nonzeroBitCount + w.5.nonzeroBitCount + w.6.nonzeroBitCount + w.7.nonzeroBitCount
    }

    /// 2|A∩B| / (|A|+|B|).
    public func dice(_ o: BloomBits) -> Double {
        let both =
            (w.0 & o.w.0).nonzeroBitCount + (w.1 & o.w.1).nonzeroBitCount + (w.2 & o.w.2).nonzeroBitCount
            + (w.3 & o.w.3).nonzeroBitCount + (w.4 & o.w.4).nonzeroBitCount + (w.5 & o.w.5).nonzeroBitCount
            + (w.6 & o.w.6).nonzeroBitCount + (w.7 & o.w.7).nonzeroBitCount
        let total = ones + o.ones
        return total == 0 ? 0 : 2 * Double(both) / Double(total)
    }

    public static func == (l: BloomBits, r: BloomBits) -> Bool {
        l.w.0 == r.w.0 && l.w.1 == r.w.1 && l.w.2 == r.w.2 && l.w.3 == r.w.3 && l.w.4 == r.w.4 && l.w.5 == r.w.5 && l.w.6 == r.w.6 && l.w.7 == r.w.7
    }
}

/// One agency's person record as linkage sees it: every pseudonym interned to a small integer (0 = not given),
/// so comparing and grouping never touches strings.
public struct LinkRecord: Sendable {
    public let agency: String
    public let personID: String
    public var nhs: Int32 = 0, upn: Int32 = 0, localID: Int32 = 0, nameDOB: Int32 = 0
    public var firstName: Int32 = 0, surname: Int32 = 0, dob: Int32 = 0, dobUnordered: Int32 = 0, postcode: Int32 = 0
    /// Keys that survive typing errors (people schema 4): each name's keyed Soundex code, both names in either order,
    /// day and month of birth whatever the year.
    public var firstNameSound: Int32 = 0, surnameSound: Int32 = 0, namesUnordered: Int32 = 0, dobMonthDay: Int32 = 0
    /// Month index (year × 12 + month − 1), or −1.
    public var birthMonth: Int32 = -1
    /// 1 male, 2 female, 0 unknown.
    public var sex: Int32 = 0
    public var area: Int32 = 0
    public var firstNameBloom: BloomBits?
    public var surnameBloom: BloomBits?

    public init(agency: String, personID: String) {
        self.agency = agency
        self.personID = personID
    }

    /// `agency/person_id`, how records are named in reviews, explanations and truth files.
    public var key: String { "\(agency)/\(personID)" }
    public var birthYear: Int32 { birthMonth < 0 ? -1 : birthMonth / 12 }
}
