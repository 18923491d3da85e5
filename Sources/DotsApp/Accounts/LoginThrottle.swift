import DotsCore

/// Slows password guessing without letting a guesser lock the real person out.
///
/// Failures are counted per email *and* address together: after `freeAttempts` failures for one email from one
/// address, each further attempt from there waits twice as long as the last (30 s, 1 min, 2 min … at most
/// `maximumDelay`). The same person signing in from elsewhere is not held up, and one office behind a proxy is
/// not held up by a neighbour's typing. An address that fails for many emails (`sprayLimit` within `window`) is
/// held up as a whole, which stops one address trying a common password against every account. In memory: a
/// restart forgets, which is acceptable for a partnership-sized service behind one process.
public actor LoginThrottle {
    public let freeAttempts: Int
    public let firstDelay: Int64
    public let maximumDelay: Int64
    public let sprayLimit: Int
    public let window: Int64
    private let clock: any TimeSource

    private struct Failures { var count: Int; var last: Instant }
    private var pairs: [String: Failures] = [:]
    private var addresses: [String: [Instant]] = [:]

    public init(
        clock: any TimeSource = SystemClock(), freeAttempts: Int = 5, firstDelay: Int64 = 30, maximumDelay: Int64 = 15 * 60,
        sprayLimit: Int = 50, window: Int64 = 15 * 60
    ) {
        self.clock = clock
        self.freeAttempts = freeAttempts
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.sprayLimit = sprayLimit
        self.window = window
    }

    static func key(_ email: String, _ address: String) -> String { email + "\u{0}" + address }

    /// Seconds to wait before `email` may be tried from `address`; 0 when it may be tried now.
    public func wait(email: String, address: String) -> Int64 {
        let now = clock.now()
        var wait: Int64 = 0
        if let f = pairs[Self.key(email, address)], f.count >= freeAttempts {
            let doublings = min(f.count - freeAttempts, 20)
            let delay = min(maximumDelay, firstDelay << Int64(doublings))
            wait = max(wait, f.last.seconds + delay - now.seconds)
        }
        let recent = (addresses[address] ?? []).filter { now.seconds - $0.seconds < window }
        if recent.count >= sprayLimit, let oldest = recent.first { wait = max(wait, oldest.seconds + window - now.seconds) }
        return max(0, wait)
    }

    public func failed(email: String, address: String) {
        let now = clock.now()
        let key = Self.key(email, address)
        // A pair quiet for a whole window starts again.
        if let f = pairs[key], now.seconds - f.last.seconds < window + maximumDelay {
            pairs[key] = Failures(count: f.count + 1, last: now)
        } else {
            pairs[key] = Failures(count: 1, last: now)
        }
        addresses[address] = (addresses[address] ?? []).filter { now.seconds - $0.seconds < window } + [now]
    }

    public func succeeded(email: String, address: String) { pairs[Self.key(email, address)] = nil }
}
