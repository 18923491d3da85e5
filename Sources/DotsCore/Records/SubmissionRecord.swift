/// The provenance of one submitted file: who sent what, for which period, when, and what became of it.
public struct SubmissionRecord: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// In force: its rows are in the store.
        case current
        /// Replaced by a later submission for the same period; its rows are gone, its record stays.
        case superseded
        /// Refused at intake; nothing was loaded.
        case rejected
    }

    public var id: String
    public var agency: String
    public var dataset: Dataset
    public var period: Period
    public var status: Status
    public var rows: Int
    public var bytes: Int
    /// SHA-256 of the file, hex.
    public var checksum: String
    public var receivedAt: Instant
    public var submittedBy: String
    /// The file or package name it came from.
    public var source: String
    public var keyID: String?
    public var schemaVersion: Int
    public var supersededBy: String?
    public var errorCount: Int
    public var warningCount: Int
    /// The intake report it was checked in (nil for submissions received before reports were kept).
    public var reportID: String?
    /// The file's data quality, measured at intake.
    public var quality: QualityProfile?

    public init(
        id: String, agency: String, dataset: Dataset, period: Period, status: Status, rows: Int, bytes: Int, checksum: String,
        receivedAt: Instant, submittedBy: String, source: String, keyID: String?, schemaVersion: Int,
        supersededBy: String? = nil, errorCount: Int = 0, warningCount: Int = 0, reportID: String? = nil, quality: QualityProfile? = nil
    ) {
        self.id = id
        self.agency = agency
        self.dataset = dataset
        self.period = period
        self.status = status
        self.rows = rows
        self.bytes = bytes
        self.checksum = checksum
        self.receivedAt = receivedAt
        self.submittedBy = submittedBy
        self.source = source
        self.keyID = keyID
        self.schemaVersion = schemaVersion
        self.supersededBy = supersededBy
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.reportID = reportID
        self.quality = quality
    }
}
