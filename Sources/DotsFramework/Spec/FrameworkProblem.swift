/// One thing wrong with a framework file, where it is and how to put it right.
public struct FrameworkProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the file.
    public let line: Int
    /// Where in the framework: `themes[0].questions[1].indicators[2].measure`.
    public let path: String
    public let message: String
    public let fix: String

    public var description: String { "line \(line), \(path): \(message). Fix: \(fix)" }
}
