/// The outcome of checking one submission: per file, the rows read and every issue found.
public struct IntakeReport: Sendable, Codable {
    public struct FileReport: Sendable, Codable {
        public let file: String
        public let dataset: Dataset?
        public var rows: Int
        public var bytes: Int
        /// SHA-256 of the file's bytes, hex.
        public var checksum: String
        public var errorCount: Int
        public var warningCount: Int
        /// The first and last event dates in the file (UK dates), if it holds events.
        public var firstEvent: CalendarDate?
        public var lastEvent: CalendarDate?
        /// The file's data quality, measured as it was checked (nil when it could not be read as a table).
        public var quality: QualityProfile?

        public init(file: String, dataset: Dataset?, rows: Int = 0, bytes: Int = 0, checksum: String = "", errorCount: Int = 0, warningCount: Int = 0) {
            self.file = file
            self.dataset = dataset
            self.rows = rows
            self.bytes = bytes
            self.checksum = checksum
            self.errorCount = errorCount
            self.warningCount = warningCount
        }
    }

    public var files: [FileReport]
    /// Issues kept for the report; capped per file (see `issueLimit`) while the counts stay exact.
    public var issues: [IntakeIssue]
    public var seconds: Double

    /// How many issues of each file are kept in full; the rest are only counted.
    public static let issueLimit = 10_000

    public init(files: [FileReport] = [], issues: [IntakeIssue] = [], seconds: Double = 0) {
        self.files = files
        self.issues = issues
        self.seconds = seconds
    }

    /// Errors and warnings about the package rather than one of its files.
    public var packageErrorCount = 0
    public var packageWarningCount = 0

    public var errorCount: Int { files.reduce(packageErrorCount) { $0 + $1.errorCount } }
    public var warningCount: Int { files.reduce(packageWarningCount) { $0 + $1.warningCount } }
    public var isValid: Bool { errorCount == 0 }
    public var rows: Int { files.reduce(0) { $0 + $1.rows } }

    /// Records an issue: counted against its file (or the package), and kept unless the file is over the limit.
    public mutating func add(_ issue: IntakeIssue) {
        let isError = issue.severity == .error
        if let i = files.lastIndex(where: { $0.file == issue.file }) {
            if isError { files[i].errorCount += 1 } else { files[i].warningCount += 1 }
            if files[i].errorCount + files[i].warningCount > IntakeReport.issueLimit { return }
        } else if isError {
            packageErrorCount += 1
        } else {
            packageWarningCount += 1
        }
        issues.append(issue)
    }

    public mutating func merge(_ other: IntakeReport) {
        files += other.files
        issues += other.issues
        seconds += other.seconds
        packageErrorCount += other.packageErrorCount
        packageWarningCount += other.packageWarningCount
    }

    /// The text people read: a verdict, then each issue on its own line (the first `limit`).
    public func summary(limit: Int = 50) -> String {
        var lines: [String] = []
        if isValid {
            lines.append("Valid: \(rows) rows in \(files.count) file(s)\(warningCount > 0 ? ", \(warningCount) warning(s)" : "").")
        } else {
            lines.append("Rejected: \(errorCount) error(s) in \(files.count) file(s). Nothing was loaded.")
        }
        for issue in issues.prefix(limit) {
            lines.append("- \(issue.severity == .error ? "Error" : "Warning"): \(issue.message)")
        }
        let total = errorCount + warningCount
        if total > limit {
            lines.append("… and \(total - limit) more; the JSON report (--report FILE) lists them.")
        }
        return lines.joined(separator: "\n")
    }

    /// The report as CSV, one row per issue, for a spreadsheet: every cell is text the submitter controls
    /// (file and column names, values), so each is made formula-safe.
    public func csv() -> String {
        var out = CSVText.line(["severity", "code", "file", "row", "column", "value", "problem", "fix"])
        for i in issues {
            out += CSVText.textLine([i.severity.rawValue, i.code.rawValue, i.file, i.row.map(String.init) ?? "", i.column ?? "", i.value ?? "", i.rule, i.fix])
        }
        return out
    }
}
