/// The `people` dataset: one row per person an agency holds, in two forms. The extract form, with clear
/// identifiers, exists only inside the agency; the submission form carries keyed pseudonyms and degraded
/// quasi-identifiers and is all the hub ever sees.
public enum PeopleSchema {
    static let personID = FieldSpec(
        "person_id", .identifier, required: true, title: "Agency person id",
        description: "The agency's own id for the person (not an NHS number or UPN).", example: "P000123")
    static let sex = FieldSpec(
        "sex", .code(CodeSet(Sex.self)), required: true, title: "Sex",
        description: "Sex as recorded (DfE codes M, F, U).", example: "F")
    static let ethnicity = FieldSpec(
        "ethnicity", .code(CodeSet(Ethnicity.self)), title: "Ethnicity",
        description: "DfE 4-letter ethnicity code; blank if never recorded.", example: "WBRI")
    static let lookedAfter = FieldSpec(
        "looked_after", .boolean, title: "Looked after",
        description: "Y if the child is looked after by a local authority at extract date.", example: "N")
    static let send = FieldSpec(
        "send", .code(CodeSet(SENDProvision.self)), title: "SEN provision",
        description: "School census SEN provision: N none, K SEN support, E EHC plan.", example: "K")
    static let uasc = FieldSpec(
        "uasc", .boolean, since: 3, title: "Unaccompanied asylum-seeking child",
        description: "Y if the child is or was an unaccompanied asylum-seeking child (SSDA903 UASC table; CIN factor 9A).", example: "N",
        heldBy: [.socialCare])
    static let youngParent = FieldSpec(
        "is_parent", .boolean, since: 3, title: "Is a parent",
        description: "Y if the young person is a mother or father (SSDA903 MOTHER).", example: "N", heldBy: [.socialCare])

    /// Clear identifiers: the columns that must never reach the hub. The hub refuses any file with one of these
    /// (or a common variant of the name) and says to run `dots prepare`.
    public static let clearIdentifierColumns: Set<String> = [
        "first_name", "forename", "forenames", "given_name", "surname", "last_name", "family_name", "full_name", "name",
        "middle_name", "date_of_birth", "dob", "birth_date", "nhs_number", "nhs_no", "nhs", "upn", "unique_pupil_number",
        "postcode", "post_code", "address", "address_line_1", "address_line_2", "street", "ni_number", "local_id",
        "police_id", "pnc_id", "phone", "telephone", "email",
    ]

    public static let extract = DatasetSchema(
        dataset: .people, version: 3, title: "People (agency extract, clear identifiers)",
        description: "The agency's person records as held, with clear identifiers. Used only by `dots prepare`, inside the agency.",
        fields: [
            personID,
            FieldSpec("first_name", .rawIdentifier(maxLength: 100), title: "First name", description: "Forename as recorded.", example: "Jayden"),
            FieldSpec("surname", .rawIdentifier(maxLength: 100), title: "Surname", description: "Family name as recorded.", example: "Smith"),
            FieldSpec(
                "date_of_birth", .rawIdentifier(maxLength: 20), title: "Date of birth",
                description: "YYYY-MM-DD or DD/MM/YYYY.", example: "2009-07-14"),
            FieldSpec(
                "nhs_number", .rawIdentifier(maxLength: 20), title: "NHS number",
                description: "10 digits, spaces allowed; checked with its modulus-11 check digit.", example: "943 476 5919"),
            FieldSpec("upn", .rawIdentifier(maxLength: 20), title: "Unique pupil number", description: "13 characters.", example: "A801200100001"),
            FieldSpec(
                "local_id", .rawIdentifier(maxLength: 40), title: "Other local identifier",
                description: "A police, health or system identifier shared with another agency.", example: "PNC-0012345"),
            FieldSpec("postcode", .rawIdentifier(maxLength: 10), title: "Home postcode", description: "UK postcode.", example: "ST4 1AB"),
            sex, ethnicity, lookedAfter, send, uasc, youngParent,
        ],
        primaryKey: "person_id", personKey: nil, eventDate: nil, rules: [])

