/// When something was in force: from `start`, up to and including `end` (nil: still in force).
public struct DateRange: Hashable, Sendable, Codable {
    public let start: CalendarDate
    public let end: CalendarDate?

    public init(from start: CalendarDate, to end: CalendarDate? = nil) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CalendarDate) -> Bool { date >= start && (end.map { date <= $0 } ?? true) }

    /// True if any day of `period` falls inside the range.
    public func overlaps(_ period: Period) -> Bool { period.end >= start && (end.map { period.start <= $0 } ?? true) }

    enum CodingKeys: String, CodingKey { case start = "from", end = "to" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = try c.decode(String.self, forKey: .start)
        guard let start = CalendarDate(iso: s) else { throw DecodingError.dataCorruptedError(forKey: .start, in: c, debugDescription: "Not a date: \(s)") }
        self.start = start
        end = try c.decodeIfPresent(String.self, forKey: .end).flatMap { CalendarDate(iso: $0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start.description, forKey: .start)
        try c.encodeIfPresent(end?.description, forKey: .end)
    }
}
