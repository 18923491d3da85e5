import DotsGovernance

/// Every version of commentary, read from the store at most every few seconds: the overview and indicator pages
/// show it on every view, and it changes rarely. A change made through this process is seen at once.
actor CommentaryCache {
    static let recheck: Duration = .seconds(5)
    private var kept: (all: [Commentary], at: ContinuousClock.Instant)?

    func all(_ load: @Sendable () async throws -> [Commentary]) async throws -> [Commentary] {
        let now = ContinuousClock.now
        if let kept, kept.at.duration(to: now) < Self.recheck { return kept.all }
        let all = try await load()
        kept = (all, now)
        return all
    }

    func forget() { kept = nil }
}
