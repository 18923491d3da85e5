/// How good one submitted file's data is, measured while it is validated: the partnership's "mapping and reviewing
/// the quality of existing data" made routine. Counts, not samples: every row is counted once.
///
/// The five dimensions follow the usual data-quality framework (the UK Government Data Quality Framework, 2020):
/// completeness (values present), validity (values that meet the schema), consistency (rows whose values agree
/// with each other and with the agency's people), uniqueness (no repeated records) and timeliness (how soon after an
/// event it reaches the partnership).
public struct QualityProfile: Sendable, Codable, Equatable {
    public struct FieldQuality: Sendable, Codable, Equatable {
        public let name: String
        public let title: String
        public let required: Bool
        /// Values present (not blank), valid or not.
        public var filled = 0
        /// Values present that broke a cell rule (type, code list, format, range, length).
        public var invalid = 0
        /// Rows where this field broke a rule across fields (end before start, a date in the future, ...).
        public var inconsistent = 0
        /// False when the submitting agency is not expected to record the field (`FieldSpec.heldBy`): it is left
        /// out of completeness and its blanks are not something to fix. Nil (profiles stored before) means expected.
        public var expected: Bool?

        /// Counted in completeness.
        public var counts: Bool { expected != false }

        public init(name: String, title: String, required: Bool) {
            self.name = name
            self.title = title
            self.required = required
        }
    }

    /// Events received this many days or fewer after they happened count as timely: one quarter, the
    /// partnership's reporting cycle.
    public static let timelyDays = 92

    public var rows = 0
    public var fields: [FieldQuality]
    /// Cells counted, when profiles of different datasets were added together (each has its own fields).
    public var addedCells: Int?
    /// Values present in those cells (each profile's fields expected of its own agency).
    public var addedFilled: Int?
    /// Rows whose record id repeats an earlier row's.
    public var duplicateRows = 0
    /// Event rows repeating an earlier row in everything but the record id: the same event entered twice. A warning,
    /// so it can be in accepted data (nil in profiles taken before it was measured).
    public var repeatedRows: Int?
    /// Rows breaking any rule across fields, or naming a person the agency does not list.
    public var inconsistentRows = 0
    /// Events new in this submission (after the previous submission's latest event), with their lag in days from
    /// the event to receipt. Nil for datasets without an event date.
    public var newEvents: Int?
    public var timelyEvents: Int?
    public var medianLagDays: Int?
    public var firstEvent: CalendarDate?
    public var lastEvent: CalendarDate?

    public init(fields: [FieldQuality]) {
        self.fields = fields
    }

    /// - Parameter agencyKind: the submitting agency's kind; fields it is not expected to hold are measured but not
    ///   counted in completeness.
    public init(schema: DatasetSchema, agencyKind: Agency.Kind? = nil) {
        self.init(
            fields: schema.fields.map { f in
                var q = FieldQuality(name: f.name, title: f.title, required: f.required)
                if !f.isHeld(by: agencyKind) { q.expected = false }
                return q
            })
    }

    // MARK: the dimensions, each a share from 0 to 1 (nil when there is nothing to measure)

    /// Values present in the fields the agency is expected to hold.
    public var completeness: Double? {
        let cells = addedCells ?? rows * fields.filter(\.counts).count
        return cells == 0 ? nil : Double(addedFilled ?? countedFilled) / Double(cells)
    }

    var countedFilled: Int { fields.filter(\.counts).reduce(0) { $0 + $1.filled } }

    public var validity: Double? {
        let filled = fields.reduce(0) { $0 + $1.filled }
        return filled == 0 ? nil : Double(filled - fields.reduce(0) { $0 + $1.invalid }) / Double(filled)
    }

    public var consistency: Double? { rows == 0 ? nil : Double(rows - inconsistentRows) / Double(rows) }

    public var uniqueness: Double? { rows == 0 ? nil : Double(rows - duplicateRows - (repeatedRows ?? 0)) / Double(rows) }

    public var timeliness: Double? {
        guard let n = newEvents, n > 0, let t = timelyEvents else { return nil }
        return Double(t) / Double(n)
    }

    /// The dimensions in the order pages show them.
    public var dimensions: [(dimension: QualityDimension, value: Double?)] {
        QualityDimension.allCases.map { ($0, value(of: $0)) }
    }

    public func value(of d: QualityDimension) -> Double? {
        switch d {
        case .completeness: completeness
        case .validity: validity
        case .consistency: consistency
        case .uniqueness: uniqueness
        case .timeliness: timeliness
        }
    }

