import DotsCore

/// A performance framework as authored: themes, the strategic questions the partnership wants answered, the
/// qualitative sources that inform each, and the indicators that can help answer them. Declared, not coded:
/// the engine compiles each indicator to SQL. See docs/framework-format.md.
public struct FrameworkSpec: Sendable, Equatable {
    public var name: String
    public var version: String
    public var themes: [ThemeSpec]
    /// The ages (in years at each event) the framework counts unless an indicator names its own: the reference
    /// partnership counts children, 0–17. Nil when the file sets none.
    public var ages: ClosedRange<Int>? = nil
    /// The rules for published figures (the file's `disclosure:` section; the standard when it has none).
    public var disclosure = DisclosureSettings()
    /// Ages counted apart from `ages` (young adults, such as care leavers, whom some datasets hold), if any.
    public var agesApart: AgesApart? = nil
    /// For each indicator with the framework's ages over a dataset in `agesApart`, the same measure over the ages
    /// apart: computed and published with the run, shown on its indicator's page, never mixed into its figures.
    public var companions: [IndicatorSpec] = []

    public struct AgesApart: Sendable, Equatable {
        public var ages: ClosedRange<Int>
        public var datasets: [Dataset]
    }

    /// Every indicator a run computes: the framework's, then their companions.
    public var computed: [IndicatorSpec] { indicators + companions }
    /// The ages-apart companion of an indicator, if it has one.
    public func companion(of id: String) -> IndicatorSpec? { companions.first { $0.apartFrom == id } }

    public var questions: [QuestionSpec] { themes.flatMap(\.questions) }
    public var indicators: [IndicatorSpec] { questions.flatMap(\.indicators) }
}

public struct ThemeSpec: Sendable, Equatable {
    public var id: String
    public var title: String
    public var questions: [QuestionSpec]
}

public struct QuestionSpec: Sendable, Equatable {
    public var id: String
    public var question: String
    /// Voice, audits, practice knowledge: what informs the question beyond the numbers.
    public var sources: [String]
    public var indicators: [IndicatorSpec]
}

public struct IndicatorSpec: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Plain English, for a board member.
    public var definition: String
    public var dataset: Dataset
    public var filters: [FilterSpec]
    public var measure: MeasureSpec
    public var periods: [PeriodKind]
    public var breakdowns: [Breakdown]
    public var polarity: Polarity
    public var target: TargetSpec?
    /// The line the indicator starts on, for messages about it later.
    public var line: Int
    /// For a companion counting the framework's ages apart: the indicator it goes with.
    public var apartFrom: String? = nil
}

/// Keeps rows whose `field` has one of `values` (codes, or Y/N), or, for `age`, an age in years at the event.
public enum FilterSpec: Sendable, Equatable {
    case values(field: String, values: [String])
    case age(min: Int, max: Int)
    /// Rows submitted by agencies of these kinds (`police`, `social_care`, …): for datasets several kinds of agency hold.
    case agencyKind([String])
}

/// What an indicator counts or measures.
public enum MeasureSpec: Sendable, Equatable {
    /// Rows (events) in the period.
    case events
    /// Distinct young people (linked across agencies where linkage has run, else per agency).
    case people
    /// People or events per 10,000 children aged 0-17 (ONS mid-year estimates).
    case rate(of: RateBase)
    /// The share of the population (events, or people) that also meets the numerator's filters.
    case percentage(numerator: [FilterSpec], of: RateBase)
    /// Median (and other percentiles) of the time from one field to another.
    case duration(from: String, to: String, unit: DurationUnit, percentiles: [Int])
    /// The share of events where `to` happened within `limit` of `from`.
    case within(from: String, to: String, hours: Int)
    /// People with at least `count` events in any `days`-day window.
    case repeats(count: Int, days: Int)
    /// Open at the period's end: started on or before it, not ended by it.
    case snapshot(start: String, end: String)
    /// People known to at least `agencies` agencies, or also in another dataset's population.
    case overlap(agencies: Int?, with: Dataset?, withFilters: [FilterSpec])

    public enum RateBase: String, Sendable { case people, events }

    /// Counts of events are made by the calendar month and summed into longer periods, so a period's months add up
    /// to it (what the engine computes, and what disclosure control treats as a relation).
    public var countsByMonth: Bool {
        switch self {
        case .events, .rate(of: .events), .percentage(_, of: .events), .within: true
        default: false
        }
    }
    public enum DurationUnit: String, Sendable { case hours, days }

    public var name: String {
        switch self {
        case .events: "events"
        case .people: "people"
        case .rate: "rate"
        case .percentage: "percentage"
        case .duration: "duration"
        case .within: "within"
        case .repeats: "repeats"
        case .snapshot: "snapshot"
        case .overlap: "overlap"
        }
    }
}

public enum PeriodKind: String, Sendable, CaseIterable { case month, quarter, financialYear = "financial-year", rolling12 = "rolling-12-months" }

public enum Breakdown: String, Sendable, CaseIterable {
    case partnership, la, district, ageBand = "age-band", sex, ethnicityGroup = "ethnicity-group", exploitationType = "exploitation-type"
    case riskLevel = "risk-level", agency, lookedAfter = "looked-after"
    /// The home LSOA within its district, where the partnership has imported LSOA boundaries (`SmallAreas`).
    case lsoa
}

public enum Polarity: String, Sendable, CaseIterable { case higherIsBetter = "higher-is-better", higherIsWorse = "higher-is-worse", neither }

/// A target for red/amber/green: on target within `tolerance` is amber.
public struct TargetSpec: Sendable, Equatable {
    public var value: Double
    public var tolerance: Double

    public init(value: Double, tolerance: Double) {
        self.value = value
        self.tolerance = tolerance
    }
}
