import DotsCore

/// "You said, we did": what young people and families said on a theme, and what the partnership did about it,
/// linked to the actions on the action plan, so the link from their words to what changed can be seen.
public struct YouSaidWeDid: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var partnership: String
    public var theme: String
    /// A summary of what was said, in the partnership's words (never a quote: quotes go through `QuoteRequest`).
    public var said: String
    public var did: String
    /// Actions on the action plan this answered with.
    public var actionIDs: [String]
    public var recordedBy: String
    public var recordedAt: Instant

    public init(id: String, partnership: String, theme: String, said: String, did: String, actionIDs: [String], recordedBy: String, recordedAt: Instant) {
        self.id = id
        self.partnership = partnership
        self.theme = theme
        self.said = said
        self.did = did
        self.actionIDs = actionIDs
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
