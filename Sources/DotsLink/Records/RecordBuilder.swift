import DotsCore
import Foundation

/// Builds `LinkRecord`s from people submissions' record sets, interning every pseudonym key and area to a small
/// integer shared across agencies, so comparing and grouping never touches strings.
public struct RecordBuilder {
    /// The `people` columns linkage reads, in the order `add(agency:row:)` and `LinkRecordSet` expect them.
    public static let columns = [
        "agency_id", "person_id", "nhs_pseudonym", "upn_pseudonym", "local_id_pseudonym", "name_dob_pseudonym",
        "first_name_pseudonym", "surname_pseudonym", "dob_pseudonym", "dob_unordered_pseudonym", "postcode_pseudonym",
        "first_name_phonetic", "surname_phonetic", "names_unordered_pseudonym", "dob_month_day_pseudonym", "first_name_bloom", "surname_bloom",
        "birth_year_month", "sex", "home_area",
    ]

    var pseudonyms = KeyInterner()
    var texts: [String: Int32] = [:]
    public private(set) var records: [LinkRecord] = []

    public init() {}

    /// Room for this many more records. (Call once with the total: each call may reallocate.)
    public mutating func reserve(_ more: Int) {
        records.reserveCapacity(records.count + more)
        pseudonyms.reserve(more * 4)
    }

    var nextID: Int32 { Int32(pseudonyms.count + texts.count + 1) }

    /// Adds a submission's records, in the set's order.
    public mutating func add(_ set: LinkRecordSet) {
        let k = LinkRecordSet.pseudonymCount
        // The set's own area numbers, mapped to shared ids as each is first met.
        var areaIDs = [Int32](repeating: 0, count: set.areaNames.count + 1)
        set.pseudonyms.withUnsafeBufferPointer { p in
            set.blooms.withUnsafeBufferPointer { bloom in
                for i in 0..<set.count {
                    var r = LinkRecord(agency: set.agency, personID: set.personIDs[i])
                    let o = i * k
                    var ids = (
                        Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0),
                        Int32(0)
                    )
                    withUnsafeMutableBytes(of: &ids) { out in
                        let out = out.bindMemory(to: Int32.self)
                        for c in 0..<k {
                            let next = nextID
                            out[c] = pseudonyms.id(p[o + c]) { next }
                        }
                    }
                    (
                        r.nhs, r.upn, r.localID, r.nameDOB, r.firstName, r.surname, r.dob, r.dobUnordered, r.postcode, r.firstNameSound,
                        r.surnameSound, r.namesUnordered, r.dobMonthDay
                    ) = ids
                    let flags = set.bloomFlags[i]
                    if flags & 1 != 0 { r.firstNameBloom = BloomBits(words: UnsafeBufferPointer(rebasing: bloom[(i * 16)..<(i * 16 + 8)])) }
                    if flags & 2 != 0 { r.surnameBloom = BloomBits(words: UnsafeBufferPointer(rebasing: bloom[(i * 16 + 8)..<(i * 16 + 16)])) }
                    r.birthMonth = set.birthMonths[i]
                    r.sex = Int32(set.sexes[i])
                    let area = Int(set.areas[i])
                    if area != 0 {
                        if areaIDs[area] == 0 {
                            let name = set.areaNames[area - 1]
                            if let id = texts[name] { areaIDs[area] = id } else { areaIDs[area] = nextID; texts[name] = areaIDs[area] }
                        }
                        r.area = areaIDs[area]
                    }
                    records.append(r)
                }
            }
        }
    }

    /// Adds one `people` row given as column → text (for tests and small fixtures).
    public mutating func add(agency: String, row: [String: String]) {
        add(LinkRecordSet(agency: agency, rows: [RecordBuilder.columns.dropFirst().map { row[$0] }]))
    }
}