    public static let submission = DatasetSchema(
        dataset: .people, version: 5, title: "People",
        description: "One row per person the agency holds, with identifiers replaced by keyed pseudonyms and quasi-identifiers degraded.",
        fields: [
            personID,
            FieldSpec(
                "nhs_pseudonym", .pseudonym, title: "NHS number pseudonym",
                description: "HMAC-SHA-256 of the normalised NHS number under the partnership linkage key.", example: String(repeating: "a", count: 64)),
            FieldSpec(
                "upn_pseudonym", .pseudonym, title: "UPN pseudonym", description: "Keyed pseudonym of the unique pupil number.",
                example: String(repeating: "b", count: 64)),
            FieldSpec(
                "local_id_pseudonym", .pseudonym, title: "Local id pseudonym", description: "Keyed pseudonym of another shared identifier.",
                example: String(repeating: "c", count: 64)),
            FieldSpec(
                "name_dob_pseudonym", .pseudonym, title: "Name and date of birth pseudonym",
                description: "Keyed pseudonym of normalised first name, surname and full date of birth together.",
                example: String(repeating: "d", count: 64)),
            FieldSpec(
                "first_name_pseudonym", .pseudonym, since: 2, title: "First name pseudonym",
                description: "Keyed pseudonym of the normalised first name (nicknames mapped to the formal name).",
                example: String(repeating: "e", count: 64)),
            FieldSpec(
                "surname_pseudonym", .pseudonym, since: 2, title: "Surname pseudonym",
                description: "Keyed pseudonym of the normalised surname.", example: String(repeating: "f", count: 64)),
            FieldSpec(
                "dob_pseudonym", .pseudonym, since: 2, title: "Date of birth pseudonym",
                description: "Keyed pseudonym of the full date of birth.", example: String(repeating: "0", count: 64)),
            FieldSpec(
                "dob_unordered_pseudonym", .pseudonym, since: 2, title: "Date of birth pseudonym, day and month unordered",
                description: "Keyed pseudonym of the year with day and month in either order, so swapped day and month still agree.",
                example: String(repeating: "1", count: 64)),
            FieldSpec(
                "postcode_pseudonym", .pseudonym, since: 2, title: "Postcode pseudonym",
                description: "Keyed pseudonym of the normalised home postcode.", example: String(repeating: "2", count: 64)),
            FieldSpec(
                "first_name_phonetic", .pseudonym, since: 4, title: "First name sound pseudonym",
                description:
                    "Keyed pseudonym of the first name's Soundex code, so names that sound alike, or carry a typing error after the first letter, still agree.",
                example: String(repeating: "3", count: 64)),
            FieldSpec(
                "surname_phonetic", .pseudonym, since: 4, title: "Surname sound pseudonym",
                description: "Keyed pseudonym of the surname's Soundex code.", example: String(repeating: "4", count: 64)),
            FieldSpec(
                "names_unordered_pseudonym", .pseudonym, since: 4, title: "Names in either order pseudonym",
                description: "Keyed pseudonym of the two names in either order, so a first name recorded as the surname still agrees.",
                example: String(repeating: "5", count: 64)),
            FieldSpec(
                "dob_month_day_pseudonym", .pseudonym, since: 4, title: "Day and month of birth pseudonym",
                description: "Keyed pseudonym of the day and month of birth whatever the year, so a mistyped year still agrees.",
                example: String(repeating: "6", count: 64)),
            FieldSpec(
                "first_name_bloom", .bloomFilter(bits: BloomShape.bits), since: 2, title: "First name encoding",
                description: "Keyed Bloom-filter encoding of the first name's letter pairs, for fuzzy matching.",
                example: BloomShape.example),
            FieldSpec(
                "surname_bloom", .bloomFilter(bits: BloomShape.bits), since: 2, title: "Surname encoding",
                description: "Keyed Bloom-filter encoding of the surname's letter pairs, for fuzzy matching.",
                example: BloomShape.example),
            FieldSpec(
                "birth_year_month", .yearMonth, title: "Year and month of birth",
                description: "The date of birth degraded to its month.", example: "2009-07"),
            sex, ethnicity,
            FieldSpec(
                "home_area", .areaCode([.district, .unitary]), title: "Home area",
                description:
                    "ONS code of the home district or unitary authority, derived from the postcode inside the agency (the home LSOA, where sent, goes in home_lsoa).",
                example: "E07000197"),
            FieldSpec(
                "home_lsoa", .areaCode([.lsoa]), since: 5, title: "Home LSOA",
                description:
                    "ONS code of the home lower layer super output area, from ONS's postcode directory inside the agency (dots prepare --home-lsoa); for the framework's figures by LSOA within each district.",
                example: "E01029882"),
            lookedAfter, send, uasc, youngParent,
        ],
        primaryKey: "person_id", personKey: nil, eventDate: nil, rules: [.notInFuture(field: "birth_year_month")])
}

/// The size of the Bloom-filter encodings `dots prepare` writes.
public enum BloomShape {
    public static let bits = 512
    public static let bytes = bits / 8
    /// Base64 of 64 zero bytes: what an empty filter looks like in a file.
    public static let example = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
}
