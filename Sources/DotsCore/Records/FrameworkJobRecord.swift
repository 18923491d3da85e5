/// A request to recompute the framework: queued when a submission is accepted (or an analyst asks), run in the
/// background by `dots serve`, kept in the store so a restart resumes it.
public struct FrameworkJobRecord: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        case queued, running, done, failed
    }

    public var id: String
    /// Why: "Accepted submission from Staffordshire Police", "Asked for by Ann (analyst)".
    public var reason: String
    public var requestedBy: String
    public var requestedAt: Instant
    public var state: State
    public var startedAt: Instant?
    public var finishedAt: Instant?
    /// The framework run it produced.
    public var runID: String?
    /// What went wrong, in words, when it failed.
    public var error: String?

    public init(
        id: String, reason: String, requestedBy: String, requestedAt: Instant, state: State, startedAt: Instant? = nil, finishedAt: Instant? = nil,
        runID: String? = nil, error: String? = nil
    ) {
        self.id = id
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.runID = runID
        self.error = error
    }

    public var isPending: Bool { state == .queued || state == .running }
}