    /// Fields with something to fix, worst first: errors (blank required, invalid, inconsistent values) before
    /// blanks in optional fields, which may be blank by design but still limit what the data can answer.
    public var fieldsToFix: [FieldProblem] {
        fields.compactMap { f -> FieldProblem? in
            let blank = rows - f.filled
            let errors = f.invalid + f.inconsistent + (f.required ? blank : 0)
            // Blanks in a field the agency does not record are not something it can fix.
            let blanks = f.required || !f.counts ? 0 : blank
            guard errors + blanks > 0 else { return nil }
            let causes = [
                (f.invalid, "invalid values"), (f.inconsistent, "values that contradict another field"),
                (f.required ? blank : 0, "blank required values"), (blanks, "blank values"),
            ]
            // The largest cause names the problem; ties go to the earlier (more serious) one.
            let main = causes.reduce(causes[0]) { $1.0 > $0.0 ? $1 : $0 }
            return FieldProblem(field: f.name, title: f.title, errors: errors, blanks: blanks, rows: rows, mainIssue: main.1)
        }
        .sorted { ($0.errors, $0.blanks, $1.field) > ($1.errors, $1.blanks, $0.field) }
    }

    /// Sets timeliness from the lags (days from event to receipt → number of new events).
    public mutating func record(lags: [Int: Int]) {
        let n = lags.values.reduce(0, +)
        newEvents = n
        timelyEvents = lags.reduce(0) { $0 + ($1.key <= Self.timelyDays ? $1.value : 0) }
        guard n > 0 else { medianLagDays = nil; return }
        // The lower median: the lag of the ((n + 1) / 2)th event in order.
        var seen = 0
        for (lag, count) in lags.sorted(by: { $0.key < $1.key }) {
            seen += count
            if seen * 2 >= n { medianLagDays = lag; return }
        }
    }

    /// Adds another file's counts (for an agency's or the partnership's totals).
    public mutating func absorb(_ other: QualityProfile) {
        addedCells = (addedCells ?? rows * fields.filter(\.counts).count) + (other.addedCells ?? other.rows * other.fields.filter(\.counts).count)
        addedFilled = (addedFilled ?? countedFilled) + (other.addedFilled ?? other.countedFilled)
        rows += other.rows
        duplicateRows += other.duplicateRows
        if let r = other.repeatedRows { repeatedRows = (repeatedRows ?? 0) + r }
        inconsistentRows += other.inconsistentRows
        for f in other.fields {
            if let i = fields.firstIndex(where: { $0.name == f.name }) {
                // Expected if any agency whose file is added in was expected to hold it: its blanks then count.
                if f.counts { fields[i].expected = nil }
                fields[i].filled += f.filled
                fields[i].invalid += f.invalid
                fields[i].inconsistent += f.inconsistent
            } else {
                fields.append(f)
            }
        }
        if let n = other.newEvents { newEvents = (newEvents ?? 0) + n }
        if let t = other.timelyEvents { timelyEvents = (timelyEvents ?? 0) + t }
    }
}

public enum QualityDimension: String, Sendable, Codable, CaseIterable {
    case completeness, validity, consistency, uniqueness, timeliness

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public var meaning: String {
        switch self {
        case .completeness: "Share of all cells that hold a value."
        case .validity: "Share of values present that meet the schema (type, code list, format, range)."
        case .consistency: "Share of rows whose values agree with each other and name a person the agency lists."
        case .uniqueness: "Share of rows whose record id is not repeated."
        case .timeliness: "Share of new events received within \(QualityProfile.timelyDays) days of happening."
        }
    }

    /// Good at or above this share; needs attention below `amber`.
    public var green: Double { self == .timeliness ? 0.9 : self == .completeness ? 0.9 : 0.99 }
    public var amber: Double { self == .timeliness ? 0.75 : self == .completeness ? 0.75 : 0.95 }

    public func rating(_ value: Double) -> QualityRating {
        value >= green ? .good : value >= amber ? .fair : .poor
    }
}

public enum QualityRating: String, Sendable {
    case good, fair, poor

    public var title: String {
        switch self {
        case .good: "Good"
        case .fair: "Needs attention"
        case .poor: "Poor"
        }
    }
}

/// One field that needs fixing, and how badly.
public struct FieldProblem: Sendable, Equatable {
    public let field: String
    public let title: String
    /// Blank required values, invalid values and contradictions.
    public let errors: Int
    /// Blank optional values.
    public let blanks: Int
    public let rows: Int
    public let mainIssue: String
}
