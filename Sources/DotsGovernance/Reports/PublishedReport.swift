import DotsCore
import Foundation

/// A report as published: never changed afterwards. A correction is a new version of the same template,
/// partnership and period, saying what changed. The board and public editions come from the same build.
public struct PublishedReport: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var templateID: String
    public var templateVersion: String
    public var title: String
    public var partnership: String
    public var period: String
    /// 1 for the first publication of this template, partnership and period; each correction adds one.
    public var version: Int
    /// What changed since the version before (required from version 2).
    public var changes: String?
    public var runID: String
    public var builtAt: Instant
    public var publishedBy: String
    /// SHA-256 of each edition's HTML, by edition ("board", "public").
    public var hashes: [String: String]
    /// Editions with a PDF (none when Chromium was not installed where it was published).
    public var pdfEditions: [String]

    public init(
        id: String, templateID: String, templateVersion: String, title: String, partnership: String, period: String, version: Int, changes: String?,
        runID: String, builtAt: Instant, publishedBy: String, hashes: [String: String], pdfEditions: [String]
    ) {
        self.id = id
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.title = title
        self.partnership = partnership
        self.period = period
        self.version = version
        self.changes = changes
        self.runID = runID
        self.builtAt = builtAt
        self.publishedBy = publishedBy
        self.hashes = hashes
        self.pdfEditions = pdfEditions
    }

    /// What a correction is a new version of.
    public var key: String { [templateID, partnership, period].joined(separator: "|") }
}
