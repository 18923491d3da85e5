import DotsCore

/// A context in which young people may be harmed outside their families, worked with as a record of its own (the
/// Contextual Safeguarding approach): a peer group, a place, a school or an online space, with its own referral,
/// assessment, plan and reviews, and an outcome for the context itself.
public struct SafeguardingContext: Sendable, Codable, Equatable, Identifiable {
    public typealias Kind = ContextKind

    /// Where the work about the context stands.
    public enum Stage: String, Sendable, Codable, CaseIterable, Comparable {
        case referral, assessment, plan, review, closed

        public var label: String {
            switch self {
            case .referral: "Referred"
            case .assessment: "Being assessed"
            case .plan: "Safety plan in place"
            case .review: "Plan under review"
            case .closed: "Closed"
            }
        }

        public static func < (l: Stage, r: Stage) -> Bool { allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)! }
    }

    /// What the work made of the context, as its review or closure judged it.
    public typealias Outcome = ContextOutcome

    /// One step in its history.
    public struct Step: Sendable, Codable, Equatable {
        public var stage: Stage
        public var outcome: Outcome?
        public var on: CalendarDate
        public var by: String
        public var note: String
        /// The review date this step set (nil on closing, and on steps recorded before steps kept it): whether the
        /// next step came by then is whether the context was reviewed in time.
        public var reviewBy: CalendarDate?

        public init(stage: Stage, outcome: Outcome?, on: CalendarDate, by: String, note: String, reviewBy: CalendarDate? = nil) {
            self.stage = stage
            self.outcome = outcome
            self.on = on
            self.by = by
            self.note = note
            self.reviewBy = reviewBy
        }
    }

    public var id: String
    public var kind: Kind
    /// What practitioners call it: a description of the context, never a child's name.
    public var name: String
    /// The ONS code of the area it is in, where it has one.
    public var area: String?
    /// The agency leading the work about it.
    public var agencyID: String
    public var stage: Stage
    public var outcome: Outcome?
    public var opened: CalendarDate
    /// When the work is next to be reviewed.
    public var reviewBy: CalendarDate
    public var history: [Step]
    /// The safety plan's actions, in the order added; nil for contexts without one (and those stored before plans).
    public var plan: [SafetyPlanAction]?

    public init(
        id: String, kind: Kind, name: String, area: String?, agencyID: String, stage: Stage, outcome: Outcome?, opened: CalendarDate,
        reviewBy: CalendarDate, history: [Step]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.area = area
        self.agencyID = agencyID
        self.stage = stage
        self.outcome = outcome
        self.opened = opened
        self.reviewBy = reviewBy
        self.history = history
    }

    public var isOpen: Bool { stage != .closed }
    /// Open and past its review date.
    public func overdue(on today: CalendarDate) -> Bool { isOpen && today > reviewBy }
}
