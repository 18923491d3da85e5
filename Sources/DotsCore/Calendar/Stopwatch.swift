/// Elapsed time, for the timings a run reports. Not "now" (that is `TimeSource`): monotonic, so a clock change
/// during a run cannot make a stage take negative time.
public struct Stopwatch: Sendable {
    private let start = ContinuousClock.now

    public init() {}

    /// Seconds since the stopwatch was made.
    public var seconds: Double {
        let d = start.duration(to: .now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
