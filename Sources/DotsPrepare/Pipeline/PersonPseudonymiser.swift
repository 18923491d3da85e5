import DotsCore
import DotsIntake

/// Turns one raw `people` row into its submission form: identifiers become keyed pseudonyms and Bloom-filter
/// encodings (with keys that survive typing errors: keyed Soundex codes, both names in either order, day and month
/// whatever the year), the date of birth its month, the postcode an area. Identifiers that fail their checks are dropped
/// with a warning, so the row still goes and links on what it has.
public final class PersonPseudonymiser {
    public let key: LinkageKey
    /// Postcode (normalised) or outward code → ONS area code.
    public let postcodeAreas: [String: String]
    /// Full postcode (normalised) → ONS LSOA code: given, the home LSOA is sent too (`dots prepare --home-lsoa`).
    public let postcodeLSOAs: [String: String]
    let bloom: BloomEncoder
    /// The day the extract is prepared: a date of birth after it is a slip (a mistyped year), left out with a
    /// warning, as the hub would refuse it. Nil checks nothing.
    public let today: CalendarDate?

    public init(
        key: LinkageKey, postcodeAreas: [String: String] = PostcodeDistricts.referenceAreas, postcodeLSOAs: [String: String] = [:],
        today: CalendarDate? = nil
    ) {
        self.key = key
        self.postcodeAreas = postcodeAreas
        self.postcodeLSOAs = postcodeLSOAs
        self.today = today
        bloom = BloomEncoder(key: key)
    }

    /// Each pseudonym is the HMAC of a domain label and the value, so equal values in different fields never collide.
    public func pseudonym(_ domain: String, _ value: String) -> String { key.hmacHex("\(domain):\(value)") }

    /// `raw` is keyed by extract column name. Returns the submission row keyed by column, and any warnings.
    public func transform(_ raw: [String: String], file: String, row: Int) -> (values: [String: String], warnings: [IntakeIssue]) {
        var warnings: [IntakeIssue] = []
        func warn(_ code: IssueCode, _ column: String, _ rule: String) {
            warnings.append(IntakeIssue(code, severity: .warning, file: file, row: row, column: column, rule: rule))
        }
        func value(_ c: String) -> String? { raw[c].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } }
        var out: [String: String] = [:]
        for c in ["person_id", "sex", "ethnicity", "looked_after", "send", "uasc", "is_parent"] { out[c] = raw[c] ?? "" }

        if let v = value("nhs_number") {
            if let n = NHSNumber.normalised(v) {
                out["nhs_pseudonym"] = pseudonym("nhs", n)
            } else {
                warn(.invalidNHSNumber, "nhs_number", "NHS number is not 10 digits with a valid check digit, so it is left out")
            }
        }
        // UN1 to UN5 are the DfE's codes for a UPN not known: no UPN, and nothing to warn about.
        if let v = value("upn"), !UniquePupilNumber.unknownCodes.contains(v.uppercased().filter { !$0.isWhitespace }) {
            if let u = IdentifierNormaliser.upn(v) {
                out["upn_pseudonym"] = pseudonym("upn", u)
            } else {
                warn(
                    .invalidIdentifier, "upn",
                    "UPN is not a check letter, 11 digits and a final character with the check letter right (DfE rule 168, CIN 1510), so it is left out")
            }
        }
        if let local = value("local_id").flatMap(IdentifierNormaliser.exactID) { out["local_id_pseudonym"] = pseudonym("local", local) }

        var dob: CalendarDate?
        if let v = value("date_of_birth") {
            dob = IdentifierNormaliser.birthDate(v)
            if dob == nil { warn(.invalidIdentifier, "date_of_birth", "date of birth is not a real date in YYYY-MM-DD or DD/MM/YYYY, so it is left out") }
            if let d = dob, let today, d > today {
                warn(.invalidIdentifier, "date_of_birth", "date of birth \(d) is after today (\(today)), so it is left out")
                dob = nil
            }
        } else {
            warn(.missingValue, "date_of_birth", "date of birth is blank, so the person will link on other identifiers only")
        }
        if let dob {
            let c = dob.components
            out["birth_year_month"] = dob.yearMonth.description
            out["dob_pseudonym"] = pseudonym("dob", dob.description)
            out["dob_unordered_pseudonym"] = pseudonym("dob-unordered", "\(c.year)|\(min(c.month, c.day))|\(max(c.month, c.day))")
            // Day and month whatever the year, so a mistyped year still agrees on something. No key of day and year
            // is made: with the month and year clear on the hub, the two together would let the hub chain days
            // across months and name the 29th, 30th and 31st (docs/threat-model.md).
            out["dob_month_day_pseudonym"] = pseudonym("dob-month-day", "\(c.month)|\(c.day)")
        }

        let first = value("first_name").flatMap(IdentifierNormaliser.firstName)
        let last = value("surname").flatMap(IdentifierNormaliser.name)
        if first == nil { warn(.missingValue, "first_name", "first name is blank or has no letters, so the person will link on other identifiers only") }
        if last == nil { warn(.missingValue, "surname", "surname is blank or has no letters, so the person will link on other identifiers only") }
        for (name, n) in [("first_name", first), ("surname", last)] {
            guard let n else { continue }
            if n.count == 1 {
                warn(.invalidIdentifier, name, "\(name == "first_name" ? "first name" : "surname") is a single letter, so it matches only loosely")
            }
            out["\(name)_pseudonym"] = pseudonym(name, n)
            out["\(name)_bloom"] = bloom.encodeBase64(field: name, value: n, salt: dob.map { String($0.year) } ?? "")
        }
        if let first, let last, let dob { out["name_dob_pseudonym"] = pseudonym("name-dob", "\(first)|\(last)|\(dob)") }
        // Keys that survive typing errors: each name's Soundex code, keyed (not salted by the year, so a mistyped
        // year still agrees), and both names in either order, for a first name recorded as the surname. The
        // unordered key normalises both names alike (no nickname mapping), so swapping the fields cannot change it.
        for (name, n) in [("first_name", first), ("surname", last)] {
            if let code = n.flatMap(Soundex.code) { out["\(name)_phonetic"] = pseudonym("\(name)-soundex", code) }
        }
        if let a = value("first_name").flatMap(IdentifierNormaliser.name), let b = value("surname").flatMap(IdentifierNormaliser.name) {
            out["names_unordered_pseudonym"] = pseudonym("names-unordered", "\(min(a, b))|\(max(a, b))")
        }

        if let v = value("postcode") {
            if let pc = Postcode.normalised(v) {
                out["postcode_pseudonym"] = pseudonym("postcode", pc)
                if let a = postcodeAreas[pc] ?? postcodeAreas[Postcode.outwardCode(pc)] {
                    out["home_area"] = a
                    if let lsoa = postcodeLSOAs[pc] { out["home_lsoa"] = lsoa }
                } else {
                    warn(.unknownPostcode, "postcode", "postcode is outside the partnership's area lookup, so no home area is given")
                }
            } else {
                warn(.unknownPostcode, "postcode", "postcode is not a UK postcode, so it is left out")
            }
        }
        return (out, warnings)
    }
}
