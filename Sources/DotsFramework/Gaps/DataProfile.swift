import DotsCore

/// What the store holds, as the gap finder needs it: which datasets are submitted, by whom, for which dates,
/// how complete each field is, and whether linkage has run. Gathered by the store; pure data here.
public struct DataProfile: Sendable, Equatable {
    public struct DatasetProfile: Sendable, Equatable {
        public var agencies: [String]
        /// The dates the current submissions cover.
        public var first: CalendarDate
        public var last: CalendarDate
        public var rows: Int
        /// Rows with a value, per field (dataset fields by name; the person's fields as `person.<field>`).
        public var filled: [String: Int]
        /// Rows that drew a warning at intake.
        public var warnings: Int
        public var submissionIDs: [String]
        /// The same counts for each agency's submission in force, so a gap can say whose data would close it.
        public var byAgency: [String: AgencyProfile] = [:]

        public struct AgencyProfile: Sendable, Equatable {
            public var rows: Int
            public var filled: [String: Int]
            public var warnings: Int
            public init(rows: Int, filled: [String: Int], warnings: Int) {
                self.rows = rows
                self.filled = filled
                self.warnings = warnings
            }
            public func share(_ field: String) -> Double { rows == 0 ? 0 : Double(filled[field] ?? 0) / Double(rows) }
        }

        public init(
            agencies: [String], first: CalendarDate, last: CalendarDate, rows: Int, filled: [String: Int], warnings: Int, submissionIDs: [String],
            byAgency: [String: AgencyProfile] = [:]
        ) {
            self.byAgency = byAgency
            self.agencies = agencies
            self.first = first
            self.last = last
            self.rows = rows
            self.filled = filled
            self.warnings = warnings
            self.submissionIDs = submissionIDs
        }

        public func share(_ field: String) -> Double { rows == 0 ? 0 : Double(filled[field] ?? 0) / Double(rows) }
    }

    public var datasets: [Dataset: DatasetProfile]
    public var linkageRunID: String?

    public init(datasets: [Dataset: DatasetProfile], linkageRunID: String?) {
        self.datasets = datasets
        self.linkageRunID = linkageRunID
    }
}

/// Something the data cannot (yet) tell the partnership, and why: first-class output, never a silent zero.
public struct DataGap: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case neverSubmitted = "never-submitted", fieldEmpty = "field-empty", fieldMostlyEmpty = "field-mostly-empty"
        case outOfDate = "out-of-date", lowQuality = "low-quality", notLinked = "not-linked", noIndicators = "no-indicators"
    }

    public var kind: Kind
    public var indicatorID: String?
    /// True when the indicator cannot be answered at all; false for a caveat on an answer.
    public var blocking: Bool
    public var detail: String

    public init(kind: Kind, indicatorID: String?, blocking: Bool, detail: String) {
        self.kind = kind
        self.indicatorID = indicatorID
        self.blocking = blocking
        self.detail = detail
    }
}
