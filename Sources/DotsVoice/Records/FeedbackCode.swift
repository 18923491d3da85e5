import DotsCore

/// A one-time code a practitioner gives a young person or their parent or carer, so they can fill in a feedback
/// form with no account. Only the code's digest is stored; it expires, and once the form is sent it is used up.
/// Until then the same code opens the saved answers again ("save and come back").
public struct FeedbackCode: Sendable, Codable, Equatable, Identifiable {
    public enum State: String, Sendable, Codable {
        case issued, started, used, withdrawn
    }

    /// Not secret: how pages and the audit record name the code (never the code itself).
    public var id: String
    /// SHA-256 of the normalised code.
    public var digest: String
    public var agencyID: String
    public var personID: String
    public var partnership: String
    public var formVersion: FeedbackForm.Version
    public var issuedBy: String
    public var issuedByAccount: String?
    public var issuedAt: Instant
    public var expiresAt: Instant
    public var state: State
    /// Saved, not yet sent.
    public var draft: FeedbackAnswers
    /// The record made when it was sent.
    public var recordID: String?

    public init(
        id: String, digest: String, agencyID: String, personID: String, partnership: String, formVersion: FeedbackForm.Version, issuedBy: String,
        issuedByAccount: String?, issuedAt: Instant, expiresAt: Instant
    ) {
        self.id = id
        self.digest = digest
        self.agencyID = agencyID
        self.personID = personID
        self.partnership = partnership
        self.formVersion = formVersion
        self.issuedBy = issuedBy
        self.issuedByAccount = issuedByAccount
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.state = .issued
        self.draft = FeedbackAnswers()
    }

    /// Whether the form may be opened at `now`.
    public func isOpen(at now: Instant) -> Bool { (state == .issued || state == .started) && now < expiresAt }

    /// How long a code lasts unless the practitioner says otherwise.
    public static let defaultDays = 14
    public static let maximumDays = 60
}

/// The shape of a code: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two
/// groups of four. 31^8 is about 8.5 × 10^11 codes; with attempts limited per address, guessing one is hopeless.
public enum FeedbackCodeFormat {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let length = 8

    public static func generate<G: RandomNumberGenerator>(using rng: inout G) -> String {
        let chars = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        return String(chars[0..<4]) + "-" + String(chars[4...])
    }

    /// What a person typed, as the code it means (case, spaces and dashes ignored), or nil if it cannot be one.
    public static func normalise(_ typed: String) -> String? {
        let chars = typed.uppercased().filter { $0 != " " && $0 != "-" }
        guard chars.count == length, chars.allSatisfy(alphabet.contains) else { return nil }
        return chars
    }
}
