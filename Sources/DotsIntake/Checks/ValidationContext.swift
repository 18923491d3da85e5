import DotsCore

/// What a validation needs to know beyond the file itself.
public struct ValidationContext: Sendable {
    /// Events must fall in this period, if given.
    public var period: Period?
    /// "Now", for dates in the future.
    public var now: Instant
    /// Person ids the events may refer to; nil skips the check.
    public var knownPersons: Set<String>?
    /// True on the hub: files with clear identifier columns are refused.
    public var refuseClearIdentifiers: Bool
    /// Per dataset, the latest event date of the agency's previous submission: only events after it are new, and
    /// only new events are measured for timeliness (a cumulative extract re-sends old events every time).
    public var newEventsAfter: [Dataset: CalendarDate] = [:]
    /// The submitting agency's kind: completeness counts only the fields it is expected to hold.
    public var agencyKind: Agency.Kind?
    /// Called every so many rows with the count so far, for progress on long runs.
    public var progress: (@Sendable (Int) -> Void)?

    public init(
        period: Period? = nil, now: Instant, knownPersons: Set<String>? = nil, refuseClearIdentifiers: Bool = true,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        self.period = period
        self.now = now
        self.knownPersons = knownPersons
        self.refuseClearIdentifiers = refuseClearIdentifiers
        self.progress = progress
    }

    var today: CalendarDate { UKTime.localDate(of: now) }
}
