import DotsCore
import Foundation

/// Builds `LinkRecord`s from people rows, interning every pseudonym to a small integer.
public struct RecordBuilder {
    /// The `people` columns linkage reads, in the order `add(_:)` expects them.
    public static let columns = ["agency_id", "person_id", "nhs_pseudonym", "upn_pseudonym", "local_id_pseudonym", "name_dob_pseudonym",
                                 "first_name_pseudonym", "surname_pseudonym", "dob_pseudonym", "dob_unordered_pseudonym", "postcode_pseudonym",
                                 "first_name_bloom", "surname_bloom", "birth_year_month", "sex", "home_area"]

    // Pseudonyms are 64 random hex digits: their first 16 identify them (a clash among a million values has odds of
    // about 1 in 10^7, and would only add evidence to one pair), so interning hashes a UInt64, not a string.
    var pseudonyms: [UInt64: Int32] = [:]
    var texts: [String: Int32] = [:]
    public private(set) var records: [LinkRecord] = []

    public init() {}

    mutating func intern(pseudonym value: String?) -> Int32 {
        guard let value, !value.isEmpty else { return 0 }
        let key = RecordBuilder.prefix64(value) ?? UInt64(bitPattern: Int64(value.hashValue))
        if let id = pseudonyms[key] { return id }
        let id = Int32(pseudonyms.count + texts.count + 1)
        pseudonyms[key] = id
        return id
    }

    mutating func intern(text value: String?) -> Int32 {
        guard let value, !value.isEmpty else { return 0 }
        if let id = texts[value] { return id }
        let id = Int32(pseudonyms.count + texts.count + 1)
        texts[value] = id
        return id
    }

    static func prefix64(_ s: String) -> UInt64? {
        var v: UInt64 = 0
        var n = 0
        for c in s.utf8 {
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 97...102: d = c - 87
            default: return nil
            }
            v = v << 4 | UInt64(d)
            n += 1
            if n == 16 { return v }
        }
        return nil
    }

    /// Adds one row, its values in `RecordBuilder.columns` order (nil for blank).
    public mutating func add(_ v: [String?]) {
        var r = LinkRecord(agency: v[0] ?? "", personID: v[1] ?? "")
        r.nhs = intern(pseudonym: v[2])
        r.upn = intern(pseudonym: v[3])
        r.localID = intern(pseudonym: v[4])
        r.nameDOB = intern(pseudonym: v[5])
        r.firstName = intern(pseudonym: v[6])
        r.surname = intern(pseudonym: v[7])
        r.dob = intern(pseudonym: v[8])
        r.dobUnordered = intern(pseudonym: v[9])
        r.postcode = intern(pseudonym: v[10])
        r.firstNameBloom = v[11].flatMap { Data(base64Encoded: $0) }.flatMap { BloomBits(bytes: [UInt8]($0)) }
        r.surnameBloom = v[12].flatMap { Data(base64Encoded: $0) }.flatMap { BloomBits(bytes: [UInt8]($0)) }
        r.birthMonth = v[13].flatMap { YearMonth(iso: $0) }.map { Int32($0.index) } ?? -1
        r.sex = switch v[14] { case "M": 1; case "F": 2; default: 0 }
        r.area = intern(text: v[15])
        records.append(r)
    }

    /// Adds one `people` row given as column → text.
    public mutating func add(agency: String, row: [String: String]) {
        var row = row
        row["agency_id"] = agency
        add(RecordBuilder.columns.map { row[$0] })
    }
}
