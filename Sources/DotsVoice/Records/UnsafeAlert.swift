import DotsCore

/// Raised the moment someone says on their form that they (or their child) feel unsafe right now: it goes to
/// the practitioner who issued the code, and to their agency's other practitioners and leads, until one of them
/// records what they did.
public struct UnsafeAlert: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var codeID: String
    public var agencyID: String
    public var personID: String
    /// The practitioner who issued the code: alerted first.
    public var practitionerAccount: String?
    public var practitioner: String
    public var raisedAt: Instant
    public var acknowledgedBy: String?
    public var acknowledgedAt: Instant?
    /// What the practitioner did (required to close the alert).
    public var action: String?

    public init(id: String, codeID: String, agencyID: String, personID: String, practitionerAccount: String?, practitioner: String, raisedAt: Instant) {
        self.id = id
        self.codeID = codeID
        self.agencyID = agencyID
        self.personID = personID
        self.practitionerAccount = practitionerAccount
        self.practitioner = practitioner
        self.raisedAt = raisedAt
    }

    public var isOpen: Bool { acknowledgedAt == nil }
}
