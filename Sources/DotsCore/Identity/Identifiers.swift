#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Identifies an accepted (or rejected) submission on the hub.
public struct SubmissionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A source of "now", so tests can pin time. Named so it does not shadow the standard library's `Clock`; every
/// wall-clock "now" Dots records goes through one (elapsed-time measurements do not need to).
public protocol TimeSource: Sendable {
    func now() -> Instant
}

/// The machine's clock.
public struct SystemClock: TimeSource {
    public init() {}
    public func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(seconds: Int64(ts.tv_sec))
    }
}

/// A clock stopped at one instant.
/// The machine's clock moved by a whole number of days: a server for training, or a test of what happens after a
/// date (a link lapsing), runs on as if today were another day.
public struct ShiftedClock: TimeSource {
    public let days: Int
    public init(days: Int) { self.days = days }
    public func now() -> Instant { Instant(seconds: SystemClock().now().seconds + Int64(days) * 86_400) }
}

public struct FixedClock: TimeSource {
    public let instant: Instant
    public init(_ instant: Instant) { self.instant = instant }
    public func now() -> Instant { instant }
}
