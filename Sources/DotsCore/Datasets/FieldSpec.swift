/// The kind of value a column holds, and so how it is checked.
public enum FieldType: Hashable, Sendable {
    /// An agency's own record or person id: 1 to 64 letters, digits and `-_./:`.
    case identifier
    /// A keyed pseudonym: 64 lowercase hexadecimal characters (HMAC-SHA-256).
    case pseudonym
    /// Free text, up to a length.
    case text(maxLength: Int)
    /// One code from a list.
    case code(CodeSet)
    /// One or more codes from a list, separated by `;`.
    case codes(CodeSet)
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A UK wall-clock date and time, `YYYY-MM-DD HH:MM` (seconds and `T` optional; `Z` or `+01:00` allowed).
    case dateTime
    /// A month, `YYYY-MM`.
    case yearMonth
    /// `Y` or `N`.
    case boolean
    /// A whole number in a range.
    case integer(min: Int, max: Int)
    /// An ONS area code of one of the levels given.
    case areaCode([Area.Level])
    /// A free-format value that `dots prepare` normalises (names, raw dates of birth, NHS numbers, postcodes).
    case rawIdentifier(maxLength: Int)
    /// A keyed Bloom-filter encoding of `bits` bits, in base64 (for fuzzy matching without the value).
    case bloomFilter(bits: Int)

    /// The Frictionless Table Schema type.
    public var tableSchemaType: String {
        switch self {
        case .date: "date"
        case .dateTime: "datetime"
        case .yearMonth: "yearmonth"
        case .boolean: "boolean"
        case .integer: "integer"
        default: "string"
        }
    }
}

/// One column of a dataset.
public struct FieldSpec: Hashable, Sendable {
    public let name: String
    public let title: String
    public let description: String
    public let type: FieldType
    public let required: Bool
    public let example: String
    /// The schema version that added the column (the store migration for that version adds it).
    public let sinceVersion: Int
    /// The kinds of agency that record this field; nil for every agency that submits the dataset. Completeness
    /// counts a field only for the agencies expected to hold it (police record missing episodes, not return
    /// interviews).
    public let heldBy: Set<Agency.Kind>?

    public init(
        _ name: String, _ type: FieldType, required: Bool = false, since sinceVersion: Int = 1, title: String, description: String, example: String,
        heldBy: Set<Agency.Kind>? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.sinceVersion = sinceVersion
        self.title = title
        self.description = description
        self.example = example
        self.heldBy = heldBy
    }

    /// Optional columns added from schema version 3 on may be left out of a file, and read as blank: an extract or
    /// package made before they existed still goes. (Earlier columns must all be present, as they always had to be.)
    public var mayBeAbsent: Bool { !required && sinceVersion >= 3 }

    /// Whether an agency of this kind is expected to record the field (any agency, when the kind is unknown).
    public func isHeld(by kind: Agency.Kind?) -> Bool {
        guard let heldBy, let kind else { return true }
        return heldBy.contains(kind)
    }
}

/// A check across two or more fields of one row.
public enum RowRule: Hashable, Sendable {
    /// `field` may not be earlier than `reference` when both are given.
    case notBefore(field: String, reference: String)
    /// `field` may not be after the day the submission was received.
    case notInFuture(field: String)
    /// `field` is required when `condition` has one of `values`.
    case requiredWhen(field: String, condition: String, values: [String])
    /// Integer `field` may not exceed integer `reference`.
    case notGreaterThan(field: String, reference: String)
}
