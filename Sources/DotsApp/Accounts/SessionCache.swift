import DotsCore
import DotsStore

/// Recently checked sessions, so a signed-in page view does not query the store every time. An entry lives a few
/// seconds; signing out or changing a password in this server drops it at once. (A session ended by another process
/// sharing the store stays usable for at most `lifetime` seconds; see docs/threat-model.md.)
actor SessionCache {
    let store: HubStore

    init(store: HubStore) { self.store = store }

    static let lifetime: Int64 = 5
    static let capacity = 10_000

    private var entries: [String: (session: SessionRecord, account: AccountRecord, checkedAt: Instant)] = [:]

    /// The session and its account for a cookie's digest, from the cache or the store.
    func lookup(_ digest: String, now: Instant) async throws -> (SessionRecord, AccountRecord)? {
        if let hit = entries[digest], now.seconds - hit.checkedAt.seconds < Self.lifetime, hit.session.expiresAt > now {
            return (hit.session, hit.account)
        }
        guard let found = try await store.session(digest: digest, now: now) else {
            entries[digest] = nil
            return nil
        }
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[digest] = (found.0, found.1, now)
        return found
    }

    func drop(digest: String) { entries[digest] = nil }

    func drop(accountID: String) { entries = entries.filter { $0.value.account.id != accountID } }
}
