import DotsCore

/// One line of a young person's journey: what happened, when and how surely, which agency's record says so and
/// the submission it came in, the critical moments it shows, and for those, the next multi-agency response.
public struct JourneyEntry: Sendable, Equatable {
    /// How precisely the record dates the event.
    public enum Certainty: String, Sendable, Codable {
        /// A UK date and time.
        case time
        /// A day.
        case day
        /// A month.
        case month

        public var label: String {
            switch self {
            case .time: "Date and time recorded"
            case .day: "Day recorded"
            case .month: "Month only"
            }
        }
    }

    public struct Detail: Sendable, Equatable {
        public let label: String
        public let value: String
    }

    /// The next multi-agency response after a critical moment.
    public struct Response: Sendable, Equatable {
        public let days: Int
        public let title: String
        public let agencyID: String
    }

    public let dataset: Dataset
    public let agencyID: String
    public let submissionID: String
    public let title: String
    public let date: CalendarDate
    /// The UK time, where the record has one.
    public let time: Instant?
    public let certainty: Certainty
    /// When a lasting event (an episode, a plan) ended: nil when it has no end date, `ongoing` tells them apart.
    public let ended: CalendarDate?
    /// A lasting event whose end is not recorded yet.
    public let ongoing: Bool
    public let details: [Detail]
    public let moments: [CriticalMoment]
    /// Whether this is itself a multi-agency response (a screening, MACE, an NRM or social care referral, an
    /// enquiry or plan, early help, a return home interview).
    public let isResponse: Bool
    /// For an entry with critical moments: the first response on or after its day, nil when none is recorded.
    public internal(set) var nextResponse: Response?
    /// Where it stands on the common path through services, if it is a step of it.
    public internal(set) var stage: JourneyStage? = nil
}

/// The steps of the common path a young person at risk of exploitation takes through services (missing, a return
/// home interview, an exploitation screening, MACE, a National Referral Mechanism referral): cohort journeys count
/// the order in which young people first reached each.
public enum JourneyStage: String, CaseIterable, Sendable, Codable, Comparable {
    case missing, returnInterview = "return-interview", screening, mace, nrm

    public var label: String {
        switch self {
        case .missing: "Missing"
        case .returnInterview: "Return interview"
        case .screening: "Screening"
        case .mace: "MACE"
        case .nrm: "NRM referral"
        }
    }

    public static func < (l: JourneyStage, r: JourneyStage) -> Bool { allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)! }
}
