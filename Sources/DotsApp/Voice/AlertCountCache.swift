import DotsCore

/// Open unsafe-now alerts by agency, recently counted, so a signed-in page view (every one shows the count) does not
/// ask the store every time. A count lives a few seconds, and `VoiceService` drops them all whenever it raises or
/// closes an alert, so in the server that does both a change shows at once; one made by another process sharing the
/// store shows within `lifetime` seconds. The alerts page itself always reads the store.
actor AlertCountCache {
    static let lifetime: Int64 = 5

    private var entries: [String: (count: Int, countedAt: Instant)] = [:]

    func count(agency: String, now: Instant, read: @Sendable () async throws -> Int) async throws -> Int {
        if let hit = entries[agency], now.seconds - hit.countedAt.seconds < Self.lifetime, now >= hit.countedAt { return hit.count }
        let n = try await read()
        entries[agency] = (n, now)
        return n
    }

    func drop() { entries.removeAll() }
}
