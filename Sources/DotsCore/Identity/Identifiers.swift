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

/// A source of "now", so tests can pin time.
public protocol Clock: Sendable {
    func now() -> Instant
}

/// The machine's clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(seconds: Int64(ts.tv_sec))
    }
}

/// A clock stopped at one instant.
public struct FixedClock: Clock {
    public let instant: Instant
    public init(_ instant: Instant) { self.instant = instant }
    public func now() -> Instant { instant }
}
