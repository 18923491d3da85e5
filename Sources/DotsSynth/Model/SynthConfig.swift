import DotsCore

/// What to generate. Every value has a default that gives the demo partnership.
public struct SynthConfig: Sendable, Codable {
    public var seed: UInt64 = 20_201_124
    /// Young people in the partnership who come to some agency's notice.
    public var people: Int = 5_000
    /// The window events fall in: three financial years by default.
    public var start: CalendarDate = CalendarDate(year: 2023, month: 4, day: 1)!
    public var end: CalendarDate = CalendarDate(year: 2026, month: 3, day: 31)!
    public var noise = NoiseRates()

    public init() {}

    public var period: Period { Period(start: start, end: end) }

    enum CodingKeys: String, CodingKey { case seed, people, noise }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seed = try c.decode(UInt64.self, forKey: .seed)
        people = try c.decode(Int.self, forKey: .people)
        noise = try c.decode(NoiseRates.self, forKey: .noise)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seed, forKey: .seed)
        try c.encode(people, forKey: .people)
        try c.encode(noise, forKey: .noise)
    }
}

/// How often each agency's copy of a person's identifiers differs from the truth.
public struct NoiseRates: Sendable, Codable, Equatable {
    /// A one-letter slip in a name.
    public var nameTypo = 0.03
    /// A nickname recorded for the first name (Bill for William).
    public var nickname = 0.08
    /// Day and month swapped in the date of birth (when both are 12 or less).
    public var swappedDayMonth = 0.02
    /// A different surname (changed or recorded under another carer's name).
    public var surnameChange = 0.03
    /// Recorded at another address.
    public var moved = 0.08
    /// The same child held twice by one agency.
    public var duplicateRecord = 0.01

    public init() {}
}
