/// Who someone is in the partnership, which decides what Dots lets them see and do (`AccessPolicy`).
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Runs Dots for the partnership: accounts, tokens, everything an analyst can do.
    case admin
    /// Partnership analyst: exact figures, every agency's submissions and data quality.
    case analyst
    /// An agency's data lead: submits their agency's data and sees its submissions and quality; never another's.
    case agencyLead = "agency-lead"
    /// Strategic lead or board member: the framework with disclosure control applied, nothing at record level.
    case strategicLead = "strategic-lead"
    /// Multi-agency (MACE) practitioner: operational; the disclosure-controlled framework, and for their own
    /// agency (when their account names one) the voice of the young people it works with.
    case practitioner

    public var title: String {
        switch self {
        case .admin: "Partnership admin"
        case .analyst: "Partnership analyst"
        case .agencyLead: "Agency data lead"
        case .strategicLead: "Strategic lead or board member"
        case .practitioner: "MACE practitioner"
        }
    }

    /// Agency data leads act for one agency, so their account names it.
    public var needsAgency: Bool { self == .agencyLead }
    /// Practitioners may name the agency they work for: it is the only one whose young people's voice they record and read.
    public var takesAgency: Bool { self == .agencyLead || self == .practitioner }
}
