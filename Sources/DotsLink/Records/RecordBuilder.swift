import DotsCore
import Foundation

/// Builds `LinkRecord`s from people rows (column → text), interning every pseudonym.
public struct RecordBuilder {
    var interned: [String: Int32] = [:]
    public private(set) var records: [LinkRecord] = []

    public init() {}

    mutating func intern(_ value: String?) -> Int32 {
        guard let value, !value.isEmpty else { return 0 }
        if let id = interned[value] { return id }
        let id = Int32(interned.count + 1)
        interned[value] = id
        return id
    }

    /// Adds one `people` row of an agency.
    public mutating func add(agency: String, row: [String: String]) {
        var r = LinkRecord(agency: agency, personID: row["person_id"] ?? "")
        r.nhs = intern(row["nhs_pseudonym"])
        r.upn = intern(row["upn_pseudonym"])
        r.localID = intern(row["local_id_pseudonym"])
        r.nameDOB = intern(row["name_dob_pseudonym"])
        r.firstName = intern(row["first_name_pseudonym"])
        r.surname = intern(row["surname_pseudonym"])
        r.dob = intern(row["dob_pseudonym"])
        r.dobUnordered = intern(row["dob_unordered_pseudonym"])
        r.postcode = intern(row["postcode_pseudonym"])
        r.area = intern(row["home_area"].map { "area:" + $0 })
        r.birthMonth = row["birth_year_month"].flatMap { YearMonth(iso: $0) }.map { Int32($0.index) } ?? -1
        r.sex = switch row["sex"] { case "M": 1; case "F": 2; default: 0 }
        r.firstNameBloom = row["first_name_bloom"].flatMap { Data(base64Encoded: $0) }.flatMap { BloomBits(bytes: [UInt8]($0)) }
        r.surnameBloom = row["surname_bloom"].flatMap { Data(base64Encoded: $0) }.flatMap { BloomBits(bytes: [UInt8]($0)) }
        records.append(r)
    }
}
