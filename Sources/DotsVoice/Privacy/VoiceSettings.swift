import DotsCore
import DotsGovernance

/// A partnership's own settings for voice: what a young person who says they feel unsafe right now is told, how
/// long feedback is kept, and the fewest people a quote's group may have.
public struct VoiceSettings: Sendable, Codable, Equatable {
    public var partnership: String
    /// Shown on screen, at once, to someone who says they (or their child) feel unsafe right now: who to contact.
    public var unsafeMessage: String
    /// Feedback older than this is deleted, with its codings and quotes (a published report keeps what it printed).
    public var retentionMonths: Int
    /// A quote is published only when at least this many young people gave feedback in its partnership and period.
    public var minimumGroup: Int
    public var updatedBy: String?
    public var updatedAt: Instant?

    public init(partnership: String, unsafeMessage: String, retentionMonths: Int, minimumGroup: Int) {
        self.partnership = partnership
        self.unsafeMessage = unsafeMessage
        self.retentionMonths = retentionMonths
        self.minimumGroup = minimumGroup
    }

    public static let defaultUnsafeMessage = """
        If you are in danger now, call 999.
        You can talk to Childline at any time. It is free: call 0800 1111.
        We have told the worker who gave you the code. They will get in touch today.
        """

    public static func standard(_ partnership: String) -> VoiceSettings {
        VoiceSettings(partnership: partnership, unsafeMessage: defaultUnsafeMessage, retentionMonths: 36, minimumGroup: 10)
    }

    public func problems() -> [InputProblem] {
        var p: [InputProblem] = []
        TextRules.required(unsafeMessage, field: "unsafeMessage", label: "what someone who feels unsafe is told", limit: 1_000, into: &p)
        if !(1...120).contains(retentionMonths) { p.append(InputProblem("retentionMonths", "Keep feedback for 1 to 120 months")) }
        if !(5...100).contains(minimumGroup) { p.append(InputProblem("minimumGroup", "The fewest people for a quote must be 5 to 100")) }
        return p
    }
}
