import Foundation

/// One thing wrong with what someone entered in a governance form or API call, tied to the field so a form can
/// show it beside the field and an API client can point at it.
public struct InputProblem: Sendable, Equatable, Codable {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// What input checks throw, in every use case: every problem found, not just the first.
public struct InvalidInput: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [InputProblem]

    public init(_ problems: [InputProblem]) { self.problems = problems }

    public var description: String { problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}
