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
    /// The demo's invented small areas (`InventedLSOAs`): at least so many in each district. Not in the manifest: it
    /// shapes the postcode directory and the demo's boundaries, never the agencies' records.
    public var smallAreasPerDistrict = InventedLSOAs.defaultPerDistrict

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

/// How often each agency's copy of a person's identifiers differs from the truth. Two profiles: `standard`, the
/// slips Dots' generator has always made (the demo's), and `hard`, with the error kinds and rates of published
/// record-corruption generators added (docs/linkage.md tabulates them). Each rate is per record and independent, so
/// a record may carry several errors at once.
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
    /// Per name (first and surname separately): an edit as typed, substitution (mostly by a key next to the one
    /// meant), insertion, deletion or transposition.
    public var nameEdit = 0.0
    /// Per name: letters a scanner or hurried reader confuses (rn and m, cl and d, li and h).
    public var ocr = 0.0
    /// Per name: spelt as it sounds (ph and f, ck and k, ie and y, a doubled letter single).
    public var phonetic = 0.0
    /// First name and surname recorded in each other's fields.
    public var namesSwapped = 0.0
    /// Surname cut short (one part of a hyphenated name, or its first letters).
    public var surnameShortened = 0.0
    /// Surname joined with another by a hyphen.
    public var surnameHyphenated = 0.0
    /// One digit of the date of birth slipped (still a date).
    public var dobDigit = 0.0
    /// Year of birth one out.
    public var dobYearOff = 0.0
    /// Year of birth ten out.
    public var dobYearTen = 0.0
    /// A name left blank (first name or surname, equally).
    public var missingName = 0.0
    /// Date of birth left blank (on top of the 0.5% every profile has).
    public var missingDOB = 0.0

    public init() {}

    /// The demo's noise.
    public static let standard = NoiseRates()

    /// The standard slips, more often, with every kind published corruption generators make.
    public static let hard: NoiseRates = {
        var r = NoiseRates()
        r.nameTypo = 0
        r.nickname = 0.10
        r.swappedDayMonth = 0.05
        r.surnameChange = 0.03
        r.moved = 0.15
        r.duplicateRecord = 0.02
        r.nameEdit = 0.20
        r.ocr = 0.03
        r.phonetic = 0.08
        r.namesSwapped = 0.03
        r.surnameShortened = 0.03
        r.surnameHyphenated = 0.03
        r.dobDigit = 0.08
        r.dobYearOff = 0.03
        r.dobYearTen = 0.01
        r.missingName = 0.02
        r.missingDOB = 0.02
        return r
    }()

    /// Rates written before a kind existed read as zero: older configurations still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func v(_ k: CodingKeys) throws -> Double? { try c.decodeIfPresent(Double.self, forKey: k) }
        nameTypo = try v(.nameTypo) ?? nameTypo
        nickname = try v(.nickname) ?? nickname
        swappedDayMonth = try v(.swappedDayMonth) ?? swappedDayMonth
        surnameChange = try v(.surnameChange) ?? surnameChange
        moved = try v(.moved) ?? moved
        duplicateRecord = try v(.duplicateRecord) ?? duplicateRecord
        nameEdit = try v(.nameEdit) ?? 0
        ocr = try v(.ocr) ?? 0
        phonetic = try v(.phonetic) ?? 0
        namesSwapped = try v(.namesSwapped) ?? 0
        surnameShortened = try v(.surnameShortened) ?? 0
        surnameHyphenated = try v(.surnameHyphenated) ?? 0
        dobDigit = try v(.dobDigit) ?? 0
        dobYearOff = try v(.dobYearOff) ?? 0
        dobYearTen = try v(.dobYearTen) ?? 0
        missingName = try v(.missingName) ?? 0
        missingDOB = try v(.missingDOB) ?? 0
    }
}
