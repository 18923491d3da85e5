import DotsCore

/// Texts drawn at random for a second coder to code blind (without seeing the first coding), so agreement
/// between coders can be measured. The second coder must not be the one who coded them first.
public struct AgreementSample: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var units: [TextUnit]
    public var drawnBy: String
    public var drawnAt: Instant
    public var codebookVersion: Int

    public init(id: String, units: [TextUnit], drawnBy: String, drawnAt: Instant, codebookVersion: Int) {
        self.id = id
        self.units = units
        self.drawnBy = drawnBy
        self.drawnAt = drawnAt
        self.codebookVersion = codebookVersion
    }
}
