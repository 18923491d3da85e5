/// One intake report as the log keeps it: who submitted what, when, and whether it went in. The report itself
/// (every issue with its row, column and fix) is loaded on its own, since it can be long.
public struct IntakeReportRecord: Sendable, Codable, Equatable {
    public var id: String
    public var agency: String
    /// The package or file name it came from.
    public var label: String
    public var receivedAt: Instant
    public var submittedBy: String
    public var accepted: Bool
    public var rows: Int
    public var errorCount: Int
    public var warningCount: Int

    public init(
        id: String, agency: String, label: String, receivedAt: Instant, submittedBy: String, accepted: Bool,
        rows: Int, errorCount: Int, warningCount: Int
    ) {
        self.id = id
        self.agency = agency
        self.label = label
        self.receivedAt = receivedAt
        self.submittedBy = submittedBy
        self.accepted = accepted
        self.rows = rows
        self.errorCount = errorCount
        self.warningCount = warningCount
    }
}
