/// What the person who gave feedback agreed may be done with their words. Their structured answers are counted
/// (never shown one by one) unless the words are kept to their record, when nothing leaves the record.
public enum Consent: String, Sendable, Codable, CaseIterable {
    /// Their words may be quoted in partnership reports, without their name, after the scan and a second person's approval.
    case quote
    /// Counted with everyone else's; their words are not quoted.
    case aggregate
    /// Kept to the young person's record: read by their agency's practitioners, never counted or quoted.
    case recordOnly = "record-only"

    public var label: String {
        switch self {
        case .quote: "May be quoted (without their name)"
        case .aggregate: "Counted only, never quoted"
        case .recordOnly: "Kept to their record"
        }
    }

    public var counted: Bool { self != .recordOnly }
}
