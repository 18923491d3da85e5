import Foundation

/// Slows password guessing: after `limit` failed sign-ins for one email, or from one address, within `window`
/// seconds, further attempts for it are refused until the window has passed. In memory: a restart forgets,
/// which is acceptable for a partnership-sized service behind one process.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// True when another attempt for these keys may be checked now.
    func allows(_ keys: [String], now: Date = Date()) -> Bool {
        keys.allSatisfy { recent($0, now: now).count < limit }
    }

    func failed(_ keys: [String], now: Date = Date()) {
        for k in keys { failures[k] = recent(k, now: now) + [now] }
    }

    func succeeded(_ key: String) { failures[key] = nil }

    private func recent(_ key: String, now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}
