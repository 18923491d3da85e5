import DotsCore
import DotsIntake

/// Turns one raw `people` row into its submission form: identifiers become keyed pseudonyms, the date of birth
/// its month, the postcode an area. Identifiers that fail their checks are dropped with a warning, so the row
/// still goes and links on what it has.
public struct PersonPseudonymiser: Sendable {
    public let key: LinkageKey
    /// Postcode (normalised) or outward code → ONS area code.
    public let postcodeAreas: [String: String]

    public init(key: LinkageKey, postcodeAreas: [String: String] = PostcodeDistricts.referenceAreas) {
        self.key = key
        self.postcodeAreas = postcodeAreas
    }

    /// Each pseudonym is the HMAC of a domain label and the value, so equal values in different fields never collide.
    public func pseudonym(_ domain: String, _ value: String) -> String { key.hmacHex("\(domain):\(value)") }

    /// `raw` is keyed by extract column name. Returns the submission row in schema order, and any warnings.
    public func transform(_ raw: [String: String], file: String, row: Int) -> (values: [String], warnings: [IntakeIssue]) {
        var warnings: [IntakeIssue] = []
        func warn(_ code: IssueCode, _ column: String, _ rule: String) {
            warnings.append(IntakeIssue(code, severity: .warning, file: file, row: row, column: column, rule: rule))
        }
        func value(_ c: String) -> String? { raw[c].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } }

        var nhs = ""
        if let v = value("nhs_number") {
            if let n = NHSNumber.normalised(v) { nhs = pseudonym("nhs", n) } else { warn(.invalidNHSNumber, "nhs_number", "NHS number is not 10 digits with a valid check digit, so it is left out") }
        }
        var upn = ""
        if let v = value("upn") {
            if let u = IdentifierNormaliser.upn(v) { upn = pseudonym("upn", u) } else { warn(.invalidIdentifier, "upn", "UPN is not a letter, 11 digits and a final character, so it is left out") }
        }
        let local = value("local_id").flatMap(IdentifierNormaliser.exactID).map { pseudonym("local", $0) } ?? ""
        var dob: CalendarDate?
        if let v = value("date_of_birth") {
            dob = IdentifierNormaliser.birthDate(v)
            if dob == nil { warn(.invalidIdentifier, "date_of_birth", "date of birth is not a real date in YYYY-MM-DD or DD/MM/YYYY, so it is left out") }
        } else {
            warn(.missingValue, "date_of_birth", "date of birth is blank, so the person will link on other identifiers only")
        }
        let first = value("first_name").flatMap(IdentifierNormaliser.name)
        let last = value("surname").flatMap(IdentifierNormaliser.name)
        if first == nil || last == nil { warn(.missingValue, first == nil ? "first_name" : "surname", "name is blank or has no letters, so the person will link on other identifiers only") }
        var nameDOB = ""
        if let first, let last, let dob { nameDOB = pseudonym("name-dob", "\(first)|\(last)|\(dob)") }
        var area = ""
        if let v = value("postcode") {
            if let pc = Postcode.normalised(v), let a = postcodeAreas[pc] ?? postcodeAreas[Postcode.outwardCode(pc)] { area = a } else {
                warn(.unknownPostcode, "postcode", "postcode is not a UK postcode in the partnership's area lookup, so no home area is given")
            }
        }
        let values = [
            raw["person_id"] ?? "", nhs, upn, local, nameDOB, dob.map { $0.yearMonth.description } ?? "",
            raw["sex"] ?? "", raw["ethnicity"] ?? "", area, raw["looked_after"] ?? "", raw["send"] ?? "",
        ]
        return (values, warnings)
    }
}
