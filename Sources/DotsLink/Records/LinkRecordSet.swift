import DotsCore
import Foundation

/// One people submission's records in the form linkage reads, kept on the hub beside the submission. A run reads
/// one of these per submission instead of every row of text: decoding about 100,000 rows of pseudonyms and
/// base64 encodings was most of a run's time. It holds nothing the people table does not: pseudonyms as 64-bit
/// keys (their first 16 hex digits), Bloom encodings as bits, the degraded birth month, sex and area.
///
/// Records are in person-id order (by UTF-8 bytes, the same on every engine and platform).
public struct LinkRecordSet: Sendable, Equatable {
    /// Bumped whenever the binary layout or what goes into it changes; sets in an older format are rebuilt.
    /// 2: the four keys that survive typing errors (people schema 4).
    public static let format = 2
    /// The pseudonym columns, in `RecordBuilder.columns` order.
    public static let pseudonymCount = 13

    public var agency: String
    public internal(set) var personIDs: [String] = []
    /// `pseudonymCount` keys per record, record after record; 0 = not given.
    public internal(set) var pseudonyms: [UInt64] = []
    /// Month index (year × 12 + month − 1), or −1.
    public internal(set) var birthMonths: [Int32] = []
    /// 1 male, 2 female, 0 unknown.
    public internal(set) var sexes: [UInt8] = []
    /// Index into `areaNames` plus one; 0 = no area.
    public internal(set) var areas: [UInt32] = []
    public internal(set) var areaNames: [String] = []
    /// Bit 0: first-name encoding given; bit 1: surname encoding given.
    public internal(set) var bloomFlags: [UInt8] = []
    /// 16 words per record: the first-name encoding's 8, then the surname's (zeros when not given).
    public internal(set) var blooms: [UInt64] = []

    public var count: Int { personIDs.count }

    /// Builds a set from people rows: each row's values in `RecordBuilder.columns` order without the agency
    /// (person id first; nil for blank). Rows may come in any order.
    public init(agency: String, rows: [[String?]]) {
        self.agency = agency
        let order = rows.indices.sorted { (rows[$0][0] ?? "").utf8.lexicographicallyPrecedes((rows[$1][0] ?? "").utf8) }
        var areaIndex: [String: UInt32] = [:]
        personIDs.reserveCapacity(rows.count)
        pseudonyms.reserveCapacity(rows.count * Self.pseudonymCount)
        blooms.reserveCapacity(rows.count * 16)
        for i in order {
            let v = rows[i]
            personIDs.append(v[0] ?? "")
            for c in 1...Self.pseudonymCount { pseudonyms.append(Self.key(pseudonym: v[c])) }
            var flags: UInt8 = 0
            // After the person id and the pseudonyms: the two encodings, birth month, sex and area.
            let k = Self.pseudonymCount
            for (bit, column) in [(UInt8(1), k + 1), (UInt8(2), k + 2)] {
                if let bits = v[column].flatMap({ Data(base64Encoded: $0) }).flatMap({ BloomBits(bytes: [UInt8]($0)) }) {
                    flags |= bit
                    blooms.append(contentsOf: bits.words)
                } else {
                    blooms.append(contentsOf: repeatElement(0, count: 8))
                }
            }
            bloomFlags.append(flags)
            birthMonths.append(v[k + 3].flatMap { YearMonth(iso: $0) }.map { Int32($0.index) } ?? -1)
            sexes.append(v[k + 4] == "M" ? 1 : v[k + 4] == "F" ? 2 : 0)
            if let area = v[k + 5], !area.isEmpty {
                if let a = areaIndex[area] {
                    areas.append(a)
                } else {
                    areaNames.append(area)
                    areaIndex[area] = UInt32(areaNames.count)
                    areas.append(UInt32(areaNames.count))
                }
            } else {
                areas.append(0)
            }
        }
    }

    /// A pseudonym's key: its first 16 hex digits (pseudonyms are 64 random hex digits, so a clash among a
    /// million values has odds of about 1 in 10^7, and would only add evidence to one pair); anything else is
    /// hashed (FNV-1a, the same in every process). Never 0, which means "not given".
    public static func key(pseudonym value: String?) -> UInt64 {
        guard let value, !value.isEmpty else { return 0 }
        var v: UInt64 = 0
        var n = 0
        for c in value.utf8 {
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 97...102: d = c - 87
            default: return max(1, fnv1a(value))
            }
            v = v << 4 | UInt64(d)
            n += 1
            if n == 16 { return max(1, v) }
        }
        return max(1, fnv1a(value))
    }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
