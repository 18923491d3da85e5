import DotsCore

/// A framework run as logged: what was computed, from which submissions and linkage run, and when.
public struct FrameworkRunRecord: Sendable, Equatable, Codable {
    public var id: String
    public var computedAt: Instant
    public var frameworkName: String
    public var frameworkVersion: String
    public var frameworkChecksum: String
    public var linkageRunID: String?
    public var submissions: [String]
    public var indicators: Int
    public var cells: Int
    public var seconds: Double
    public var runBy: String

    public init(
        id: String, computedAt: Instant, frameworkName: String, frameworkVersion: String, frameworkChecksum: String, linkageRunID: String?,
        submissions: [String], indicators: Int, cells: Int, seconds: Double, runBy: String
    ) {
        self.id = id
        self.computedAt = computedAt
        self.frameworkName = frameworkName
        self.frameworkVersion = frameworkVersion
        self.frameworkChecksum = frameworkChecksum
        self.linkageRunID = linkageRunID
        self.submissions = submissions
        self.indicators = indicators
        self.cells = cells
        self.seconds = seconds
        self.runBy = runBy
    }
}

/// A data gap as stored, with the question it belongs to.
public struct StoredGap: Sendable, Equatable, Codable {
    public var questionID: String
    public var gap: DataGap

    public init(questionID: String, gap: DataGap) {
        self.questionID = questionID
        self.gap = gap
    }
}
